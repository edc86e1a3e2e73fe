using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;
using IpWarehouse.Etl.Indicators;
using IpWarehouse.Etl.Planning.Internal;

namespace IpWarehouse.Etl.Planning;

public sealed partial class PlanningQueries
{
    /// <summary>The tolerance of <see cref="Reconcile"/> when none is given: 0.5 %.</summary>
    public const double DefaultTolerance = 0.5;

    /// <summary>
    /// Reconciles the official figures of a year with the values computed here (<c>ipwh reconcile</c>, INDICATORS.md
    /// Reconciliation): for every official figure of the year (a whole year, a range of years ending in it, or a year to
    /// date in it) our value for exactly that period, the difference and a status; for each <c>differs</c> what in our
    /// own data could explain it; then, for each region with official figures, the indicators we compute that have none.
    /// </summary>
    /// <param name="year">The year.</param>
    /// <param name="within">The region whose figures (and those of the regions below it) to reconcile; null for all.</param>
    /// <param name="tolerance">|difference_pct| at most this (percent) is a match; <see cref="DefaultTolerance"/> when null.</param>
    /// <exception cref="PlanningException">An unknown region, a year without data, a tolerance outside 0..100.</exception>
    public ReconcileReport Reconcile(int year, string? within = null, double? tolerance = null)
    {
        var limit = tolerance ?? DefaultTolerance;
        if (!(limit >= 0 && limit <= 100))
        {
            throw new PlanningException($"容差 --tolerance {limit.ToString(CultureInfo.InvariantCulture)} 不在 0 到 100（百分比）之间，例如 0.5。")
            {
                Parameter = "tolerance",
            };
        }
        RequireYear(year);
        RequireCurrentSchema("对账");
        var scope = within is null ? null : RequireRegion(within, "within");
        var scopeCodes = scope is null ? null : Regions.SelfAndBelow(scope.Code).Select(r => r.Code).ToList();
        var figures = ReadOfficialFigures(scopeCodes).Values.Where(f => f.Year == year).ToList();

        var rows = new List<ReconcileRow>();
        foreach (var group in figures.GroupBy(PeriodOf))
        {
            var period = group.Key;
            var list = group.OrderBy(f => f.RegionCode, StringComparer.Ordinal).ThenBy(f => CatalogOrder(f.Indicator)).ToList();
            var ours = Values(period, [.. list.Select(f => f.Indicator).Distinct(StringComparer.Ordinal)],
                [.. list.Select(f => f.RegionCode).Distinct(StringComparer.Ordinal)]);
            var compared = list.Select(f => Compare(f, ours.TryGetValue((f.RegionCode, f.Indicator), out var v) ? v : null, limit)).ToList();
            rows.AddRange(Explain(compared, period, ours));
        }
        rows = [.. rows.OrderBy(r => r.RegionCode, StringComparer.Ordinal).ThenBy(r => CatalogOrder(r.Indicator)).ThenBy(r => r.Period, StringComparer.Ordinal)];
        rows.AddRange(WithoutOfficial(year, figures));
        return new ReconcileReport(year, scope?.Code, limit, rows, Publish);
    }

    private static IndicatorPeriod PeriodOf(OfficialFigure figure) =>
        figure.AsOf is { } asOf ? IndicatorPeriod.YearToDate(asOf) : IndicatorPeriod.Years(figure.FromYear, figure.Year);

    private ReconcileRow Compare(OfficialFigure f, MartValue? ours, double tolerance)
    {
        var definition = IndicatorCatalog.Get(f.Indicator);
        var value = ours?.Value;
        double? difference = value is { } v ? v - f.Value : null;
        double? pct = difference is { } d && f.Value != 0 ? d / f.Value * 100 : null;
        var status = value is null ? "no_local"
            : difference == 0 || pct is { } p && Math.Abs(p) <= tolerance ? "match"
            : "differs";
        return new ReconcileRow(f.RegionCode, Regions.NameOf(f.RegionCode), definition.Code, definition.ChineseName, definition.Unit, f.Year, f.Period,
            f.Value, value, difference, pct, status, f.SourceDocument, f.PublishedDate, null);
    }

