namespace IpWarehouse.Etl.Demo.Internal;

/// What the demo knows about a prefecture beyond regions.csv. Populations are the 2020 census figures
/// rounded (甘肃 25.02 M then, about 24.6 M by 2024); the rates reproduce the trend: 兰州 and 临夏 grow, the
/// rest of the province shrinks slowly. Registered (户籍) population exceeds resident population where
/// people leave for work, and is lower in 兰州 and 嘉峪关, which draw people in. The factors are relative
/// IP activity per resident: 兰州 dominates, the mining cities 金昌 and 嘉峪关 file far above their size,
/// 临夏 and 甘南 far below.
internal sealed record CityProfile(
    string Code,
    int Census2020,
    double AnnualChange,
    double RegisteredRatio,
    double PatentFactor,
    double TrademarkFactor,
    PeopleMix People,
    string[] Domains);

internal static class CityProfiles
{
    public static readonly CityProfile[] All =
    [
        new("620100", 4_359_000, +0.0040, 0.76, 5.5, 2.2, PeopleMix.Han, ["petrochem", "newmat", "pharma", "rail", "it", "env", "equip", "food", "build", "elec"]),
        new("620200", 312_000, +0.0020, 0.80, 4.0, 1.1, PeopleMix.Han, ["steel", "env", "equip", "build"]),
        new("620300", 438_000, -0.0060, 1.02, 4.5, 1.0, PeopleMix.Han, ["nickel", "battery", "chem", "equip"]),
        new("620400", 1_512_000, -0.0090, 1.12, 1.3, 0.9, PeopleMix.Han, ["zinc", "chem", "build", "agri"]),
        new("620500", 2_985_000, -0.0080, 1.14, 1.2, 1.0, PeopleMix.Han, ["elec", "chip", "fruit", "equip"]),
        new("620600", 1_465_000, -0.0100, 1.24, 0.6, 0.9, PeopleMix.Han, ["wine", "agri", "irrigation", "cattle"]),
        new("620700", 1_131_000, -0.0060, 1.10, 0.8, 1.0, PeopleMix.Han, ["seed", "irrigation", "agri", "food"]),
        new("620800", 1_849_000, -0.0090, 1.16, 0.6, 0.9, PeopleMix.Han, ["fruit", "cattle", "agri", "build"]),
        new("620900", 1_056_000, -0.0030, 0.93, 1.4, 1.0, PeopleMix.Han, ["wind", "solar", "agri", "equip"]),
        new("621000", 2_180_000, -0.0060, 1.26, 0.7, 0.9, PeopleMix.Han, ["oil", "sachet", "agri", "cattle"]),
        new("621100", 2_524_000, -0.0110, 1.20, 0.5, 0.9, PeopleMix.Han, ["potato", "herb", "agri"]),
        new("621200", 2_407_000, -0.0090, 1.19, 0.45, 0.9, PeopleMix.Han, ["herb", "pepper", "olive", "agri"]),
        new("622900", 2_110_000, +0.0030, 1.03, 0.3, 0.8, PeopleMix.Hui, ["halal", "embroidery", "food", "cattle"]),
        new("623000", 692_000, -0.0020, 1.06, 0.25, 0.8, PeopleMix.Tibetan, ["yak", "tibetan", "cattle"]),
    ];

    public static CityProfile For(string cityCode) =>
        All.FirstOrDefault(p => p.Code == cityCode)
        ?? new CityProfile(cityCode, 1_000_000, -0.005, 1.1, 0.8, 0.9, PeopleMix.Han, ["agri", "equip"]);
}
