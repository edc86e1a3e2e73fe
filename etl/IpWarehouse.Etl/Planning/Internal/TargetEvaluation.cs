namespace IpWarehouse.Etl.Planning.Internal;

/// The status rules of target tracking (INDICATORS.md, Targets; docs/planners.md "Target tracking"), as a pure
/// function of the figures so that every status can be tested by hand.
internal static class TargetEvaluation
{
    public const string AtLeast = ">=";
    public const string AtMost = "<=";
    public const string AboveParent = ">parent_avg";

    // The status of one target. comparator: >=, <= or >parent_avg; target: the target value, or the
    // parent's value for >parent_avg; actual: the full-year value or the year to date; projection: the
    // year-end projection of a count during the year, else null; yearOver: the period has ended, so the
    // full-year value decides; isCount: a count or sum (a flow), which only grows through the year.
    public static TargetStatus Status(string comparator, double? target, double? actual, double? projection, bool yearOver, bool isCount)
    {
        if (actual is not { } value || target is not { } goal)
        {
            // Nothing to compare (no population, no parent value): not achieved, and nothing says it will be.
            return yearOver ? TargetStatus.Missed : TargetStatus.OffTrack;
        }
        if (yearOver)
        {
            return Holds(comparator, value, goal) ? TargetStatus.Achieved : TargetStatus.Missed;
        }
        if (isCount && comparator == AtLeast && Holds(comparator, value, goal))
        {
            // a year-to-date count only grows: reaching an at-least target during the year is final
            return TargetStatus.Achieved;
        }
        if (isCount && comparator == AtMost && !Holds(comparator, value, goal))
        {
            // …and past an at-most cap it cannot come back
            return TargetStatus.Missed;
        }
        // Counts are judged on their projection to the year end; rates, shares, stocks, per-capita values,
        // growth (already against the same days a year before) and >parent_avg on the current value.
        var basis = isCount && comparator != AboveParent && projection is { } p ? p : value;
        if (Holds(comparator, basis, goal))
        {
            return TargetStatus.OnTrack;
        }
        var margin = TargetThresholds.AtRiskMargin * Math.Abs(goal);
        var near = comparator == AtMost ? basis <= goal + margin : basis >= goal - margin;
        return near ? TargetStatus.AtRisk : TargetStatus.OffTrack;
    }

    public static bool Holds(string comparator, double value, double goal) => comparator switch
    {
        AtLeast => value >= goal,
        AtMost => value <= goal,
        AboveParent => value > goal,
        _ => throw new ArgumentOutOfRangeException(nameof(comparator), comparator, "not >=, <= or >parent_avg"),
    };

    /// The share of a year's count expected by a day: the previous year's share by the same day (its
    /// seasonal profile) when it had any, else the share of the period's days elapsed (linear).
    public static (double Share, string Method) ShareOfYear(double? previousToDate, double? previousFullYear, DateOnly day, DateOnly start, DateOnly end)
    {
        if (previousToDate is { } part && previousFullYear is { } whole && whole > 0 && part > 0)
        {
            return (part / whole, "seasonal");
        }
        var elapsed = day.DayNumber - start.DayNumber + 1;
        var length = end.DayNumber - start.DayNumber + 1;
        return ((double)elapsed / length, "linear");
    }
}
