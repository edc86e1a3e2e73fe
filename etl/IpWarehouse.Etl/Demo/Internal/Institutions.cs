namespace IpWarehouse.Etl.Demo.Internal;

/// Universities and research institutes that file patents, by the county of their main campus. They are
/// real names (the demo is meant to look like 甘肃's register); their codes and filings are invented.
internal static class Institutions
{
    public static readonly (string County, string Name, PartyKind Kind)[] All =
    [
        ("620102", "兰州大学", PartyKind.University),
        ("620102", "西北民族大学", PartyKind.University),
        ("620102", "甘肃中医药大学", PartyKind.University),
        ("620102", "兰州城市学院", PartyKind.University),
        ("620102", "中国科学院兰州化学物理研究所", PartyKind.Institute),
        ("620102", "中国科学院近代物理研究所", PartyKind.Institute),
        ("620102", "中国科学院西北生态环境资源研究院", PartyKind.Institute),
        ("620102", "甘肃省科学院", PartyKind.Institute),
        ("620103", "兰州理工大学", PartyKind.University),
        ("620103", "甘肃省医学科学研究院", PartyKind.Institute),
        ("620104", "兰州石化职业技术大学", PartyKind.University),
        ("620105", "西北师范大学", PartyKind.University),
        ("620105", "兰州交通大学", PartyKind.University),
        ("620105", "甘肃农业大学", PartyKind.University),
        ("620105", "甘肃政法大学", PartyKind.University),
        ("620105", "甘肃省农业科学院", PartyKind.Institute),
        ("620302", "金昌职业技术学院", PartyKind.University),
        ("620402", "白银矿冶职业技术学院", PartyKind.University),
        ("620502", "天水师范学院", PartyKind.University),
        ("620602", "甘肃省治沙研究所", PartyKind.Institute),
        ("620702", "河西学院", PartyKind.University),
        ("620802", "甘肃医学院", PartyKind.University),
        ("620902", "酒泉职业技术学院", PartyKind.University),
        ("621002", "陇东学院", PartyKind.University),
        ("621102", "定西师范高等专科学校", PartyKind.University),
        ("621221", "陇南师范高等专科学校", PartyKind.University),
        ("622901", "临夏现代职业学院", PartyKind.University),
        ("623001", "甘肃民族师范学院", PartyKind.University),
    ];

    /// Geographical-indication products and the county whose association holds the mark.
    public static readonly (string County, string Product, int NiceClass)[] GeographicalIndications =
    [
        ("620826", "静宁苹果", 31), ("621126", "岷县当归", 5), ("620621", "民勤蜜瓜", 31), ("620922", "瓜州蜜瓜", 31),
        ("621122", "陇西黄芪", 5), ("620623", "天祝白牦牛", 29), ("623001", "甘南牦牛", 29), ("620502", "花牛苹果", 31),
        ("620103", "兰州百合", 31), ("620121", "苦水玫瑰", 3), ("620421", "靖远羊羔肉", 29), ("621002", "庆阳苹果", 31),
        ("621202", "武都花椒", 30), ("620723", "临泽小枣", 31), ("622926", "东乡手抓羊肉", 29), ("622924", "广河胡麻油", 29),
    ];
}
