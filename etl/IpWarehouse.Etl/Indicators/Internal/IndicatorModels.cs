using DuckDB.NET.Data;
using IpWarehouse.Etl.Loading.Internal;

namespace IpWarehouse.Etl.Indicators.Internal;

/// The SQL files of warehouse-sql/indicators/ in the order they run. Every model is a temp table, so the
/// as-of computation also runs on a read-only (published) warehouse; only the mart files write main.
internal static class IndicatorModels
{
    public const string Folder = "indicators/";

    public static readonly string[] SchemaFiles =
    [
        Folder + "schema/mart_indicator.sql",
        Folder + "schema/mart_subsidy_violation.sql",
    ];

    public const string Settings = Folder + "int_indicator_settings.sql";
    public const string YearsRequest = Folder + "int_indicator_period_request__years.sql";
    public const string AsOfRequest = Folder + "int_indicator_period_request__as_of.sql";
    public const string RangeRequest = Folder + "int_indicator_period_request__range.sql";

    /// The periods, the region bridge and the subsidy rules: what every pass over the facts joins to.
    public static readonly string[] PeriodAndRegionModels =
    [
        Folder + "int_indicator_period.sql",
        Folder + "int_region_ancestor.sql",
        Folder + "ref_subsidy_rule.sql",
    ];

    /// From the facts to int_indicator_measure (IndicatorRefresh runs them over subsets of the facts too).
    public static readonly string[] MeasureModels =
    [
        Folder + "int_subsidy_violation.sql",
        Folder + "int_indicator_flow_event.sql",
        Folder + "int_indicator_stock_interval.sql",
        Folder + "int_indicator_measure.sql",
    ];

    public const string Value = Folder + "int_indicator_value.sql";

    /// From the requested periods to int_indicator_value and int_subsidy_violation.
    public static readonly string[] Models = [.. PeriodAndRegionModels, .. MeasureModels, Value];

    /// What ipwh explain and reconcile need from the models: the periods, the region bridge, the fact views and
    /// the counted-fact macro, not the measures (the mart has them).
    public static readonly string[] ExplainModels =
    [
        Folder + "int_indicator_period.sql",
        Folder + "int_region_ancestor.sql",
        Folder + "ref_subsidy_rule.sql",
        Folder + "int_subsidy_violation.sql",
        Folder + "int_indicator_flow_event.sql",
        Folder + "int_indicator_stock_interval.sql",
        Folder + "int_indicator_counted_fact.sql",
    ];

    public const string ExplainFact = Folder + "explain_fact.sql";
    public const string ExplainAttribution = Folder + "explain_attribution.sql";
    public const string MartIndicator = Folder + "mart_indicator.sql";
    public const string MartSubsidyViolation = Folder + "mart_subsidy_violation.sql";
    public const string MartIndicatorAsOf = Folder + "mart_indicator_as_of.sql";
    public const string DropIntermediate = Folder + "_drop_intermediate.sql";

    /// Binds the settings (and the computation time) for int_indicator_settings.sql.
    public static void RunSettings(DuckDBConnection connection, IndicatorSettings settings, DateTimeOffset computedAt, CancellationToken cancellationToken)
    {
        Run(connection, Settings, cancellationToken,
            new DuckDBParameter("settings", settings.ToJson()),
            new DuckDBParameter("trademark_year", SettingsJson.Name(settings.TrademarkYear)),
            new DuckDBParameter("population_type", SettingsJson.Name(settings.PopulationType)),
            new DuckDBParameter("invention_term_years", settings.InventionTermYears),
            new DuckDBParameter("utility_model_term_years", settings.UtilityModelTermYears),
            new DuckDBParameter("design_term_years", settings.DesignTermYears),
            new DuckDBParameter("design_extended_term_years", settings.DesignExtendedTermYears),
            new DuckDBParameter("design_extended_from", settings.DesignExtendedFrom),
            new DuckDBParameter("high_value_maintained_years", settings.HighValueMaintainedYears),
            new DuckDBParameter("on_time_limit_days", settings.OnTimeLimitDays),
            new DuckDBParameter("patent_dispute_months", settings.PatentDisputeMonths),
            new DuckDBParameter("exclude_abnormal", settings.ExcludeAbnormal),
            new DuckDBParameter("computed_at", computedAt));
    }

    /// Requests one period: a year to date (a whole year is the year to date at 31 Dec, whose trademark year
    /// still ends on 15 Dec) or a range of whole years.
    public static void RunRequest(DuckDBConnection connection, IndicatorPeriod period, CancellationToken cancellationToken)
    {
        if (period.IsRange)
        {
            Run(connection, RangeRequest, cancellationToken,
                new DuckDBParameter("from_year", period.FromYear), new DuckDBParameter("to_year", period.Year));
            return;
        }
        Run(connection, AsOfRequest, cancellationToken,
            new DuckDBParameter("year", period.Year), new DuckDBParameter("as_of", period.AsOf ?? new DateOnly(period.Year, 12, 31)));
    }

    public static void RunAll(DuckDBConnection connection, IEnumerable<string> files, CancellationToken cancellationToken)
    {
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            SqlScript.Run(connection, file, cancellationToken: cancellationToken);
        }
    }

    /// Runs a file whose statements name $parameters; each statement binds the ones it names.
    public static void Run(DuckDBConnection connection, string file, CancellationToken cancellationToken, params DuckDBParameter[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = WarehouseSql.Read(file);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter);
        }
        try
        {
            SqlScript.Traced(file, () => command.ExecuteNonQueryAsync(cancellationToken).GetAwaiter().GetResult());
        }
        catch (DuckDBException e)
        {
            throw new WarehouseSqlException(file, e);
        }
    }

    public static long Count(DuckDBConnection connection, string table) =>
        Convert.ToInt64(SqlScript.Scalar(connection, $"SELECT count(*) FROM {table}"), System.Globalization.CultureInfo.InvariantCulture);
}
