namespace IpWarehouse.Etl.Regions;

/// <summary>What became of a division code (<c>ipwh regions history</c>): its state today and the changes around it.</summary>
/// <param name="Code">The code asked for.</param>
/// <param name="Name">Its current name, else its last listed name.</param>
/// <param name="IsCurrent">True when the code is in today's division list (NBS 2023).</param>
/// <param name="Successor">For a retired code, the one code that succeeds it today; null when there is none or several.</param>
/// <param name="SuccessorName">That code's name.</param>
/// <param name="Changes">The changes that created, renamed or retired it, oldest first.</param>
public sealed record RegionHistory(string Code, string Name, bool IsCurrent, string? Successor, string? SuccessorName, IReadOnlyList<RegionChange> Changes)
{
    /// <summary>The history of <paramref name="code"/>, or null when no list since 1980 has it.</summary>
    public static RegionHistory? Of(string code, RegionCatalog catalog, RegionSuccession succession)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(succession);
        var changes = succession.HistoryOf(code);
        var current = catalog.Find(code);
        if (current is not null)
        {
            return new RegionHistory(code, current.Name, true, null, null, changes);
        }
        var retirement = succession.RetirementOf(code, catalog);
        if (retirement.Count == 0)
        {
            return null;
        }
        var successor = retirement[0].Successor is { } s ? catalog.Find(s) : null;
        return new RegionHistory(code, retirement[0].OldName, false, successor?.Code, successor?.Name, changes);
    }
}