    /// Adds the explanation to each differs row of one period: attribution of the facts counted, quarantined rows,
    /// retired codes followed, and the counting rules.
    private List<ReconcileRow> Explain(List<ReconcileRow> rows, IndicatorPeriod period, Dictionary<(string, string), MartValue> ours)
    {
        var differing = rows.Where(r => r.Status == "differs").ToList();
        if (differing.Count == 0)
        {
            return rows;
        }
        var (settings, settingsJson) = MartSettings;
        var measures = differing.ToDictionary(r => (r.RegionCode, r.Indicator),
            r => ExplainParts.Of(IndicatorCatalog.Get(r.Indicator), ExplainParts.PopulationLabel(settings)).Measure);
        var attribution = IndicatorMart.ExplainAttribution(connection, settings, period, [.. measures.Select(m => (m.Value, m.Key.RegionCode))]);
        periodInTable = null; // the models' temp tables were replaced and dropped
        using var document = JsonDocument.Parse(settingsJson);

        return [.. rows.Select(row =>
        {
            if (row.Status != "differs")
            {
                return row;
            }
            var definition = IndicatorCatalog.Get(row.Indicator);
            var counts = attribution[(measures[(row.RegionCode, row.Indicator)], row.RegionCode)];
            var facts = counts.Sum(c => c.Facts);
            var shares = counts.Select(c => new AttributionShare(c.Method, c.Facts, facts == 0 ? 0 : 100.0 * c.Facts / facts)).ToList();
            double? addressShare = facts == 0 ? null : shares.Where(s => s.Method is "address" or "credit_code").Sum(s => s.Share);
            var succeeded = counts.Where(c => c.Method == "code_succeeded").ToList();
            var mart = ours[(row.RegionCode, row.Indicator)];
            var kinds = IndicatorSources.KindsOf(row.Indicator)
                .Concat(definition.Nature == IndicatorNature.PerCapita ? ["population"] : []).ToArray();
            var quarantined = ReadQuarantined(row.RegionCode, kinds, mart.PeriodStart, mart.PeriodEnd);
            var givenCodes = succeeded.SelectMany(c => c.GivenCodes).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            return row with
            {
                Explanation = new ReconcileExplanation(facts, shares, addressShare, quarantined, succeeded.Sum(c => c.Facts), givenCodes,
                    document.RootElement.Clone(), ExplainParts.Rules(definition, settings), Summary(row, addressShare, quarantined, succeeded.Sum(c => c.Facts), givenCodes)),
            };
        })];
    }

    /// The likely causes of a difference, most telling first, in words a planner reads.
    private static string Summary(ReconcileRow row, double? addressShare, IReadOnlyList<QuarantineCount> quarantined, long succeeded, IReadOnlyList<string> givenCodes)
    {
        var lower = row.Difference < 0;
        var rows = quarantined.Sum(q => q.Rows);
        // Rows we could not count explain a lower figure first; facts we count that a bureau may not, a higher one.
        string?[] candidates =
        [
            rows > 0 ? $"本地区该期有 {rows} 行数据被隔离未计入（{string.Join("、", quarantined.Select(q => $"{PlanningLabels.RejectReason(q.Reason)} {q.Rows} 行"))}），见 ipwh rejects" : null,
            succeeded > 0 ? $"{succeeded} 条事实以已撤销代码 {string.Join("、", givenCodes)} 报送，按承继代码计入" : null,
            addressShare is > 0
                ? $"{addressShare.Value.ToString("0.#", CultureInfo.InvariantCulture)}% 的事实按地址或信用代码归属（官方若只按区划代码统计则不计入）"
                : null,
        ];
        var causes = (lower ? candidates : [candidates[1], candidates[2], candidates[0]]).OfType<string>().ToList();
        var direction = lower ? "本系统数值低于官方数" : "本系统数值高于官方数";
        return causes.Count == 0 ? $"{direction}；本地数据未见隔离行、地址归属或代码承继，请核对统计口径（见 settings）与官方数来源"
            : $"{direction}：{string.Join("；", causes)}";
    }

    /// The quarantined rows of the published load for the region (and below) and period (undated rows included), of
    /// the source kinds given, by reason.
    private List<QuarantineCount> ReadQuarantined(string region, string[] kinds, DateOnly start, DateOnly end)
    {
        var result = new List<QuarantineCount>();
        if (kinds.Length == 0)
        {
            return result;
        }
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT j.reason, count(*)
            FROM etl_reject AS j
            JOIN etl_source_run AS r ON r.batch_id = j.batch_id AND r.source_name = j.source_name
            WHERE j.batch_id = (SELECT batch_id FROM etl_batch WHERE status IN ('succeeded', 'partial') ORDER BY started_at DESC, batch_id DESC LIMIT 1)
              AND r.kind IN ({Literals(kinds)})
              AND j.region_code IN ({Literals(Regions.SelfAndBelow(region).Select(r => r.Code))})
              AND (j.event_date IS NULL OR j.event_date BETWEEN $start AND $end)
            GROUP BY j.reason
            ORDER BY count(*) DESC, j.reason
            """;
        command.Parameters.Add(new DuckDBParameter("start", start));
        command.Parameters.Add(new DuckDBParameter("end", end));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(new QuarantineCount(reader.GetString(0), reader.GetInt64(1)));
        }
        return result;
    }

    /// For each region with an official figure of the year, the indicators computed for it that have none.
    private List<ReconcileRow> WithoutOfficial(int year, List<OfficialFigure> figures)
    {
        var regions = figures.Select(f => f.RegionCode).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (regions.Count == 0)
        {
            return [];
        }
        var covered = figures.Select(f => (f.RegionCode, f.Indicator)).ToHashSet();
        var values = Values(year, null, null, regions);
        return [.. regions
            .SelectMany(code => IndicatorCatalog.All.Select(i => (Code: code, Indicator: i)))
            .Where(p => !covered.Contains((p.Code, p.Indicator.Code)) && values.TryGetValue((p.Code, p.Indicator.Code), out var v) && v.Value is not null)
            .Select(p => new ReconcileRow(p.Code, Regions.NameOf(p.Code), p.Indicator.Code, p.Indicator.ChineseName, p.Indicator.Unit, year, "year",
                null, values[(p.Code, p.Indicator.Code)].Value, null, null, "no_official", null, null, null))];
    }
}
