namespace IpWarehouse.Etl.Indicators;

/// <summary>
/// The date rules of INDICATORS.md (Counting rules) an indicator depends on; the settings that change
/// them are in <see cref="IndicatorSettings"/>.
/// </summary>
[Flags]
public enum IndicatorDateRules
{
    /// <summary>No date rule.</summary>
    None = 0,

    /// <summary>Events dated in the calendar period: 1 Jan to 31 Dec, or to the as-of date.</summary>
    CalendarPeriod = 1,

    /// <summary>
    /// Events dated in the trademark year (<see cref="IndicatorSettings.TrademarkYear"/>): CNIPA's
    /// 16 Dec Y-1 .. 15 Dec Y, or the calendar year.
    /// </summary>
    TrademarkYear = 1 << 1,

    /// <summary>Counted at the period end: 31 Dec (15 Dec for CNIPA trademark years) or the as-of date.</summary>
    StockAtPeriodEnd = 1 << 2,

    /// <summary>Patent validity: granted, not lapsed, and the term (<see cref="IndicatorSettings.InventionTermYears"/> …) not expired.</summary>
    PatentValidity = 1 << 3,

    /// <summary>Maintained more than <see cref="IndicatorSettings.HighValueMaintainedYears"/> years from application (a high-value criterion).</summary>
    HighValueMaintenance = 1 << 4,

    /// <summary>Trademark validity: registered, not cancelled, not expired.</summary>
    TrademarkValidity = 1 << 5,

    /// <summary>The region's own year-end population of the same year, of <see cref="IndicatorSettings.PopulationType"/>.</summary>
    PopulationOfYear = 1 << 6,

    /// <summary>Compared with the same period a year before (year-to-date at D against year-to-date at D − 1 year).</summary>
    SamePeriodYearBefore = 1 << 7,

    /// <summary>Cases open at the period start (filed before it, not closed before it).</summary>
    OpenAtPeriodStart = 1 << 8,

    /// <summary>The on-time limits of <see cref="IndicatorSettings.OnTimeLimitDays"/> and <see cref="IndicatorSettings.PatentDisputeMonths"/>, after suspended days.</summary>
    OnTimeLimit = 1 << 9,

    /// <summary>The subsidy rule versions in force on the payment date.</summary>
    SubsidyRulesInForce = 1 << 10,

    /// <summary>Recorded for the year, undated (enterprise designations): the same for the whole year and year to date.</summary>
    RecordedForYear = 1 << 11,
}
