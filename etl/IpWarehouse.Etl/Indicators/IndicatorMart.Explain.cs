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
    /// <param name="asOf">The period's last day: null for the whole year, else a year to date.</param>
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
        ArgumentNullException.ThrowIfNull(warehouse);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrEmpty(measure);
        ArgumentException.ThrowIfNullOrEmpty(region);
        var end = asOf ?? new DateOnly(year, 12, 31);
        if (end.Year != year)
        {
            throw new ArgumentOutOfRangeException(nameof(asOf), asOf, $"The as-of date is not in {year.ToString(CultureInfo.InvariantCulture)}.");
        }
        // Nothing is stored, so the computation time the settings model carries is never read.
        IndicatorModels.RunSettings(warehouse, settings, DateTimeOffset.UnixEpoch, cancellationToken);
        try
        {
            // A year to date that ends on 31 Dec is the whole year (a CNIPA trademark year still ends on 15 Dec).
            IndicatorModels.Run(warehouse, IndicatorModels.AsOfRequest, cancellationToken,
                new DuckDBParameter("year", year), new DuckDBParameter("as_of", end));
            IndicatorModels.RunAll(warehouse, IndicatorModels.ExplainModels, cancellationToken);
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
            return (facts, total);
        }
        finally
        {
            IndicatorModels.RunAll(warehouse, [IndicatorModels.DropIntermediate], CancellationToken.None);
        }
    }
}
