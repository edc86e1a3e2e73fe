using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;
using IpWarehouse.Etl.Indicators;
using IpWarehouse.Etl.Planning.Internal;
using IpWarehouse.Etl.Warehouse;

namespace IpWarehouse.Etl.Planning;

/// <summary>
/// The planner's questions over the published warehouse: indicators, rankings, target tracking, where a
/// number came from, subsidy violations. Whole years are lookups in <c>mart_indicator</c>; a year to date
/// (<c>asOf</c>) is computed on demand by <see cref="IndicatorMart.ComputeAsOf"/> with the counting rules
/// stored in the mart, so it agrees with the published figures. The CLI and the web server share it.
/// </summary>
/// <remarks>Not thread-safe: one instance per connection. Region list, years and settings are read once.</remarks>
public sealed partial class PlanningQueries : IDisposable
{
    private readonly DuckDBConnection connection;
    private readonly bool ownsConnection;
    private readonly TimeProvider clock;
    private RegionDirectory? regions;
    private List<int>? years;
    private (IndicatorSettings Settings, string Json)? martSettings;
    private (int Year, DateOnly AsOf)? asOfInTable;
    private readonly PlanningCache cache;

    /// <summary>Questions over an open warehouse connection (read-only is fine; nothing is written but temp tables).</summary>
    /// <param name="connection">An open connection to a warehouse with <c>mart_indicator</c>.</param>
    /// <param name="publish">Which publish it is, printed on reports; <see cref="PublishInfo.Unknown"/> when null.</param>
    /// <param name="clock">"Today" for target tracking.</param>
    /// <param name="timeZone">The time zone "today" is taken in; China Standard Time when null.</param>
    /// <param name="ownsConnection">Dispose the connection with this object.</param>
    public PlanningQueries(DuckDBConnection connection, PublishInfo? publish, TimeProvider clock, TimeZoneInfo? timeZone = null, bool ownsConnection = false)
        : this(connection, new PlanningCache(publish ?? PublishInfo.Unknown), clock, timeZone, ownsConnection)
    {
    }

