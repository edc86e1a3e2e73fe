namespace IpWarehouse.Etl.Demo.Internal;

/// Trade names (字号) and legal-form suffixes of enterprises.
internal static partial class Words
{
    public const string TradeCharacters =
        "金华恒泰鑫瑞通宏远丰盛昌隆兴德润佳正信合新天宇汇博诚安康晟祥荣鼎峰凯嘉中科元亨利和众聚海宝锦辰航骏腾奥森卓越力维创智联达";

    public static readonly string[] TradeWords =
    [
        "陇原", "祁连", "敦煌", "丝路", "黄河", "陇上", "西部", "飞天", "金城", "河西", "陇东", "雪域", "伏羲", "大漠",
        "阳关", "九州", "华夏", "鸿运", "万通", "长征", "新丝路", "星辰", "绿洲", "驼铃",
    ];

    public static readonly (string Suffix, double Weight)[] FirmSuffixes =
    [
        ("有限公司", 0.62), ("有限责任公司", 0.26), ("股份有限公司", 0.12),
    ];

    /// Small businesses that file trademarks but rarely patents.
    public static readonly string[] TradeIndustries =
    [
        "商贸", "餐饮管理", "食品", "农产品开发", "文化传媒", "酒业", "茶业", "服饰", "电子商务", "农业专业合作社",
        "土特产", "旅游开发", "生物科技", "日用品", "建材",
    ];

    public static readonly string[] PatentAgencies =
    [
        "兰州振远专利代理事务所（普通合伙）", "甘肃陇原知识产权代理有限公司", "兰州金城专利代理有限责任公司",
        "北京华科知识产权代理有限公司", "西安智汇专利代理事务所（特殊普通合伙）", "兰州丝路专利事务所（普通合伙）",
        "天水伏羲知识产权服务有限公司", "甘肃河西知识产权事务所有限公司",
    ];

    public static string TradeName(DemoRandom random)
    {
        if (random.Chance(0.3))
        {
            return random.Pick(TradeWords);
        }
        var first = TradeCharacters[random.Next(TradeCharacters.Length)];
        char second;
        do
        {
            second = TradeCharacters[random.Next(TradeCharacters.Length)];
        }
        while (second == first);
        return string.Concat(first, second);
    }

    public static string FirmSuffix(DemoRandom random) =>
        FirmSuffixes[random.Weighted(FirmSuffixes.Select(s => s.Weight).ToArray())].Suffix;
}
