using System.Text;
using System.Text.Json;
using DuckDB.NET.Data;
using IpWarehouse.Etl.Configuration;
using IpWarehouse.Etl.DuckDb;
using IpWarehouse.Etl.Loading;
using IpWarehouse.Etl.Warehouse;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IpWarehouse.Jobs.Api;

/// <summary>
/// The statistician's routes on the published warehouse: <c>POST /api/sql</c> (read-only, row and time limits,
/// JSON as <c>ipwh sql --format json</c>, CSV with <c>?format=csv</c>, Parquet with <c>?format=parquet</c>), <c>GET /api/dictionary</c>
/// (tables and columns with their comments) and <c>GET /api/rejects?batch=</c> (as <c>ipwh rejects --format json</c>, or parquet).
/// Every request opens the published file anew, so a publish that completes is seen by the next request.
/// </summary>
public static class WarehouseEndpoints
{
    /// <summary>At most this many rows are returned by <c>POST /api/sql</c>; the response says when more were left.</summary>
    public const int SqlRowLimit = 10_000;

    /// <summary>A query running longer than this is interrupted.</summary>
    public static readonly TimeSpan SqlTimeLimit = TimeSpan.FromSeconds(30);

    /// <summary>The header set to the row limit when a result was cut there.</summary>
    public const string TruncatedHeader = "X-Ipwh-Rows-Truncated-At";

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

    private static async Task<IResult> RunSql(HttpContext http, IpwhConfig config, string? format)
    {
        if (format is not (null or "" or "json" or "csv" or "parquet"))
        {
            return ApiError.Of(StatusCodes.Status400BadRequest, $"不认识 format={format}：请用 json（默认）、csv 或 parquet。");
        }
        string? sql;
        try
        {
            using var body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted).ConfigureAwait(false);
            sql = body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("sql", out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }
        catch (JsonException)
        {
            sql = null;
        }
        if (sql is null)
        {
            return ApiError.Of(StatusCodes.Status400BadRequest, """The body must be JSON like {"sql": "SELECT * FROM mart_indicator LIMIT 10"}.""");
        }
        if (format == "parquet")
        {
            return WithPublished(config, connection => SqlParquet(http, connection, sql));
        }
        return WithPublished(config, connection =>
        {
            using var reader = ReadOnlyQuery.Execute(connection, sql, SqlTimeLimit);
            var csv = format == "csv";
            var truncated = false;
            var result = ApiText.Of(writer => truncated = csv
                ? QueryOutput.WriteCsv(reader, writer, SqlRowLimit)
                : QueryOutput.WriteJson(reader, writer, SqlRowLimit), csv ? ApiText.Csv : ApiText.Json);
            if (truncated)
            {
                http.Response.Headers[TruncatedHeader] = SqlRowLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            if (csv)
            {
                http.Response.Headers.ContentDisposition = "attachment; filename=\"query.csv\"";
            }
            return result;
        });
    }

    // Parquet written by .NET from the streamed rows (the connection cannot write files), labelled from the dictionary.
    private static IResult SqlParquet(HttpContext http, DuckDBConnection connection, string sql)
    {
        var labels = QueryLabels.FromDictionary(WarehouseCatalog.Read(connection));
        using var reader = ReadOnlyQuery.Execute(connection, sql, SqlTimeLimit, ResultShape.Typed);
        var truncated = false;
        var result = ApiParquet.Of(stream => truncated = QueryParquet.Write(reader, stream, labels, SqlRowLimit), "query.parquet");
        if (truncated)
        {
            http.Response.Headers[TruncatedHeader] = SqlRowLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return result;
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