    /// <summary>Questions over an open connection to the publish <paramref name="cache"/> belongs to, sharing what the cache already holds.</summary>
    /// <param name="connection">An open connection to that publish.</param>
    /// <param name="cache">The publish's cache, shared by every request on it (see <see cref="PlanningCache"/>).</param>
    /// <param name="clock">"Today" for target tracking.</param>
    /// <param name="timeZone">The time zone "today" is taken in; China Standard Time when null.</param>
    /// <param name="ownsConnection">Dispose the connection with this object.</param>
    public PlanningQueries(DuckDBConnection connection, PlanningCache cache, TimeProvider clock, TimeZoneInfo? timeZone = null, bool ownsConnection = false)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(clock);
        this.connection = connection;
        this.clock = clock;
        this.ownsConnection = ownsConnection;
        ArgumentNullException.ThrowIfNull(cache);
        this.cache = cache;
        Publish = cache.Publish;
        TimeZone = timeZone ?? TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    }

    /// <summary>Which publish the figures come from.</summary>
    public PublishInfo Publish { get; }

    /// <summary>The time zone of "today" and of the publish time printed.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>
    /// Opens the published warehouse read-only (<see cref="WarehouseConnections.OpenPublished(WarehousePaths)"/>) and reads which
    /// batch it holds from <see cref="WarehousePaths.PublishedMarker"/> (else from its <c>etl_batch</c>).
    /// </summary>
    /// <param name="paths">The warehouse.</param>
    /// <param name="clock">"Today" for target tracking.</param>
    /// <param name="timeZone">The time zone "today" is taken in; China Standard Time when null.</param>
    /// <param name="previous">The cache of an earlier open (see <see cref="Cache"/>): reused when the publish is still the same one.</param>
    /// <exception cref="Loading.LoadException">Nothing is published yet.</exception>
    public static PlanningQueries OpenPublished(WarehousePaths paths, TimeProvider clock, TimeZoneInfo? timeZone = null, PlanningCache? previous = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var connection = WarehouseConnections.OpenPublished(paths, out var marker);
        try
        {
            var publish = PublishInfo.From(marker) ?? ReadLatestBatch(connection);
            var cache = previous is not null && previous.Publish == publish ? previous : new PlanningCache(publish);
            return new PlanningQueries(connection, cache, clock, timeZone, ownsConnection: true);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>What this publish's questions share; pass it to the next <see cref="OpenPublished"/> to reuse it.</summary>
    public PlanningCache Cache => cache;

    /// <summary>The years present in <c>mart_indicator</c>, ascending.</summary>
    public IReadOnlyList<int> Years => years ??= cache.Years(ReadYears);

    /// <summary>"Today": the clock's date in <see cref="TimeZone"/>.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZone).DateTime);

    /// <inheritdoc />
    public void Dispose()
    {
        if (ownsConnection)
        {
            connection.Dispose();
        }
    }

    private RegionDirectory Regions => regions ??= cache.Regions(() => RegionDirectory.Read(connection));

    /// The counting rules the published mart was computed with (defaults for an empty mart), so that a
    /// year to date and an explanation use the rules of the figures they stand beside.
    private (IndicatorSettings Settings, string Json) MartSettings
    {
        get
        {
            martSettings ??= cache.Settings(() =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT settings FROM mart_indicator LIMIT 1";
                var json = command.ExecuteScalar() as string;
                return json is null
                    ? (IndicatorSettings.Default, IndicatorSettings.Default.ToJson())
                    : (IndicatorSettings.FromJson(json), json);
            });
            return martSettings.Value;
        }
    }

    private static IndicatorDefinition RequireIndicator(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (IndicatorCatalog.TryGet(code.Trim(), out var indicator))
        {
            return indicator;
        }
        throw new PlanningException(
            $"'{code}' is not an indicator code. Use one of the catalogue (INDICATORS.md): {string.Join(", ", IndicatorCatalog.Codes)}.")
        {
            Parameter = "indicator",
            Available = IndicatorCatalog.Codes,
        };
    }

    private void RequireYear(int year)
    {
        if (Years.Contains(year))
        {
            return;
        }
        var yearText = year.ToString(CultureInfo.InvariantCulture);
        if (Years.Count == 0)
        {
            throw new PlanningException(
                $"There is no indicator data for {yearText}: mart_indicator of batch {Publish.BatchId} is empty. Load data first (ipwh load).")
            {
                Parameter = "year",
            };
        }
        var present = Years.Select(y => y.ToString(CultureInfo.InvariantCulture)).ToList();
        throw new PlanningException(
            $"There is no data for {yearText} in the published warehouse (batch {Publish.BatchId}). Years present: {string.Join(", ", present)}.")
        {
            Parameter = "year",
            Available = present,
        };
    }

    private RegionEntry RequireRegion(string code, string parameter)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (Regions.TryGet(code.Trim(), out var region))
        {
            return region;
        }
        var suggestions = Regions.Suggest(code);
        var hint = suggestions.Count > 0
            ? " Did you mean " + string.Join(", ", suggestions.Select(s => $"{s.Code} {s.Name}")) + "?"
            : " Give a six-digit GB/T 2260 code of dim_region, e.g. 620000 (甘肃省).";
        throw new PlanningException($"'{code}' is not a region code of the warehouse (dim_region).{hint}")
        {
            Parameter = parameter,
            Available = [.. suggestions.Select(s => s.Code)],
        };
    }

    private static void RequireAsOf(DateOnly asOf, int year)
    {
        if (asOf.Year != year)
        {
            var text = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            throw new PlanningException(
                $"The as-of date {text} is not in {year.ToString(CultureInfo.InvariantCulture)}: a year to date ends inside its year. " +
                $"Give a date of {year.ToString(CultureInfo.InvariantCulture)}, or --year {asOf.Year.ToString(CultureInfo.InvariantCulture)}.")
            {
                Parameter = "as_of",
            };
        }
    }

    private List<int> ReadYears()
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT year FROM mart_indicator ORDER BY year";
        using var reader = command.ExecuteReader();
        var list = new List<int>();
        while (reader.Read())
        {
            list.Add(reader.GetInt32(0));
        }
        return list;
    }

    /// The values of one year (whole, or to date at asOf) for the indicators and regions given (all when null).
    private Dictionary<(string Region, string Indicator), MartValue> Values(int year, DateOnly? asOf,
        IReadOnlyCollection<string>? indicators, IReadOnlyCollection<string>? regionCodes) =>
        Values([year], asOf, indicators, regionCodes).Where(v => v.Key.Year == year).ToDictionary(v => (v.Key.Region, v.Key.Indicator), v => v.Value);

    /// Whole years in one lookup (a ranking and its year before); a year to date holds one year only.
    private Dictionary<(string Region, string Indicator, int Year), MartValue> Values(IReadOnlyList<int> years, DateOnly? asOf,
        IReadOnlyCollection<string>? indicators, IReadOnlyCollection<string>? regionCodes)
    {
        var table = IndicatorMart.IndicatorTable;
        var period = "year";
        if (asOf is { } date)
        {
            var year = years.Single();
            if (asOfInTable != (year, date))
            {
                IndicatorMart.ComputeAsOf(connection, MartSettings.Settings, year, date, clock);
                asOfInTable = (year, date);
            }
            table = IndicatorMart.AsOfTable;
            period = "ytd";
        }
        using var command = connection.CreateCommand();
        var where = new List<string>
        {
            $"year IN ({string.Join(", ", years.Select(y => y.ToString(CultureInfo.InvariantCulture)))})",
            "period = $period",
        };
        if (indicators is not null)
        {
            where.Add($"indicator IN ({Literals(indicators)})");
        }
        if (regionCodes is { Count: > 0 })
        {
            // The mart is sorted by region_code: the range lets DuckDB's zone maps skip the row groups of
            // other provinces before the IN list is tested row by row.
            var ordered = regionCodes.Order(StringComparer.Ordinal).ToList();
            where.Add($"region_code BETWEEN {Literals([ordered[0]])} AND {Literals([ordered[^1]])}");
            where.Add($"region_code IN ({Literals(regionCodes)})");
        }
        else if (regionCodes is not null)
        {
            where.Add("FALSE");
        }
        command.CommandText = $"""
            SELECT region_code, indicator, year, period, period_start, period_end, value, numerator, denominator
            FROM {table}
            WHERE {string.Join(" AND ", where)}
            """;
        command.Parameters.Add(new DuckDBParameter("period", period));
        using var reader = command.ExecuteReader();
        var values = new Dictionary<(string, string, int), MartValue>();
        while (reader.Read())
        {
            var value = new MartValue(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3),
                reader.GetFieldValue<DateOnly>(4), reader.GetFieldValue<DateOnly>(5),
                Nullable(reader, 6), Nullable(reader, 7), Nullable(reader, 8));
            values[(value.RegionCode, value.Indicator, value.Year)] = value;
        }
        return values;
    }

    private static string Literals(IEnumerable<string> values) =>
        values.Any() ? string.Join(", ", values.Select(v => "'" + v.Replace("'", "''", StringComparison.Ordinal) + "'")) : "NULL";

    private static double? Nullable(DuckDBDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);

    private static PublishInfo ReadLatestBatch(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT batch_id, coalesce(published_at, finished_at)
            FROM etl_batch
            WHERE status IN ('succeeded', 'partial')
            ORDER BY started_at DESC, batch_id DESC
            LIMIT 1
            """;
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return PublishInfo.Unknown;
        }
        DateTimeOffset? at = reader.IsDBNull(1) ? null : new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc));
        return new PublishInfo(reader.GetString(0), at);
    }
}
