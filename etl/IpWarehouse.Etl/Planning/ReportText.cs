using System.Globalization;

namespace IpWarehouse.Etl.Planning;

/// <summary>How report values read as text: for people (tables) and for CSV (invariant, unrounded).</summary>
public static class ReportText
{
    /// <summary>A value for people: grouped digits, the column's decimals, arrows for rank changes, — for missing.</summary>
    public static string ForPeople(ReportColumn column, object? value)
    {
        ArgumentNullException.ThrowIfNull(column);
        return value switch
        {
            null => "—",
            bool b => b ? "是" : "否",
            int change when column.Kind == ReportKind.RankChange => change > 0 ? $"↑{change}" : change < 0 ? $"↓{-change}" : "→",
            double d when column.Kind == ReportKind.Number => d.ToString("N" + Decimals(column, d).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
    }

    /// Decimals -1 (mixed units): none for a whole number, else two.
    private static int Decimals(ReportColumn column, double value) =>
        column.Decimals >= 0 ? column.Decimals : value == Math.Floor(value) ? 0 : 2;

    /// <summary>A value for CSV: invariant, numbers unrounded (round-trip), dates yyyy-MM-dd, empty for missing.</summary>
    public static string ForCsv(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
