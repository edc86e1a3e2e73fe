using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using IpWarehouse.Etl.Configuration;
using IpWarehouse.Etl.Indicators;
using IpWarehouse.Etl.Loading;
using IpWarehouse.Etl.Planning;
using IpWarehouse.Etl.Sandbox;
using IpWarehouse.Etl.Warehouse;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IpWarehouse.Jobs.Api;

/// <summary>
/// The planner's routes of INDICATORS.md, answering exactly what the CLI answers (both go through
/// <see cref="PlanningAnswer"/>): <c>GET /api/rank</c>, <c>/api/indicators</c>, <c>/api/targets</c>,
/// <c>/api/explain</c>, <c>/api/reconcile</c>, <c>/api/violations</c>, <c>/api/expiring</c>, <c>/api/cases</c>, <c>/api/trend</c>, <c>/api/profile</c>, each with
/// <c>format=json</c> (default), <c>csv</c>, <c>xlsx</c> or <c>parquet</c> (the same files <c>--format csv|xlsx|parquet</c> writes; rank, indicators and
/// explain also take a range of whole years, <c>fromYear</c>/<c>toYear</c>); the console's own <c>GET /api/map</c> (a
/// ranking with each region's shape) and <c>/api/regions</c> (the region tree); and <c>GET /api/meta</c>, what the
/// console's choices are built from. Every request opens the published warehouse anew, so a completed publish shows on the next request.
/// </summary>
public static class PlanningEndpoints
{
    /// <summary>Adds the routes.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var published = new PublishedCache(); // one per host: each request on the same publish reuses it
        app.MapGet("/api/rank", (HttpContext http, string? indicator, string? year, string? fromYear, string? toYear, string? within, string? level, string? asOf,
            string? format) =>
            Answer(http, published, format, keep: true, planning =>
            {
                var (last, first) = Years(year, fromYear, toYear);
                return PlanningAnswer.Rank(planning, Required(indicator, "indicator", "indicator=valid_invention_per_10k"),
                    last, Required(within, "within", "within=620000"), string.IsNullOrWhiteSpace(level) ? null : level, Date(asOf), first);
            }));
        app.MapGet("/api/indicators", (HttpContext http, string? year, string? fromYear, string? toYear, string[]? region, string? asOf, string? format) =>
            Answer(http, published, format, keep: true, planning =>
            {
                var (last, first) = Years(year, fromYear, toYear);
                return PlanningAnswer.Indicators(planning, last, Regions(region), Date(asOf), first);
            }));
        app.MapGet("/api/targets", (HttpContext http, string? year, string? region, string? asOf, string? format) =>
            Answer(http, published, format, keep: false, planning => PlanningAnswer.Targets(planning, Year(year), string.IsNullOrWhiteSpace(region) ? null : region, Date(asOf))));
        app.MapGet("/api/explain", (HttpContext http, string? indicator, string? year, string? fromYear, string? toYear, string? region, string? format) =>
            Answer(http, published, format, keep: true, planning =>
            {
                var (last, first) = Years(year, fromYear, toYear);
                return PlanningAnswer.Explain(planning, Required(indicator, "indicator", "indicator=valid_invention_per_10k"),
                    last, Required(region, "region", "region=620100"), first);
            }));
        app.MapGet("/api/reconcile", (HttpContext http, string? year, string? within, string? tolerance, string? format) =>
            Answer(http, published, format, keep: true, planning => PlanningAnswer.Reconcile(planning, Year(year),
                string.IsNullOrWhiteSpace(within) ? null : within, Tolerance(tolerance))));
        app.MapGet("/api/violations", (HttpContext http, string? year, string? format) =>
            Answer(http, published, format, keep: true, planning => PlanningAnswer.Violations(planning, Year(year))));
        app.MapGet("/api/index", (HttpContext http, IndexSettings indexes, string? name, string? year, string? within, string? level, string? explain,
            string? format) =>
            Answer(http, published, format, keep: true, planning => PlanningAnswer.Index(planning, indexes.Find(Required(name, "name", "name=强县评价（示例权重）")),
                Year(year), Required(within, "within", "within=620000"), string.IsNullOrWhiteSpace(level) ? null : level,
                explain is "true" or "1")));
        app.MapGet("/api/indexes", (HttpContext http, IndexSettings indexes) => Answer(http, published, format: null, keep: true,
            _ => PlanningAnswer.Of(indexes.Indexes)));
        // The long lists: at most the sql section's limits, the page's for JSON and the download's for files, as /api/sql.
        app.MapGet("/api/expiring", (HttpContext http, SandboxSettings sql, string? within, string? months, string? kind, string? asOf, string? format) =>
            Answer(http, published, format, keep: true, planning => PlanningAnswer.Expiring(planning, Required(within, "within", "within=620000"),
                Months(months), string.IsNullOrWhiteSpace(kind) ? null : kind.Trim(), Date(asOf), ListLimit(sql, format)), ListLimit(sql, format)));
        app.MapGet("/api/cases", (HttpContext http, SandboxSettings sql, string? within, string? by, string? asOf, string? format) =>
            Answer(http, published, format, keep: true, planning => PlanningAnswer.Cases(planning, Required(within, "within", "within=620000"),
                string.IsNullOrWhiteSpace(by) ? null : by.Trim(), Date(asOf), ListLimit(sql, format)), ListLimit(sql, format)));
        app.MapGet("/api/trend", (HttpContext http, string? indicator, string? region, string? format) =>
            Answer(http, published, format, keep: true, planning => PlanningAnswer.Trend(planning, Required(indicator, "indicator", "indicator=valid_invention_per_10k"),
                Required(region, "region", "region=620100"))));
        app.MapGet("/api/profile", (HttpContext http, string? region, string? year, string? format) =>
            Answer(http, published, format, keep: false, planning => PlanningAnswer.Profile(planning, Required(region, "region", "region=620100"), Year(year))));
        app.MapGet("/api/map", (HttpContext http, string? indicator, string? year, string? within, string? level, string? format) =>
            Answer(http, published, format, keep: true, planning => PlanningAnswer.Map(planning, Required(indicator, "indicator", "indicator=valid_invention_per_10k"),
                Year(year), Required(within, "within", "within=620000"), string.IsNullOrWhiteSpace(level) ? null : level, Shapes.Value)));
        app.MapGet("/api/regions", (HttpContext http) => Answer(http, published, format: null, keep: true, PlanningAnswer.Regions));
        app.MapGet("/api/meta", (HttpContext http, ConsoleSettings console) => Answer(http, published, format: null, keep: true, planning => PlanningAnswer.Of(new
        {
            batch_id = planning.Publish.BatchId,
            published_at = planning.Publish.PublishedAt,
            time_zone = planning.TimeZone.Id,
            years = planning.Years,
            data_years = planning.YearsWithData(),
            indicators = IndicatorCatalog.All.Select(i => new { code = i.Code, name = i.ChineseName, unit = i.Unit, direction = i.DirectionSymbol }),
            regions = planning.RegionsWithData().Select(r => new { code = r.Code, name = r.Name, level = r.Level, parent_code = r.ParentCode }),
            home_region = console.HomeRegion,
        })));
    }

    /// The shapes the console's maps are drawn with: the index the build writes next to them (wwwroot/geo/).
    private static readonly Lazy<MapShapes> Shapes = new(() => MapShapes.Load(Path.Combine(AppContext.BaseDirectory, "wwwroot", "geo", "index.json")));

    // JSON answers of a publish are kept in its cache (targets excepted: their status depends on today), so a
    // question asked again is answered without opening the warehouse; the marker says which publish is current.
    // A cut answer carries the header of the limit that cut it (WarehouseEndpoints.MarkCut) and is not kept: it would come back without it.
    private static IResult Answer(HttpContext http, PublishedCache published, string? format, bool keep, Func<PlanningQueries, PlanningAnswer> ask,
        OutputLimit limit = default)
    {
        var json = format is null or "" or "json";
        var key = http.Request.Path + http.Request.QueryString;
        if (json && keep && published.Current is { } current)
        {
            var config = (IpwhConfig)http.RequestServices.GetService(typeof(IpwhConfig))!;
            if (PublishInfo.FromMarker(new WarehousePaths(config.Warehouse).PublishedMarker) == current.Publish &&
                current.TryGetAnswer(key, out var kept))
            {
                return Results.Text(kept, ApiText.Json, Encoding.UTF8);
            }
        }
        return WithPlanning(http, published, planning =>
        {
            var answer = ask(planning);
            if (!json)
            {
                WarehouseEndpoints.MarkCut(http.Response, answer.Cut, limit);
            }
            switch (format)
            {
                case null or "" or "json":
                    using (var writer = new StringWriter(CultureInfo.InvariantCulture))
                    {
                        var cut = answer.WriteJson(writer);
                        WarehouseEndpoints.MarkCut(http.Response, cut, limit);
                        var text = writer.ToString();
                        if (keep && cut == ResultCut.None)
                        {
                            planning.Cache.KeepAnswer(key, text);
                        }
                        return Results.Text(text, ApiText.Json, Encoding.UTF8);
                    }
                case "csv":
                    http.Response.Headers.ContentDisposition = Attachment(answer.FileName + ".csv");
                    return ApiText.Of(writer => ReportCsv.Write(answer.Report(), writer), ApiText.Csv);
                case "xlsx":
                    using (var stream = new MemoryStream())
                    {
                        ReportXlsx.Write(answer.Report(), stream);
                        return Results.File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", answer.FileName + ".xlsx");
                    }
                case "parquet":
                    return ApiParquet.Of(stream => ReportParquet.Write(answer.Report(), stream), answer.FileName + ".parquet");
                default:
                    throw new PlanningException($"不认识 format={format}：请用 json（默认）、csv、xlsx 或 parquet。") { Parameter = "format" };
            }
        });
    }

    private static IResult WithPlanning(HttpContext http, PublishedCache published, Func<PlanningQueries, IResult> answer)
    {
        var config = (IpwhConfig)http.RequestServices.GetService(typeof(IpwhConfig))!;
        var clock = (TimeProvider)http.RequestServices.GetService(typeof(TimeProvider))!;
        try
        {
            // One cache per publish, shared by every request on it: a ranking is then the mart lookup alone.
            var paths = new WarehousePaths(config.Warehouse);
            var targets = (TargetSettings)http.RequestServices.GetService(typeof(TargetSettings))!;
            using var planning = PlanningQueries.OpenPublished(paths, clock, config.TimeZone, published.Current, targets);
            published.Use(planning.Cache, paths);
            return answer(planning);
        }
        catch (PlanningException e)
        {
            return ApiError.Of(StatusCodes.Status400BadRequest, e.Message);
        }
        catch (LoadException e)
        {
            return ApiError.Of(StatusCodes.Status404NotFound, e.Message);
        }
    }

    private static string Required(string? value, string name, string example) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new PlanningException($"缺少参数 {name}，例如 {example}。") { Parameter = name }
            : value.Trim();

    private static int Year(string? text, string name = "year")
    {
        var value = Required(text, name, $"{name}=2024");
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            ? year
            : throw new PlanningException($"{name}={text} 不是年份：请写四位数字，例如 {name}=2024。") { Parameter = name };
    }

    // year=2024, or fromYear=2021&toYear=2023 (a range of whole years); toYear alone is year.
    private static (int Year, int? FromYear) Years(string? year, string? fromYear, string? toYear)
    {
        if (string.IsNullOrWhiteSpace(year) && string.IsNullOrWhiteSpace(toYear))
        {
            throw new PlanningException("缺少参数 year，例如 year=2024；或给出若干整年的区间，例如 fromYear=2021&toYear=2023。")
            {
                Parameter = "year",
            };
        }
        var last = string.IsNullOrWhiteSpace(toYear) ? Year(year) : Year(toYear, "toYear");
        if (!string.IsNullOrWhiteSpace(year) && Year(year) != last)
        {
            throw new PlanningException($"year={year} 与 toYear={toYear} 不一致：二者只给一个。") { Parameter = "year" };
        }
        var first = string.IsNullOrWhiteSpace(fromYear) ? (int?)null : Year(fromYear, "fromYear");
        return (last, first == last ? null : first);
    }

    private static OutputLimit ListLimit(SandboxSettings sql, string? format) =>
        format is null or "" or "json" ? sql.Page.Limit : sql.Download.Limit;

    private static int Months(string? text) =>
        int.TryParse(Required(text, "months", "months=6"), NumberStyles.None, CultureInfo.InvariantCulture, out var months)
            ? months
            : throw new PlanningException($"months={text} 不是月数：请写 1 到 120 的整数，例如 months=6。") { Parameter = "months" };

    private static double? Tolerance(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value
        : throw new PlanningException($"tolerance={text} 不是百分数，例如 tolerance=0.5（即 0.5%）。") { Parameter = "tolerance" };

    private static DateOnly? Date(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new PlanningException($"asOf={text} 不是日期：请写成 yyyy-MM-dd，例如 asOf=2024-06-30。") { Parameter = "as_of" };
    }

    // region=620100&region=620200, or region=620100,620200
    private static List<string>? Regions(string[]? values)
    {
        var codes = (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        return codes.Count == 0 ? null : codes;
    }

    private static string Attachment(string fileName) =>
        $"attachment; filename=\"{fileName}\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}";

    /// The current publish's cache, and one connection held open on it: DuckDB closes a database when its last
    /// connection closes, and opening it again costs more than a whole ranking, so the server keeps it open
    /// until the next publish replaces the file.
    private sealed class PublishedCache
    {
        private readonly Lock gate = new();
        private PlanningCache? current;
        private DuckDBConnection? anchor;

        public PlanningCache? Current => Volatile.Read(ref current);

        public void Use(PlanningCache cache, WarehousePaths paths)
        {
            if (ReferenceEquals(Volatile.Read(ref current), cache))
            {
                return;
            }
            lock (gate)
            {
                if (ReferenceEquals(current, cache))
                {
                    return;
                }
                var previous = anchor;
                anchor = WarehouseConnections.OpenPublished(paths);
                Volatile.Write(ref current, cache);
                previous?.Dispose();
            }
        }
    }
}
