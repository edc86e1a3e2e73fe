using System.Text.Json;
using DuckDB.NET.Data;
using IpWarehouse.Etl.Indicators;
using IpWarehouse.Etl.Planning.Internal;

namespace IpWarehouse.Etl.Planning;

public sealed partial class PlanningQueries
{
    /// <summary>The number of contributing facts <c>Explain</c> lists.</summary>
    public const int ExplainFactLimit = 20;

    /// <summary>
    /// Where one region's figure came from (<c>ipwh explain</c>): the mart row with its numerator and
    /// denominator, the counting rules stored with it, the population row a per-capita value divides by,
    /// and the first <see cref="ExplainFactLimit"/> facts its numerator counts with their source and batch,
    /// listed by the same models that computed it, plus how many there are.
    /// </summary>
    /// <exception cref="PlanningException">An unknown indicator, year or region.</exception>
    public Explanation Explain(string indicator, int year, string region) => Explain(indicator, IndicatorPeriod.WholeYear(year), region);

    /// <summary>As the other overload, for a whole year or a range of years (the facts of every year of it).</summary>
    /// <exception cref="PlanningException">An unknown indicator, year or region.</exception>
    public Explanation Explain(string indicator, IndicatorPeriod period, string region)
    {
        ArgumentNullException.ThrowIfNull(period);
        var definition = RequireIndicator(indicator);
        RequirePeriod(period);
        var entry = RequireRegion(region, "region");
        var values = Values(period, [definition.Code], [entry.Code]);
        if (!values.TryGetValue((entry.Code, definition.Code), out var row))
        {
            throw new PlanningException($"没有 {entry.Code} {entry.Name} {(period.AsOf is null ? $"{period} 年" : $"截至 {period}")} {definition.Code}（{definition.ChineseName}）的指标数据。")
            {
                Parameter = "region",
            };
        }
        var computedAt = period.Name == "year" ? ReadComputedAt(entry.Code, definition.Code, period.Year) : clock.GetUtcNow();

        var (settings, settingsJson) = MartSettings;
        var (measure, numeratorLabel, denominatorLabel) = ExplainParts.Of(definition, ExplainParts.PopulationLabel(settings));
        var population = definition.Nature == IndicatorNature.PerCapita ? ReadPopulation(entry.Code, period.Year, settings) : null;
        var (facts, total) = IndicatorMart.ExplainFacts(connection, settings, period, measure, entry.Code, ExplainFactLimit);
        periodInTable = null; // the models' temp tables were replaced and dropped

        using var document = JsonDocument.Parse(settingsJson);
        return new Explanation(entry.Code, entry.Name, definition.Code, definition.ChineseName, definition.Unit, definition.Definition, period.Year,
            row.PeriodStart, row.PeriodEnd, row.Value, row.Numerator, numeratorLabel, row.Denominator, denominatorLabel,
            document.RootElement.Clone(), ExplainParts.Rules(definition, settings), computedAt,
            population, measure, total, facts, Publish)
        {
            Period = period.Name,
        };
    }

    private PopulationRow? ReadPopulation(string region, int year, IndicatorSettings settings)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT region_code, year, population_type, population, source_name, source_file, source_row, batch_id
            FROM fact_population
            WHERE region_code = $region AND year = $year AND population_type = $type
            ORDER BY population DESC
            LIMIT 1
            """;
        command.Parameters.Add(new DuckDBParameter("region", region));
        command.Parameters.Add(new DuckDBParameter("year", year));
        command.Parameters.Add(new DuckDBParameter("type", settings.PopulationType == PopulationType.Resident ? "resident" : "registered"));
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new PopulationRow(reader.GetString(0), reader.GetInt32(1), reader.GetString(2), reader.GetInt64(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetInt64(6), reader.GetString(7))
            : null;
    }

    private DateTimeOffset ReadComputedAt(string region, string indicator, int year)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT computed_at FROM mart_indicator WHERE region_code = $region AND indicator = $indicator AND year = $year AND period = 'year'";
        command.Parameters.Add(new DuckDBParameter("region", region));
        command.Parameters.Add(new DuckDBParameter("indicator", indicator));
        command.Parameters.Add(new DuckDBParameter("year", year));
        var value = command.ExecuteScalar();
        return value is DateTime time ? new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)) : DateTimeOffset.UnixEpoch;
    }
}
