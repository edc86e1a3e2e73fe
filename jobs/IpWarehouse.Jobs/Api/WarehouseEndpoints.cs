using System.Globalization;
using System.Text;
using System.Text.Json;
using DuckDB.NET.Data;
using IpWarehouse.Etl.Configuration;
using IpWarehouse.Etl.DuckDb;
using IpWarehouse.Etl.Loading;
using IpWarehouse.Etl.Sandbox;
using IpWarehouse.Etl.Warehouse;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IpWarehouse.Jobs.Api;

/// <summary>
/// The statistician's routes on the published warehouse: <c>POST /api/sql</c> (in a worker process of <see cref="SqlSandbox"/>:
/// read-only, the allow-list, row, byte, time and memory limits, 429 when too many queries wait;
/// JSON as <c>ipwh sql --format json</c>, CSV with <c>?format=csv</c>, Parquet with <c>?format=parquet</c>), <c>GET /api/dictionary</c>
/// (tables and columns with their comments) and <c>GET /api/rejects?batch=</c> (as <c>ipwh rejects --format json</c>, or parquet).
/// Every request opens the published file anew, so a publish that completes is seen by the next request.
/// </summary>
public static class WarehouseEndpoints
{
    /// <summary>The header set to the row limit when a result was cut there.</summary>
    public const string TruncatedHeader = "X-Ipwh-Rows-Truncated-At";

    /// <summary>The header set to the byte limit when a result was cut there.</summary>
    public const string BytesTruncatedHeader = "X-Ipwh-Bytes-Truncated-At";

    /// <summary>The largest request body <c>POST /api/sql</c> reads.</summary>
    public const int MaxBodyBytes = 1 << 20;

    /// <summary>Registers the sandbox the statisticians' queries run in (the <c>sql</c> section of ipwh.json, checked here).</summary>
    public static void AddServices(IServiceCollection services, IpwhConfig config)
    {
        ArgumentNullException.ThrowIfNull(services);
        var settings = SandboxSettings.FromConfig(config);
        services.AddSingleton(settings); // its row and byte limits also bound the planners' long lists (PlanningEndpoints)
        services.AddSingleton(_ => new SqlSandbox(settings, WorkerCommand.NextToThisProcess()));
    }

