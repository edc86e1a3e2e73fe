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
        return Band(comparator, isCount && comparator != AboveParent && projection is { } p ? p : value, goal);
    }

    // The status of a plan-period target (INDICATORS.md, Plan-period targets). total: 总目标; path: this year's
    // point on the path (the straight line from the year before the plan, or an annual target row); value: this
    // year's value (a flow: its total since the plan began), or the final value once the period is over;
    // projection: a flow's total projected to this year's end while the year runs.
    public static TargetStatus PlanStatus(string comparator, double? total, double? path, double? value, double? projection, bool periodOver, bool isCount)
    {
        if (periodOver || comparator == AboveParent)
        {
            // Over: the final value against 总目标; >parent_avg has no path, only this year's parent value.
            return Status(comparator, periodOver ? total ?? path : path, value, projection, periodOver, isCount);
        }
        if (value is not { } actual || path is not { } goal)
        {
            return TargetStatus.OffTrack;
        }
        if (isCount && total is { } whole && comparator == AtLeast && Holds(comparator, actual, whole))
        {
            return TargetStatus.Achieved; // a flow's total since the plan began only grows
        }
        if (isCount && total is { } cap && comparator == AtMost && !Holds(comparator, actual, cap))
        {
            return TargetStatus.Missed;
        }
        return Band(comparator, isCount && projection is { } p ? p : actual, goal);
    }

    // on_track when the comparator holds on the basis; at_risk within 10 % of the goal's size; else off_track.
    private static TargetStatus Band(string comparator, double basis, double goal)
    {
        if (Holds(comparator, basis, goal))
        {
            return TargetStatus.OnTrack;
        }
        var margin = TargetThresholds.AtRiskMargin * Math.Abs(goal);
        var near = comparator == AtMost ? basis <= goal + margin : basis >= goal - margin;
        return near ? TargetStatus.AtRisk : TargetStatus.OffTrack;
    }

    // The path of a plan-period target at year `year` of the plan from..to: a flow's cumulative share of the total
    // (annual target rows where given, an equal share of the total otherwise); a stock's straight line from its
    // value the year before the plan (start), or the annual target row of the year where given.
    public static double? Path(bool isFlow, double total, int from, int to, int year, double? start, Func<int, double?> annualTarget)
    {
        var length = to - from + 1;
        if (isFlow)
        {
            var sum = 0.0;
            for (var y = from; y <= year; y++)
            {
                sum += annualTarget(y) ?? total / length;
            }
            return sum;
        }
        if (annualTarget(year) is { } given)
        {
            return given;
        }
        return start is { } v0 ? v0 + (total - v0) * (year - from + 1) / length : null;
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
