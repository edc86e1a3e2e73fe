namespace IpWarehouse.Etl.Planning.Internal;

/// One current region of dim_region.
internal sealed record RegionEntry(string Code, string Name, string ShortName, string Level, string? ParentCode, bool IsFunctionalZone);
