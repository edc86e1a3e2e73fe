namespace IpWarehouse.Etl.Demo.Internal;

/// A technical field: the IPC main group written for its patents, the thing its titles are about, and
/// the industry word in the names of the enterprises working in it.
internal sealed record Domain(string Key, string Ipc, string Subject, string Industry);

internal static class Domains
{
    public static readonly Domain[] All =
    [
        new("petrochem", "C10G 11/18", "催化裂化催化剂", "石化科技"),
        new("newmat", "C01B 32/05", "多孔碳材料", "新材料科技"),
        new("pharma", "A61K 36/481", "黄芪多糖", "生物医药"),
        new("rail", "E01B 1/00", "无砟轨道", "轨道交通科技"),
        new("it", "G06F 16/29", "地理信息数据", "信息技术"),
        new("env", "B01D 53/78", "烟气脱硫", "环保科技"),
        new("equip", "B21D 22/02", "钣金冲压", "机械制造"),
        new("steel", "B21B 1/22", "冷轧带钢", "冶金科技"),
        new("nickel", "C22B 23/00", "镍钴湿法冶炼", "镍钴新材料"),
        new("battery", "H01M 10/0525", "锂离子电池正极材料", "新能源材料"),
        new("zinc", "C22B 19/20", "锌冶炼渣", "有色金属"),
        new("chem", "C07C 51/00", "精细化工中间体", "精细化工"),
        new("elec", "H01H 33/66", "真空断路器", "电工电器"),
        new("chip", "H01L 23/31", "集成电路封装", "电子科技"),
        new("fruit", "A01G 17/00", "苹果矮化栽培", "果业"),
        new("wine", "C12G 1/00", "葡萄酒酿造", "葡萄酒业"),
        new("agri", "A01B 49/04", "覆膜穴播机", "农业科技"),
        new("seed", "A01H 1/02", "玉米制种", "种业"),
        new("irrigation", "A01G 25/02", "滴灌带", "节水灌溉科技"),
        new("cattle", "A01K 1/00", "牛羊养殖圈舍", "畜牧"),
        new("wind", "F03D 7/00", "风力发电机组", "新能源科技"),
        new("solar", "F24S 20/00", "光热集热器", "光热发电"),
        new("oil", "E21B 43/26", "油井压裂", "石油工程技术"),
        new("potato", "A23L 19/12", "马铃薯淀粉", "薯业"),
        new("herb", "A61K 36/232", "当归提取物", "中药材"),
        new("pepper", "A23L 27/10", "花椒调味料", "农产品"),
        new("olive", "C11B 1/10", "油橄榄", "油橄榄开发"),
        new("halal", "A23L 13/40", "清真牛肉干", "清真食品"),
        new("embroidery", "D05C 17/00", "刺绣绷架", "民族工艺品"),
        new("yak", "A23C 9/12", "牦牛酸奶", "牦牛乳业"),
        new("tibetan", "A61K 36/00", "藏药制剂", "藏药"),
        new("food", "A23L 7/109", "牛肉拉面", "食品"),
        new("build", "C04B 28/04", "固废基胶凝材料", "建材"),
        new("sachet", "A41G 1/00", "香包", "民俗文化"),
    ];

    private static readonly Dictionary<string, Domain> ByKey = All.ToDictionary(d => d.Key, StringComparer.Ordinal);

    public static Domain Get(string key) => ByKey[key];

    // Locarno classes of design patents, with what such a design typically is.
    public static readonly (string Loc, string Product)[] Designs =
    [
        ("09-03", "包装盒"), ("09-05", "包装袋"), ("09-01", "包装瓶"), ("07-01", "茶具"), ("06-01", "座椅"),
        ("02-02", "民族服饰"), ("11-02", "装饰挂件"), ("13-03", "配电柜"), ("26-05", "灯具"), ("12-11", "电动三轮车"),
        ("10-04", "检测仪"), ("14-02", "数据终端"), ("05-06", "刺绣挂画"), ("19-08", "标签"),
    ];
}
