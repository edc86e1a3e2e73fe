using System.Globalization;
using DuckDB.NET.Data;
using IpWarehouse.Etl.Indicators.Internal;
using IpWarehouse.Etl.Loading.Internal;

namespace IpWarehouse.Etl.Indicators;

/// <summary>
/// Computes every indicator of <see cref="IndicatorCatalog"/> from the facts, in set-based DuckDB SQL
/// (warehouse-sql/indicators/): the nightly <c>mart_indicator</c> and <c>mart_subsidy_violation</c>
/// (<see cref="Build"/>), and a year to date on demand (<see cref="ComputeAsOf"/>). Both run the same models
/// over a table of periods, so a year-to-date figure is computed exactly as the year's.
/// </summary>
/// <remarks>
/// Regions roll up from the facts through dim_region's parent chain: a region's value covers every fact
/// attributed to it or below it (a fact attributed to a city counts for the city and the province, for no
/// county). Per-capita values use the region's own population of the same year; missing is NULL, never 0.
/// </remarks>
public static partial class IndicatorMart
{
    /// <summary>The indicator mart: one row per region, indicator, year and period.</summary>
    public const string IndicatorTable = "mart_indicator";

    /// <summary>The subsidy-rule violations: one row per violating payment and rule broken.</summary>
    public const string ViolationTable = "mart_subsidy_violation";

    /// <summary>The temp table <see cref="ComputeAsOf"/> and <see cref="ComputeRange"/> fill, of <see cref="IndicatorTable"/>'s shape.</summary>
    public const string AsOfTable = "mart_indicator_as_of";

    /// <summary>The tables <see cref="ApplySchema"/> creates, which a publish copies next to the star schema.</summary>
    public static IReadOnlyList<string> Tables { get; } = [IndicatorTable, ViolationTable];

    /// <summary>Their DDL files under warehouse-sql/, each table and column commented like warehouse-sql/schema/.</summary>
    public static IReadOnlyList<string> SchemaFiles { get; } = [.. IndicatorModels.SchemaFiles];

    /// <summary>
    /// Creates <c>mart_indicator</c> and <c>mart_subsidy_violation</c> when missing and (re)writes their
    /// comments. Idempotent. The star schema (<see cref="Warehouse.Schema.Apply(DuckDBConnection)"/>) must be there.
    /// </summary>
    public static void ApplySchema(DuckDBConnection warehouse, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        IndicatorModels.RunAll(warehouse, IndicatorModels.SchemaFiles, cancellationToken);
    }

    /// <summary>
    /// Replaces <c>mart_indicator</c> with every indicator for every region and every year present in the
    /// facts (period <c>year</c>), and <c>mart_subsidy_violation</c> with every violating payment, in one
    /// transaction of its own: call it outside a transaction (DuckDB does not nest them). A failure leaves both
    /// tables as they were. Creates the tables when missing. Records what it computed, so that a later
    /// <see cref="Refresh"/> can recompute only what new loads change.
    /// </summary>
    /// <param name="warehouse">A read-write connection to a warehouse with the star schema applied.</param>
    /// <param name="settings">The counting rules; their canonical JSON is stored with every row.</param>
    /// <param name="clock">Gives <c>computed_at</c>.</param>
    /// <param name="cancellationToken">Interrupts the running SQL; nothing is written then.</param>
    /// <exception cref="WarehouseSqlException">A SQL file failed; the message names it.</exception>
    public static IndicatorBuild Build(DuckDBConnection warehouse, IndicatorSettings settings, TimeProvider clock, CancellationToken cancellationToken = default) =>
        InOneTransaction(warehouse, settings, clock,
            computedAt => BuildWhole(warehouse, settings, computedAt, "a full build was asked for", cancellationToken), cancellationToken);

