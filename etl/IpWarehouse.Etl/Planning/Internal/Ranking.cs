using IpWarehouse.Etl.Indicators;

namespace IpWarehouse.Etl.Planning.Internal;

/// Competition ranking ("1224"): equal values share the best rank, the next rank skips the tied places;
/// a missing value gets no rank. Values compare exactly, unrounded: two regions tie only when their
/// figures are the same number, not when they print the same.
internal static class Ranking
{
    public static Dictionary<string, int?> Rank(IEnumerable<(string Code, double? Value)> values, IndicatorDirection direction)
    {
        var list = values.ToList();
        var ranks = list.ToDictionary(v => v.Code, _ => (int?)null, StringComparer.Ordinal);
        var present = list.Where(v => v.Value is not null).Select(v => (v.Code, Value: v.Value!.Value));
        var ordered = direction == IndicatorDirection.HigherIsBetter
            ? present.OrderByDescending(v => v.Value).ToList()
            : present.OrderBy(v => v.Value).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            // equal to the one before: the same rank; otherwise the place in the list
            ranks[ordered[i].Code] = i > 0 && ordered[i].Value.Equals(ordered[i - 1].Value) ? ranks[ordered[i - 1].Code] : i + 1;
        }
        return ranks;
    }

    /// The same, except that a year in which every region has 0 or nothing (before a source began, a stock
    /// not yet counted) ranks nobody: all would share first place, which says nothing.
    public static Dictionary<string, int?> RankUnlessAllZero(IEnumerable<(string Code, double? Value)> values, IndicatorDirection direction)
    {
        var list = values.ToList();
        return list.All(v => v.Value is null or 0)
            ? list.ToDictionary(v => v.Code, _ => (int?)null, StringComparer.Ordinal)
            : Rank(list, direction);
    }
}
