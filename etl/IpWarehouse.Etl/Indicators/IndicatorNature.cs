namespace IpWarehouse.Etl.Indicators;

/// <summary>What kind of figure an indicator is, which decides how it is computed, compared and projected.</summary>
public enum IndicatorNature
{
    /// <summary>
    /// A count or sum of dated events in the period (applications, grants, cases, 元, 人次). Year-to-date
    /// figures grow through the year, so target tracking projects them to the year end.
    /// </summary>
    Flow,

    /// <summary>A count of what holds at the period end (valid patents and trademarks, designated enterprises).</summary>
    Stock,

    /// <summary>A share or rate in percent of two counts of the same regions (invention_share, case_closure_rate).</summary>
    Ratio,

    /// <summary>
    /// A count per 100 000 or 10 000 people of the region's own population of the same year; missing (not
    /// zero) without a population.
    /// </summary>
    PerCapita,

    /// <summary>A change in percent against the same period a year before; missing over a zero or missing base.</summary>
    Growth,
}
