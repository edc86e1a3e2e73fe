namespace IpWarehouse.Etl.Planning;

/// <summary>A region and the regions below it (the console's region tree): those with data and every region above them.</summary>
/// <param name="Code">GB/T 2260 code.</param>
/// <param name="Name">Its name.</param>
/// <param name="Level"><c>province</c>, <c>city</c> or <c>county</c>.</param>
/// <param name="Children">The regions directly below it, by code.</param>
public sealed record RegionNode(string Code, string Name, string Level, IReadOnlyList<RegionNode> Children);
