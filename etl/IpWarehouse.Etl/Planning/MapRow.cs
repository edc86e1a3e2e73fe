namespace IpWarehouse.Etl.Planning;

/// <summary>
/// One region of a map (the console's 地图): its ranking figures and where its shape is; JSON keys are the
/// snake_case names. A row whose <see cref="ShapeName"/> is null has no shape in the shipped maps.
/// </summary>
/// <param name="Rank">The rank within the map's region (as <c>ipwh rank</c>); null without a value.</param>
/// <param name="RegionCode">GB/T 2260 code.</param>
/// <param name="RegionName">The region's current name.</param>
/// <param name="Level"><c>city</c> or <c>county</c>.</param>
/// <param name="Indicator">The catalogue code.</param>
/// <param name="Year">The year.</param>
/// <param name="Value">The value, unrounded; null when missing.</param>
/// <param name="Unit">The indicator's unit.</param>
/// <param name="ParentCode">The region the map is drawn within.</param>
/// <param name="ParentValue">That region's own value.</param>
/// <param name="MapFile">The GeoJSON file (under the console's <c>geo/</c>) holding the region's shape; null without one.</param>
/// <param name="ShapeName">The shape's name in that file (the map's spelling of the region's name); null without one.</param>
public sealed record MapRow(
    int? Rank,
    string RegionCode,
    string RegionName,
    string Level,
    string Indicator,
    int Year,
    double? Value,
    string Unit,
    string ParentCode,
    double? ParentValue,
    string? MapFile,
    string? ShapeName);