    /// What a build and a refresh share: one transaction, the tables, settings and years prepared (PrepareBuild),
    /// then <paramref name="compute"/>; nothing is committed when it fails or the load is cancelled.
    private static IndicatorBuild InOneTransaction(DuckDBConnection warehouse, IndicatorSettings settings, TimeProvider clock,
        Func<DateTimeOffset, IndicatorBuild> compute, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(clock);
        var computedAt = clock.GetUtcNow();

        using var transaction = warehouse.BeginTransaction();
        PrepareBuild(warehouse, settings, computedAt, cancellationToken);
        var build = compute(computedAt);
        cancellationToken.ThrowIfCancellationRequested();
        transaction.Commit();
        return build;
    }

    /// The tables, the settings and the years the facts have now: what a build and a refresh both start with.
    private static void PrepareBuild(DuckDBConnection warehouse, IndicatorSettings settings, DateTimeOffset computedAt, CancellationToken cancellationToken)
    {
        ApplySchema(warehouse, cancellationToken);
        IndicatorModels.RunAll(warehouse, [IndicatorRefresh.StateSchema], cancellationToken);
        IndicatorModels.RunSettings(warehouse, settings, computedAt, cancellationToken);
        IndicatorModels.RunAll(warehouse, [IndicatorModels.YearsRequest], cancellationToken);
    }

    /// Every model over every fact, both marts replaced; then what a later <see cref="Refresh"/> starts from.
    private static IndicatorBuild BuildWhole(DuckDBConnection warehouse, IndicatorSettings settings, DateTimeOffset computedAt, string reason,
        CancellationToken cancellationToken)
    {
        IndicatorModels.RunAll(warehouse, IndicatorModels.Models, cancellationToken);
        var years = Years(warehouse);
        IndicatorModels.RunAll(warehouse, [IndicatorModels.MartIndicator, IndicatorModels.MartSubsidyViolation], cancellationToken);
        SqlScript.Execute(warehouse, "CREATE OR REPLACE TEMP TABLE int_indicator_measure_all AS SELECT * FROM int_indicator_measure", cancellationToken: cancellationToken);
        IndicatorRefresh.Measure(warehouse, IndicatorRefresh.Pass.Whole, "int_indicator_measure_whole", cancellationToken);
        IndicatorModels.RunAll(warehouse, [IndicatorRefresh.MeasureNextFull], cancellationToken);
        IndicatorRefresh.Save(warehouse, IndicatorRefresh.Fingerprint(warehouse, settings), cancellationToken);
        IndicatorModels.RunAll(warehouse, [IndicatorModels.DropIntermediate], cancellationToken);

        var indicatorRows = IndicatorModels.Count(warehouse, IndicatorTable);
        return new IndicatorBuild(years, indicatorRows, IndicatorModels.Count(warehouse, ViolationTable), settings.ToJson(), computedAt)
        {
            Full = true,
            FullReason = reason,
            RowsWritten = indicatorRows,
        };
    }

    /// <summary>
    /// Computes every indicator for every region for one year to date into the temp table
    /// <see cref="AsOfTable"/> (period <c>ytd</c>; replaced on every call): flows from 1 Jan of
    /// <paramref name="year"/> (16 Dec of the year before for CNIPA trademark years) to
    /// <paramref name="asOf"/>, stocks at <paramref name="asOf"/> (at 15 Dec for CNIPA trademark years when
    /// <paramref name="asOf"/> is later), growth against the same days a year before. Writes nothing else, so
    /// it runs on the read-only published warehouse, without a new load.
    /// </summary>
    /// <param name="warehouse">A connection to a warehouse with the star schema (read-only is fine).</param>
    /// <param name="settings">The counting rules; their canonical JSON is stored with every row.</param>
    /// <param name="year">The year.</param>
    /// <param name="asOf">The as-of date, in <paramref name="year"/>.</param>
    /// <param name="clock">Gives <c>computed_at</c>; the system clock when null.</param>
    /// <param name="cancellationToken">Interrupts the running SQL.</param>
    /// <returns>The temp table's name, <see cref="AsOfTable"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is not in <paramref name="year"/>.</exception>
    /// <exception cref="WarehouseSqlException">A SQL file failed; the message names it.</exception>
    public static string ComputeAsOf(DuckDBConnection warehouse, IndicatorSettings settings, int year, DateOnly asOf,
        TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        ArgumentNullException.ThrowIfNull(settings);
        if (asOf.Year != year)
        {
            throw new ArgumentOutOfRangeException(nameof(asOf), asOf,
                $"The as-of date {asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} is not in {year.ToString(CultureInfo.InvariantCulture)}: a year to date ends inside its year.");
        }
        return Compute(warehouse, settings, IndicatorPeriod.YearToDate(asOf), clock, cancellationToken);
    }

