using IpWarehouse.Etl.Regions;

namespace IpWarehouse.Etl.Demo.Internal;

/// A prefecture-level unit of 甘肃 and its counties.
internal sealed class GansuCity(Region region, CityProfile profile)
{
    public Region Region { get; } = region;

    public CityProfile Profile { get; } = profile;

    public string Code => Region.Code;

    public string Name => Region.Name;

    public List<GansuCounty> Counties { get; } = [];

    public GansuCounty Seat => Counties.FirstOrDefault(c => c.IsSeat) ?? Counties[0];

    /// 自治州 are called 临夏州, 甘南州 in addresses and firm names.
    public bool IsAutonomous => Name.EndsWith("自治州", StringComparison.Ordinal);

    /// How firms and addresses name the prefecture: 兰州, 临夏州.
    public string NamePrefix => IsAutonomous ? Region.ShortName + "州" : Region.ShortName;

    public IEnumerable<Domain> Domains => Profile.Domains.Select(Internal.Domains.Get);

    public override string ToString() => $"{Code} {Name}";
}
