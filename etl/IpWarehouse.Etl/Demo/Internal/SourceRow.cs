namespace IpWarehouse.Etl.Demo.Internal;

/// Why a dirty row must be quarantined: the reason code of SOURCES.md, the canonical column, the value.
internal sealed record DirtyTag(string Reason, string Column, string? Value, string Why);

/// A payment that loads but breaks a subsidy rule of INDICATORS.md.
internal sealed record ViolationTag(string Rule, string PaymentNo, int Year, string RegionCode);

/// One data row of a file being built, tagged when it is dirty on purpose or breaks a subsidy rule.
internal sealed class SourceRow<T>(T[] cells)
{
    public T[] Cells { get; } = cells;

    public DirtyTag? Dirty { get; init; }

    /// The subsidy rule the row breaks (it loads, and counts as a violation).
    public ViolationTag? Violation { get; init; }
}

internal static class SourceRows
{
    /// Puts each dirty row at a random place among the valid ones, as real exports mix them.
    public static void Scatter<T>(List<SourceRow<T>> rows, IEnumerable<SourceRow<T>> dirty, DemoRandom random)
    {
        foreach (var row in dirty)
        {
            rows.Insert(random.Next(rows.Count + 1), row);
        }
    }
}
