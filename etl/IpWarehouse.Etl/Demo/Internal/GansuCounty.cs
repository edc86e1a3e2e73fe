using IpWarehouse.Etl.Regions;

namespace IpWarehouse.Etl.Demo.Internal;

/// A county-level unit of 甘肃 with the demo's weights for how much happens there.
internal sealed class GansuCounty(Region region, GansuCity city)
{
    public Region Region { get; } = region;

    public GansuCity City { get; } = city;

    public string Code => Region.Code;

    public string Name => Region.Name;

    /// The prefecture's seat (its first district or county-level city), where most firms sit.
    public bool IsSeat { get; set; }

    /// Share of the prefecture's resident population.
    public double PopulationShare { get; set; }

    public double PatentWeight { get; set; }

    public double TrademarkWeight { get; set; }

    public double CaseWeight { get; set; }

    /// 自治县: addresses may call it by its short name + 县 (东乡县, 积石山县).
    public bool IsAutonomous => Name.EndsWith("自治县", StringComparison.Ordinal);

    /// The full name names no other county in China, so it may open an address on its own (榆中县…).
    public bool HasUniqueName { get; set; }

    /// Mostly rural: persons live in villages, not on numbered streets.
    public bool IsRural => Name.EndsWith('县');

    // 天祝 and 肃南 lie outside 甘南 but are Tibetan (and Yugur) autonomous counties.
    public PeopleMix People => Region.Code is "620623" or "620721" ? PeopleMix.Tibetan : City.Profile.People;

    public override string ToString() => $"{Code} {Name}";
}
