using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using IpWarehouse.Etl.Configuration;
using IpWarehouse.Etl.Indicators;
using IpWarehouse.Etl.Loading;
using IpWarehouse.Etl.Planning;
using IpWarehouse.Etl.Warehouse;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IpWarehouse.Jobs.Api;

/// <summary>
/// The planner's routes of INDICATORS.md, answering exactly what the CLI answers (both go through
/// <see cref="PlanningAnswer"/>): <c>GET /api/rank</c>, <c>/api/indicators</c>, <c>/api/targets</c>,
/// <c>/api/explain</c>, <c>/api/violations</c>, each with <c>format=json</c> (default), <c>csv</c> or <c>xlsx</c>
/// (the same files <c>--format csv|xlsx</c> writes); and <c>GET /api/meta</c>, what the console's choices are built
/// from. Every request opens the published warehouse anew, so a completed publish shows on the next request.
/// </summary>
public static class PlanningEndpoints
{
    /// <summary>Adds the routes.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var published = new PublishedCache(); // one per host: each request on the same publish reuses it
        app.MapGet("/api/rank", (HttpContext http, string? indicator, string? year, string? within, string? level, string? asOf, string? format) =>
            Answer(http, published, format, keep: true, planning => PlanningAnswer.Rank(planning, Required(indicator, "indicator", "indicator=valid_invention_per_10k"),
                Year(year), Required(within, "within", "within=620000"), string.IsNullOrWhiteSpace(level) ? null : level, Date(asOf))));
        app.MapGet("/api/indicators", (HttpContext http, string? year, string[]? region, string? asOf, string? format) =>
            Answer(http, published, format, keep: true, planning => PlanningAnswer.Indicators(planning, Year(year), Regions(region), Date(asOf))));
        app.MapGet("/api/targets", (HttpContext http, string? year, string? region, string? asOf, string? format) =>
            Answer(http, published, format, keep: false, planning => PlanningAnswer.Targets(planning, Year(year), string.IsNullOrWhiteSpace(region) ? null : region, Date(asOf))));
        app.MapGet("/api/explain", (HttpContext http, string? indicator, string? year, string? region, string? format) =>
            Answer(http, published, format, keep: true, planning => PlanningAnswer.Explain(planning, Required(indicator, "indicator", "indicator=valid_invention_per_10k"),
                Year(year), Required(region, "region", "region=620100"))));
        app.MapGet("/api/violations", (HttpContext http, string? year, string? format) =>
            Answer(http, published, format, keep: true, planning => PlanningAnswer.Violations(planning, Year(year))));
        app.MapGet("/api/meta", (HttpContext http) => Answer(http, published, format: null, keep: true, planning => PlanningAnswer.Of(new
        {
            batch_id = planning.Publish.BatchId,
            published_at = planning.Publish.PublishedAt,
            time_zone = planning.TimeZone.Id,
            years = planning.Years,
            data_years = planning.YearsWithData(),
            indicators = IndicatorCatalog.All.Select(i => new { code = i.Code, name = i.ChineseName, unit = i.Unit, direction = i.DirectionSymbol }),
            regions = planning.RegionsWithData().Select(r => new { code = r.Code, name = r.Name, level = r.Level, parent_code = r.ParentCode }),
        })));
    }

    // JSON answers of a publish are kept in its cache (targets excepted: their status depends on today), so a
    // question asked again is answered without opening the warehouse; the marker says which publish is current.
    private static IResult Answer(HttpContext http, PublishedCache published, string? format, bool keep, Func<PlanningQueries, PlanningAnswer> ask)
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
            switch (format)
            {
                case null or "" or "json":
                    using (var writer = new StringWriter(CultureInfo.InvariantCulture))
                    {
                        answer.WriteJson(writer);
                        var text = writer.ToString();
                        if (keep)
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
                default:
                    throw new PlanningException($"format={format} is not known: use json (default), csv or xlsx.") { Parameter = "format" };
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
            using var planning = PlanningQueries.OpenPublished(paths, clock, config.TimeZone, published.Current);
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
            ? throw new PlanningException($"The parameter {name} is required, e.g. {example}.") { Parameter = name }
            : value.Trim();

    private static int Year(string? text)
    {
        var value = Required(text, "year", "year=2024");
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            ? year
            : throw new PlanningException($"year={text} is not a year: write four digits, e.g. year=2024.") { Parameter = "year" };
    }

    private static DateOnly? Date(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new PlanningException($"asOf={text} is not a date: write it as yyyy-MM-dd, e.g. asOf=2024-06-30.") { Parameter = "as_of" };
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
