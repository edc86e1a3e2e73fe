namespace IpWarehouse.Etl.Regions;

/// <summary>
/// One row of <c>warehouse-sql/reference/region_succession.csv</c> (and of the warehouse's <c>region_succession</c>):
/// a code change seen between two consecutive division lists. JSON keys are the snake_case names.
/// </summary>
/// <param name="OldCode">The code before the change.</param>
/// <param name="OldName">Its name in the last list that shows it.</param>
/// <param name="NewCode">The code after it; the same code for a rename that kept it; null when abolished (撤销).</param>
/// <param name="NewName">The new code's name in the first list that shows it; null with <paramref name="NewCode"/>.</param>
/// <param name="LastListed">The date of the last list showing the old code: the change came after it.</param>
/// <param name="EffectiveDate">The date of the first list showing the change: it came on or before it.</param>
/// <param name="Reason">撤县设区, 撤县设市, 撤市设区, 撤地设市, 更名, 合并, 拆分, 撤销 or 未明 (a candidate, never followed); null when only the code changed.</param>
/// <param name="CurrentCodes">The codes of today the old code leads to: one is its clear successor.</param>
/// <param name="SolePredecessor">The old code alone became its one current code (no merger on the way).</param>
public sealed record RegionChange(
    string OldCode,
    string OldName,
    string? NewCode,
    string? NewName,
    DateOnly LastListed,
    DateOnly EffectiveDate,
    string? Reason,
    IReadOnlyList<string> CurrentCodes,
    bool SolePredecessor)
{
    /// <summary>The reason that names no successor: the new code is a candidate only.</summary>
    public const string Unclear = "未明";

    /// <summary>True for a rename that kept the code (桥东区 130502 → 襄都区).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool KeptCode => NewCode == OldCode;

    /// <summary>The one code of today the old code leads to, or null (a split, abolished, unclear).</summary>
    public string? Successor => CurrentCodes.Count == 1 ? CurrentCodes[0] : null;
}
