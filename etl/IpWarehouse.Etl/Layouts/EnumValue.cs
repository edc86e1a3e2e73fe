namespace IpWarehouse.Etl.Layouts;

/// <summary>One allowed value of an enum column: the canonical code and the Chinese words that mean it.</summary>
/// <param name="Code">The canonical code stored in the warehouse, e.g. <c>invention</c>.</param>
/// <param name="Aliases">Source spellings that mean the same, e.g. <c>发明</c>.</param>
public sealed record EnumValue(string Code, IReadOnlyList<string> Aliases);
