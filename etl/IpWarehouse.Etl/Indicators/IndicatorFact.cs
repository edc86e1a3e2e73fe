namespace IpWarehouse.Etl.Indicators;

/// <summary>One fact row counted in a region's figure (<c>IndicatorMart.ExplainFacts</c>).</summary>
/// <param name="FactTable">The fact table, e.g. <c>fact_patent</c>.</param>
/// <param name="FactKey">The fact's key in that table (application_no, case_no, payment_no, event_id; for a designation: enterprise, designation and level).</param>
/// <param name="EventDate">The date that puts it in the period (application, grant, closing … date; for a stock the day it starts counting); null for a designation, which is recorded for the year.</param>
/// <param name="Amount">What it adds: 1 for a count, the amount for a sum (元, 人次).</param>
/// <param name="RegionCode">The region the fact is attributed to (the figure's region or one below it).</param>
/// <param name="SourceName">The source (its name in ipwh.json) that delivered the row.</param>
/// <param name="SourceFile">The file or table it was read from; null for a database query.</param>
/// <param name="SourceRow">The row as the operator sees it in that source.</param>
/// <param name="BatchId">The batch that wrote the row's current values.</param>
public sealed record IndicatorFact(
    string FactTable,
    string FactKey,
    DateOnly? EventDate,
    double Amount,
    string RegionCode,
    string SourceName,
    string? SourceFile,
    long SourceRow,
    string BatchId);
