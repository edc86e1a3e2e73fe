namespace IpWarehouse.Etl.Planning;

/// <summary>A right whose protection ends soon (<c>ipwh expiring</c>, INDICATORS.md "Watch lists").</summary>
/// <param name="Kind"><c>patents</c> or <c>trademarks</c>.</param>
/// <param name="Number">Application (patent) or application/registration (trademark) number.</param>
/// <param name="Owner">First applicant or registrant.</param>
/// <param name="RegionCode">Region the right is attributed to.</param>
/// <param name="RegionName">Its name.</param>
/// <param name="RightType">Patent type (invention, utility_model, design) or mark kind (ordinary, collective, certification).</param>
/// <param name="StartDate">Application date (patents: the term runs from it) or registration date (trademarks).</param>
/// <param name="ExpiryDate">The first day the right is no longer in force.</param>
/// <param name="DaysLeft">Days from the reference date to <paramref name="ExpiryDate"/>; negative in a trademark's grace period.</param>
/// <param name="RenewalWindow">Trademarks: <c>not_open</c>, <c>open</c> (12 months before expiry) or <c>grace</c> (6 months after); null for patents.</param>
/// <param name="RenewalOpens">Trademarks: the day renewal opens.</param>
/// <param name="GraceEnds">Trademarks: the last day of the grace period's end (renewal impossible from it on).</param>
public sealed record ExpiringRight(
    string Kind,
    string Number,
    string Owner,
    string RegionCode,
    string RegionName,
    string RightType,
    DateOnly StartDate,
    DateOnly ExpiryDate,
    int DaysLeft,
    string? RenewalWindow,
    DateOnly? RenewalOpens,
    DateOnly? GraceEnds);

/// <summary>A case open at the reference date (<c>ipwh cases --open</c>).</summary>
/// <param name="CaseNo">Case number.</param>
/// <param name="CaseType">Case type code (SOURCES.md).</param>
/// <param name="Campaign">Campaign (铁拳, 蓝天 …), or null.</param>
/// <param name="Department">Handling unit, or null when the source left it empty.</param>
/// <param name="RegionCode">Region of the case.</param>
/// <param name="RegionName">Its name.</param>
/// <param name="FiledDate">Filing date.</param>
/// <param name="SuspendedDays">Days not counted against the statutory limit.</param>
/// <param name="DaysOpen">Days from filing to the reference date.</param>
/// <param name="LimitDate">Last day the case can be closed on time (the rule of case_on_time_rate).</param>
/// <param name="Overdue">Past <paramref name="LimitDate"/> at the reference date.</param>
/// <param name="DaysPastLimit">Days past the limit (negative: days left).</param>
/// <param name="IsOnline">E-commerce case.</param>
public sealed record OpenCase(
    string CaseNo,
    string CaseType,
    string? Campaign,
    string? Department,
    string RegionCode,
    string RegionName,
    DateOnly FiledDate,
    int SuspendedDays,
    int DaysOpen,
    DateOnly LimitDate,
    bool Overdue,
    int DaysPastLimit,
    bool IsOnline);

/// <summary>The case indicators of one handling unit, case type or campaign (<c>ipwh cases --by</c>).</summary>
/// <param name="Group">The department, case type code or campaign; null for the cases without one.</param>
/// <param name="CasesFiled">Filed from 1 January to the reference date.</param>
/// <param name="CasesClosed">Closed in the same span.</param>
/// <param name="CasesTransferred">Transferred to judicial organs in the same span.</param>
/// <param name="OnlineCases">E-commerce cases filed in the same span.</param>
/// <param name="FinesAmount">Fines of the cases closed in the same span (元).</param>
/// <param name="OpenCases">Open at the reference date.</param>
/// <param name="OverdueCases">Open and past their limit at the reference date.</param>
/// <param name="OldestFiledDate">Filing date of the oldest open case.</param>
public sealed record CaseGroup(
    string? Group,
    long CasesFiled,
    long CasesClosed,
    long CasesTransferred,
    long OnlineCases,
    double FinesAmount,
    long OpenCases,
    long OverdueCases,
    DateOnly? OldestFiledDate);
