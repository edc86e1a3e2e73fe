using System.Globalization;
using DuckDB.NET.Data;
using IpWarehouse.Etl.Indicators.Internal;

namespace IpWarehouse.Etl.Indicators;

public static partial class IndicatorMart
{
    /// <summary>
    /// The facts one region's figure counts for one measure of one period, listed from the same models
    /// that compute the mart (warehouse-sql/indicators/explain_fact.sql), so the rows listed are exactly
    /// the rows counted. Writes only temp tables (dropped again): runs on the read-only published warehouse.
    /// </summary>
    /// <param name="warehouse">A connection to a warehouse with the star schema (read-only is fine).</param>
    /// <param name="settings">The counting rules (use those stored with the mart rows to explain them).</param>
    /// <param name="year">The year (a trademark year for trademark measures).</param>
    /// <param name="asOf">The period's last day: null for the whole year, else a year to date (a year to date that ends
    /// on 31 Dec is the whole year; a CNIPA trademark year still ends on 15 Dec).</param>
    /// <param name="measure">
    /// The measure: an indicator code of a count or sum (<c>patent_applications</c>, <c>valid_invention_patents</c>,
    /// <c>ip_enterprises</c> …) or one of the parts of a rate: <c>cases_closed_on_time</c>, <c>cases_open_at_start</c>.
    /// </param>
    /// <param name="region">The region; facts attributed to it or below it count.</param>
    /// <param name="limit">How many facts to return (in date order).</param>
    /// <param name="cancellationToken">Interrupts the running SQL.</param>
    /// <returns>The first <paramref name="limit"/> facts and how many there are in all.</returns>
    public static (IReadOnlyList<IndicatorFact> Facts, long Total) ExplainFacts(DuckDBConnection warehouse, IndicatorSettings settings,
        int year, DateOnly? asOf, string measure, string region, int limit = 20, CancellationToken cancellationToken = default)
    {
        var end = asOf ?? new DateOnly(year, 12, 31);
        if (end.Year != year)
        {
            throw new ArgumentOutOfRangeException(nameof(asOf), asOf, $"The as-of date is not in {year.ToString(CultureInfo.InvariantCulture)}.");
        }
        return ExplainFacts(warehouse, settings, IndicatorPeriod.Of(year, asOf), measure, region, limit, cancellationToken);
    }

    /// <summary>
    /// As the other overload, for any <see cref="IndicatorPeriod"/>: a range of years lists the facts of every year of it
    /// (flows) or those holding at its end (stocks).
    /// </summary>
    public static (IReadOnlyList<IndicatorFact> Facts, long Total) ExplainFacts(DuckDBConnection warehouse, IndicatorSettings settings,
        IndicatorPeriod period, string measure, string region, int limit = 20, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentException.ThrowIfNullOrEmpty(measure);
        ArgumentException.ThrowIfNullOrEmpty(region);
        return WithCountedFacts(warehouse, settings, period, () =>
        {
            using var command = warehouse.CreateCommand();
            command.CommandText = WarehouseSql.Read(IndicatorModels.ExplainFact);
            command.Parameters.Add(new DuckDBParameter("measure", measure));
            command.Parameters.Add(new DuckDBParameter("region", region));
            command.Parameters.Add(new DuckDBParameter("limit", limit));
            var facts = new List<IndicatorFact>();
            long total = 0;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                facts.Add(new IndicatorFact(
                    reader.GetString(0),
                    reader.GetString(1),
                    reader.IsDBNull(2) ? null : reader.GetFieldValue<DateOnly>(2),
                    reader.GetDouble(3),
                    reader.GetString(4),
                    reader.GetString(5),
                    reader.IsDBNull(6) ? null : reader.GetString(6),
                    reader.GetInt64(7),
                    reader.GetString(8)));
                total = reader.GetInt64(9);
            }
            return ((IReadOnlyList<IndicatorFact>)facts, total);
        }, cancellationToken);
    }

    /// <summary>
    /// How the facts behind figures of one period were attributed to their regions (INDICATORS.md, Attribution):
    /// per figure (a measure and a region, covering the regions below it), the facts counted by attribution method
    /// (<c>code</c>, <c>code_succeeded</c>, <c>address</c>, <c>credit_code</c>) and the retired codes given, from the same
    /// models as <see cref="ExplainFacts(DuckDBConnection, IndicatorSettings, IndicatorPeriod, string, string, int, CancellationToken)"/>.
    /// The models run once for all the figures. Writes only temp tables (dropped again).
    /// </summary>
    /// <param name="warehouse">A connection to a warehouse with the star schema (read-only is fine).</param>
    /// <param name="settings">The counting rules.</param>
    /// <param name="period">The period.</param>
    /// <param name="figures">The (measure, region) pairs; measures as for ExplainFacts.</param>
    /// <param name="cancellationToken">Interrupts the running SQL.</param>
    public static IReadOnlyDictionary<(string Measure, string Region), IReadOnlyList<IndicatorAttributionCount>> ExplainAttribution(DuckDBConnection warehouse,
        IndicatorSettings settings, IndicatorPeriod period, IReadOnlyCollection<(string Measure, string Region)> figures, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(figures);
        return WithCountedFacts(warehouse, settings, period, () =>
        {
            var result = new Dictionary<(string, string), IReadOnlyList<IndicatorAttributionCount>>();
            var sql = WarehouseSql.Read(IndicatorModels.ExplainAttribution);
            foreach (var (measure, region) in figures.Distinct())
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var command = warehouse.CreateCommand();
                command.CommandText = sql;
                command.Parameters.Add(new DuckDBParameter("measure", measure));
                command.Parameters.Add(new DuckDBParameter("region", region));
                using var reader = command.ExecuteReader();
                var counts = new List<IndicatorAttributionCount>();
                while (reader.Read())
                {
                    counts.Add(new IndicatorAttributionCount(reader.GetString(0), reader.GetInt64(1),
                        reader.IsDBNull(2) ? [] : reader.GetString(2).Split(' ', StringSplitOptions.RemoveEmptyEntries)));
                }
                result[(measure, region)] = counts;
            }
            return (IReadOnlyDictionary<(string, string), IReadOnlyList<IndicatorAttributionCount>>)result;
        }, cancellationToken);
    }

    /// Requests the period, runs the models the counted facts need, reads, and drops them again.
    private static T WithCountedFacts<T>(DuckDBConnection warehouse, IndicatorSettings settings, IndicatorPeriod period, Func<T> read,
        CancellationToken cancellationToken)
    {
        // Nothing is stored, so the computation time the settings model carries is never read.
        IndicatorModels.RunSettings(warehouse, settings, DateTimeOffset.UnixEpoch, cancellationToken);
        try
        {
            IndicatorModels.RunRequest(warehouse, period, cancellationToken);
            IndicatorModels.RunAll(warehouse, IndicatorModels.ExplainModels, cancellationToken);
            return read();
        }
        finally
        {
            IndicatorModels.RunAll(warehouse, [IndicatorModels.DropIntermediate], CancellationToken.None);
        }
    }
}
