namespace IpWarehouse.Etl.Demo.Internal;

/// Titles and classes in the style of Chinese patent documents: 一种…的制备方法 for inventions,
/// 一种…装置 for utility models, a product name and a Locarno class for designs.
internal static class PatentTitles
{
    private static readonly string[] Devices =
        ["装置", "设备", "机构", "支架", "输送装置", "检测装置", "清洗装置", "固定装置", "搅拌罐", "分离器", "控制系统"];

    private static readonly string[] Techniques = ["机器视觉", "物联网", "深度学习", "红外光谱", "北斗定位", "数字孪生"];

    private static readonly string[] Variants = ["一", "二", "A款", "B款", "礼盒装", "便携式"];

    public static (string Title, string Ipc) Make(string type, Domain domain, DemoRandom random)
    {
        switch (type)
        {
            case PatentTypes.Invention:
                var title = random.Next(5) switch
                {
                    0 => $"一种{domain.Subject}的制备方法",
                    1 => $"一种{domain.Subject}及其制备方法",
                    2 => $"一种{domain.Subject}用{random.Pick(Devices)}及其使用方法",
                    3 => $"一种基于{random.Pick(Techniques)}的{domain.Subject}检测方法",
                    _ => $"一种{domain.Subject}处理系统及方法",
                };
                return (title, domain.Ipc);
            case PatentTypes.UtilityModel:
                return (random.Chance(0.3) ? $"一种新型{domain.Subject}{random.Pick(Devices)}" : $"一种{domain.Subject}用{random.Pick(Devices)}", domain.Ipc);
            default:
                var (loc, product) = Domains.Designs[random.Next(Domains.Designs.Length)];
                if (domain.Key is "sachet" or "embroidery")
                {
                    return ($"{domain.Subject}（{random.Pick(Variants)}）", "11-02");
                }
                // Packaging is designed for a product (清真牛肉干包装盒); other designs are named by variant.
                return (loc.StartsWith("09-", StringComparison.Ordinal) && random.Chance(0.6)
                    ? domain.Subject + product
                    : $"{product}（{random.Pick(Variants)}）", loc);
        }
    }
}
