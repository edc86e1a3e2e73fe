namespace IpWarehouse.Etl.Demo.Internal;

/// Street names. None contains a province, prefecture or county name, so an address that stops at the
/// city (甘肃省兰州市东岗西路…) resolves to the city and nothing deeper, as intended.
internal static partial class Words
{
    public static readonly string[] LanzhouStreets =
    [
        "东岗西路", "雁滩路", "南昌路", "北滨河中路", "西津西路", "民主西路", "中山路", "火车站东路", "盐场路",
        "焦家湾路", "读者大道", "银滩路", "彭家坪路", "段家滩路", "小西湖东街", "建兰路", "西站东路", "土门墩路",
        "南滨河东路", "北滨河西路", "科教城路", "秦川大道", "兰工坪路", "培黎广场路",
    ];

    public static readonly string[] CommonStreets =
    [
        "人民路", "解放路", "建设路", "新华路", "团结路", "滨河路", "南关街", "北大街", "东大街", "西关街", "育才路",
        "文化路", "长城路", "工业路", "五一路", "环城路", "北环路", "南环路", "公园路", "和平路", "胜利路",
        "民主路", "府前街", "新民街", "利民路", "迎宾大道", "世纪大道", "东环路", "西环路", "北滨河路",
    ];

    public static readonly string[] Towns = ["新城", "东关", "柳树", "红山", "大河", "石门", "三合", "新庄", "杨家", "王家", "白土", "沙河", "土桥", "南川"];

    public static readonly string[] Villages = ["上庄", "下庄", "前进", "红星", "新民", "东湾", "西沟", "中川", "河滩", "李家", "张家", "马家", "丰乐", "团结"];
}