    /// <summary>Adds the routes.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/api/sql", RunSql);
        app.MapGet("/api/dictionary", (IpwhConfig config) => WithPublished(config, connection =>
            Results.Json(WarehouseCatalog.Read(connection), JsonOptions)));
        app.MapGet("/api/rejects", (IpwhConfig config, string? batch, string? format) => format is not (null or "" or "json" or "parquet")
            ? ApiError.Of(StatusCodes.Status400BadRequest, $"不认识 format={format}：请用 json（默认）或 parquet。")
            : WithPublished(config, connection =>
            {
                using var reader = Quarantine.Read(connection, string.IsNullOrWhiteSpace(batch) ? null : batch);
                return format == "parquet"
                    ? ApiParquet.Of(stream => QueryParquet.Write(reader, stream, QueryLabels.Rejects), "rejects.parquet")
                    : ApiText.Of(writer => QueryOutput.WriteJson(reader, writer), ApiText.Json);
            }));
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    // The query runs in a worker process (SqlSandbox), which writes the answer to a file of the warehouse's scratch
    // folder; the file streams out and is deleted, so the server holds none of it in memory.
    private static async Task<IResult> RunSql(HttpContext http, IpwhConfig config, SqlSandbox sandbox, string? format)
    {
        if (format is not (null or "" or "json" or "csv" or "parquet"))
        {
            return ApiError.Of(StatusCodes.Status400BadRequest, $"不认识 format={format}：请用 json（默认）、csv 或 parquet。");
        }
        var (sql, problem) = await ReadSql(http).ConfigureAwait(false);
        if (sql is null)
        {
            return ApiError.Of(StatusCodes.Status400BadRequest, problem!);
        }
        format = string.IsNullOrEmpty(format) ? "json" : format;
        var limit = format == "json" ? sandbox.Settings.Page.Limit : sandbox.Settings.Download.Limit;
        var folder = Path.Combine(config.TempFolder, "sql-answers");
        Directory.CreateDirectory(folder);
        var spool = Path.Combine(folder, $"{Guid.NewGuid():N}.{format}");
        SqlOutcome outcome;
        try
        {
            outcome = await sandbox.RunAsync(new SqlRequest
            {
                Warehouse = config.Warehouse,
                Sql = sql,
                Format = format,
                Output = spool,
                Limit = limit,
                TimeLimitSeconds = (int)sandbox.Settings.TimeLimit.TotalSeconds,
                MemoryLimit = sandbox.Settings.MemoryLimit,
                TempLimit = sandbox.Settings.TempLimit,
                Threads = sandbox.Settings.Threads,
            }, cancellationToken: http.RequestAborted).ConfigureAwait(false);
        }
        catch (SandboxBusyException e)
        {
            return ApiError.Of(StatusCodes.Status429TooManyRequests, e.Message);
        }
        finally
        {
            if (http.RequestAborted.IsCancellationRequested)
            {
                File.Delete(spool);
            }
        }
        if (!outcome.Succeeded || !File.Exists(spool))
        {
            File.Delete(spool);
            return ApiError.Of(outcome.Succeeded ? StatusCodes.Status500InternalServerError : outcome.Status, outcome.Error ?? "查询没有写出结果 / The query wrote no answer.");
        }
        MarkCut(http.Response, outcome.Cut, limit);
        var answer = new FileStream(spool, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        return format switch
        {
            "parquet" => Results.File(answer, ApiParquet.ContentType, "query.parquet"),
            "csv" => Results.File(answer, ApiText.Csv, "query.csv"),
            _ => Results.Stream(answer, ApiText.Json),
        };
    }

    /// Says on the response which limit cut the answer, if any: <see cref="TruncatedHeader"/> or <see cref="BytesTruncatedHeader"/>
    /// set to the limit (/api/sql, and the planners' long lists /api/expiring and /api/cases).
    internal static void MarkCut(HttpResponse response, ResultCut cut, OutputLimit limit)
    {
        if (cut == ResultCut.Rows)
        {
            response.Headers[TruncatedHeader] = limit.Rows.ToString(CultureInfo.InvariantCulture);
        }
        else if (cut == ResultCut.Bytes)
        {
            response.Headers[BytesTruncatedHeader] = limit.Bytes.ToString(CultureInfo.InvariantCulture);
        }
    }

    // The body as JSON {"sql": "…"}: at most MaxBodyBytes of valid UTF-8.
    private static async Task<(string? Sql, string? Problem)> ReadSql(HttpContext http)
    {
        const string Shape = """请求正文应为 JSON，例如 {"sql": "SELECT * FROM mart_indicator LIMIT 10"} / The body must be JSON like {"sql": "SELECT * FROM mart_indicator LIMIT 10"}.""";
        using var buffer = new MemoryStream();
        var chunk = new byte[1 << 16];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBodyBytes)
            {
                return (null, $"请求正文超过 {MaxBodyBytes / 1024} KB / The body is larger than {MaxBodyBytes / 1024} KB.");
            }
        }
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (DecoderFallbackException)
        {
            return (null, "请求正文不是有效的 UTF-8 / The body is not valid UTF-8: send the SQL as UTF-8 JSON.");
        }
        try
        {
            using var body = JsonDocument.Parse(text);
            return body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("sql", out var value) && value.ValueKind == JsonValueKind.String
                ? (value.GetString(), null)
                : (null, Shape);
        }
        catch (JsonException)
        {
            return (null, Shape);
        }
    }

    /// Runs <paramref name="answer"/> on a fresh read-only connection to the published warehouse and turns the
    /// errors a person can fix into 400/404 with {"error": …}.
    internal static IResult WithPublished(IpwhConfig config, Func<DuckDBConnection, IResult> answer)
    {
        try
        {
            using var connection = WarehouseConnections.OpenPublished(new WarehousePaths(config.Warehouse));
            return answer(connection);
        }
        catch (LoadException e)
        {
            return ApiError.Of(StatusCodes.Status404NotFound, e.Message);
        }
        catch (QueryRefusedException e)
        {
            return ApiError.Of(StatusCodes.Status400BadRequest, e.Message);
        }
        catch (DuckDBException e)
        {
            // A query's own error (syntax, unknown column, conversion …): DuckDB's message says what and where.
            return ApiError.Of(StatusCodes.Status400BadRequest, e.Message);
        }
        catch (DatabaseLockedException e)
        {
            return ApiError.Of(StatusCodes.Status503ServiceUnavailable, e.Message);
        }
    }
}