    /// <summary>
    /// Computes every indicator for every region for a range of whole years into the temp table
    /// <see cref="AsOfTable"/> (period <c>A-B</c>, year B; replaced on every call), from the facts (INDICATORS.md,
    /// Periods): flows summed over the range, stocks at its end (15 Dec of B for CNIPA trademark years), rates and
    /// shares from the range's totals (a closure rate over 2021–2023 is closed / (open on 1 Jan 2021 + filed), not a
    /// mean of three rates), per-capita values over the population of B, growth against the range of the same
    /// length before it. Like <see cref="ComputeAsOf"/>, it writes nothing else.
    /// </summary>
    /// <param name="warehouse">A connection to a warehouse with the star schema (read-only is fine).</param>
    /// <param name="settings">The counting rules; their canonical JSON is stored with every row.</param>
    /// <param name="fromYear">The first year.</param>
    /// <param name="toYear">The last year, after <paramref name="fromYear"/>.</param>
    /// <param name="clock">Gives <c>computed_at</c>; the system clock when null.</param>
    /// <param name="cancellationToken">Interrupts the running SQL.</param>
    /// <returns>The temp table's name, <see cref="AsOfTable"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fromYear"/> is not before <paramref name="toYear"/>.</exception>
    /// <exception cref="DuckDBException">A SQL file failed; the message names it.</exception>
    public static string ComputeRange(DuckDBConnection warehouse, IndicatorSettings settings, int fromYear, int toYear,
        TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        ArgumentNullException.ThrowIfNull(settings);
        if (fromYear >= toYear)
        {
            throw new ArgumentOutOfRangeException(nameof(fromYear), fromYear,
                $"A range of years runs from an earlier year to a later one; {fromYear.ToString(CultureInfo.InvariantCulture)}..{toYear.ToString(CultureInfo.InvariantCulture)} is not one (a single year is in {IndicatorTable}).");
        }
        return Compute(warehouse, settings, IndicatorPeriod.Years(fromYear, toYear), clock, cancellationToken);
    }

    private static string Compute(DuckDBConnection warehouse, IndicatorSettings settings, IndicatorPeriod period, TimeProvider? clock,
        CancellationToken cancellationToken)
    {
        var computedAt = (clock ?? TimeProvider.System).GetUtcNow();
        IndicatorModels.RunSettings(warehouse, settings, computedAt, cancellationToken);
        IndicatorModels.RunRequest(warehouse, period, cancellationToken);
        IndicatorModels.RunAll(warehouse, [.. IndicatorModels.Models, IndicatorModels.MartIndicatorAsOf, IndicatorModels.DropIntermediate], cancellationToken);
        return AsOfTable;
    }

    private static List<int> Years(DuckDBConnection warehouse)
    {
        using var command = warehouse.CreateCommand();
        command.CommandText = "SELECT DISTINCT year FROM int_indicator_period_request ORDER BY year";
        using var reader = command.ExecuteReader();
        var years = new List<int>();
        while (reader.Read())
        {
            years.Add(reader.GetInt32(0));
        }
        return years;
    }
}
