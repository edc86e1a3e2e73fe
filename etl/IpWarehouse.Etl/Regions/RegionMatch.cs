namespace IpWarehouse.Etl.Regions;

/// <summary>What an address resolved to: the deepest region it pins down without ambiguity.</summary>
/// <param name="Code">Six-digit GB/T 2260 code.</param>
/// <param name="Level">The level the address was resolved to (county, city or province).</param>
/// <param name="Name">The region's full official name.</param>
public sealed record RegionMatch(string Code, RegionLevel Level, string Name);
