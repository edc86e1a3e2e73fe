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
    private List<int>? dataYears;
    private (IndicatorSettings Settings, string Json)? martSettings;
    private IndicatorPeriod? periodInTable;
    private readonly PlanningCache cache;
    private readonly TargetSettings targetSettings;
    private int? schemaVersion;

    /// <summary>Questions over an open warehouse connection (read-only is fine; nothing is written but temp tables).</summary>
    /// <param name="connection">An open connection to a warehouse with <c>mart_indicator</c>.</param>
    /// <param name="publish">Which publish it is, printed on reports; <see cref="PublishInfo.Unknown"/> when null.</param>
    /// <param name="clock">"Today" for target tracking.</param>
    /// <param name="timeZone">The time zone "today" is taken in; China Standard Time when null.</param>
    /// <param name="ownsConnection">Dispose the connection with this object.</param>
    /// <param name="targets">The targets section of ipwh.json (<see cref="TargetSettings.PreferOfficial"/>); the default when null.</param>
    public PlanningQueries(DuckDBConnection connection, PublishInfo? publish, TimeProvider clock, TimeZoneInfo? timeZone = null, bool ownsConnection = false,
        TargetSettings? targets = null)
        : this(connection, new PlanningCache(publish ?? PublishInfo.Unknown), clock, timeZone, ownsConnection, targets)
    {
    }

    /// <summary>Questions over an open connection to the publish <paramref name="cache"/> belongs to, sharing what the cache already holds.</summary>
    /// <param name="connection">An open connection to that publish.</param>
    /// <param name="cache">The publish's cache, shared by every request on it (see <see cref="PlanningCache"/>).</param>
    /// <param name="clock">"Today" for target tracking.</param>
    /// <param name="timeZone">The time zone "today" is taken in; China Standard Time when null.</param>
    /// <param name="ownsConnection">Dispose the connection with this object.</param>
    /// <param name="targets">The targets section of ipwh.json (<see cref="TargetSettings.PreferOfficial"/>); the default when null.</param>
    public PlanningQueries(DuckDBConnection connection, PlanningCache cache, TimeProvider clock, TimeZoneInfo? timeZone = null, bool ownsConnection = false,
        TargetSettings? targets = null)
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
        targetSettings = targets ?? TargetSettings.Default;
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
    /// <param name="targets">The targets section of ipwh.json; the default when null.</param>
    /// <exception cref="Loading.LoadException">Nothing is published yet.</exception>
    public static PlanningQueries OpenPublished(WarehousePaths paths, TimeProvider clock, TimeZoneInfo? timeZone = null, PlanningCache? previous = null,
        TargetSettings? targets = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var connection = WarehouseConnections.OpenPublished(paths, out var marker);
        try
        {
            var publish = PublishInfo.From(marker) ?? ReadLatestBatch(connection);
            var cache = previous is not null && previous.Publish == publish ? previous : new PlanningCache(publish);
            return new PlanningQueries(connection, cache, clock, timeZone, ownsConnection: true, targets);
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

    private IReadOnlyList<int> DataYears => dataYears ??= cache.DataYears(ReadDataYears);

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
            $"“{code}”不是指标代码。可用的指标代码（INDICATORS.md）：{string.Join(", ", IndicatorCatalog.Codes)}。")
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
                $"{yearText} 年没有指标数据：批次 {Publish.BatchId} 的 mart_indicator 是空的。请先装载数据（ipwh load）。")
            {
                Parameter = "year",
            };
        }
        var present = Years.Select(y => y.ToString(CultureInfo.InvariantCulture)).ToList();
        throw new PlanningException(
            $"已发布的仓库（批次 {Publish.BatchId}）中没有 {yearText} 年的数据。有数据的年度：{string.Join(", ", present)}。")
        {
            Parameter = "year",
            Available = present,
        };
    }

    /// A year a planner compares regions in: one of <see cref="YearsWithData"/>. The mart also holds the
    /// years of targets ahead, where every count is 0 and stocks are carried forward: ranking them would put
    /// every region first with 0.
    private void RequireDataYear(int year)
    {
        RequireYear(year);
        var withData = DataYears;
        if (withData.Contains(year))
        {
            return;
        }
        var present = withData.Select(y => y.ToString(CultureInfo.InvariantCulture)).ToList();
        throw new PlanningException(
            $"{year.ToString(CultureInfo.InvariantCulture)} 年没有数据：已发布的仓库（批次 {Publish.BatchId}）中该年度没有专利申请或案件立案，" +
            $"各地区的数值都是 0 或由上年结转，不能比较。有数据的年度：{(present.Count == 0 ? "无" : string.Join(", ", present))}。")
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
            ? "是否要找：" + string.Join("、", suggestions.Select(s => $"{s.Code} {s.Name}")) + "？"
            : "请填写六位 GB/T 2260 地区代码，如 620000（甘肃省）。";
        throw new PlanningException($"“{code}”不是仓库中的地区代码（dim_region）。{hint}")
        {
            Parameter = parameter,
            Available = [.. suggestions.Select(s => s.Code)],
        };
    }

    /// Plan-period targets and official figures came with schema version 2: a warehouse published by an older
    /// version has neither until its next load migrates it.
    private void RequireCurrentSchema(string what)
    {
        schemaVersion ??= Warehouse.Schema.AppliedVersion(connection) ?? 0;
        if (schemaVersion < Warehouse.Schema.Version)
        {
            throw new PlanningException(
                $"已发布的仓库（批次 {Publish.BatchId}）的结构版本是 {schemaVersion}，{what}需要版本 {Warehouse.Schema.Version}" +
                "（规划期目标、官方数据）。请运行一次 ipwh load：它会迁移仓库并重新发布。")
            {
                Parameter = "warehouse",
            };
        }
    }

    /// A range of years needs data at both ends (a range is computed from the facts, so any years between will do).
    private void RequirePeriod(IndicatorPeriod period)
    {
        RequireYear(period.Year);
        if (period.IsRange)
        {
            RequireYear(period.FromYear);
        }
    }

    /// A period regions are compared in: a year with data, or a range whose first and last years both have data
    /// (a range's total over years before the sources began, or over target years ahead, would compare nothing).
    private void RequireDataPeriod(IndicatorPeriod period)
    {
        RequireDataYear(period.Year);
        if (period.IsRange)
        {
            RequireDataYear(period.FromYear);
        }
    }

    private static void RequireAsOf(DateOnly asOf, int year)
    {
        if (asOf.Year != year)
        {
            var text = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var yearText = year.ToString(CultureInfo.InvariantCulture);
            var other = asOf.Year.ToString(CultureInfo.InvariantCulture);
            throw new PlanningException(
                $"截至日期 {text} 不在 {yearText} 年内：年初至今的统计截至日必须在该年度之内。请填写 {yearText} 年的日期，或改查 {other} 年（--year {other}）。")
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
        Values(IndicatorPeriod.Of(year, asOf), indicators, regionCodes);

    /// The values of one period: a whole year is a lookup in the mart; a year to date or a range of years is
    /// computed from the facts (IndicatorMart) into the temp table first, unless it is there already.
    private Dictionary<(string Region, string Indicator), MartValue> Values(IndicatorPeriod period,
        IReadOnlyCollection<string>? indicators, IReadOnlyCollection<string>? regionCodes) =>
        Values([period.Year], period.Name == "year" ? null : period, indicators, regionCodes)
            .Where(v => v.Key.Year == period.Year).ToDictionary(v => (v.Key.Region, v.Key.Indicator), v => v.Value);

    /// Whole years in one lookup (a ranking and its year before); a computed period (year to date, range) holds one year only.
    private Dictionary<(string Region, string Indicator, int Year), MartValue> Values(IReadOnlyList<int> years, IndicatorPeriod? computed,
        IReadOnlyCollection<string>? indicators, IReadOnlyCollection<string>? regionCodes)
    {
        var table = IndicatorMart.IndicatorTable;
        var period = "year";
        if (computed is not null)
        {
            if (periodInTable != computed)
            {
                if (computed.IsRange)
                {
                    IndicatorMart.ComputeRange(connection, MartSettings.Settings, computed.FromYear, computed.Year, clock);
                }
                else
                {
                    IndicatorMart.ComputeAsOf(connection, MartSettings.Settings, computed.Year, computed.AsOf!.Value, clock);
                }
                periodInTable = computed;
            }
            table = IndicatorMart.AsOfTable;
            period = computed.Name;
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
