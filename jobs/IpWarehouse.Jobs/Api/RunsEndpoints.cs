using System.Text.Json;
using IpWarehouse.Etl.Configuration;
using IpWarehouse.Etl.Loading;
using IpWarehouse.Etl.Warehouse;
using IpWarehouse.Jobs.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IpWarehouse.Jobs.Api;

/// <summary><c>GET /api/runs?limit=20</c>: the load history, the same JSON as <c>ipwh runs --format json</c>.</summary>
public static class RunsEndpoints
{
    /// <summary>Adds the route.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/api/runs", (HttpContext http, IpwhConfig config, string? limit) => Read(http, config, limit));
    }

    private static async Task<IResult> Read(HttpContext http, IpwhConfig config, string? limit)
    {
        var count = 20;
        if (limit is not null && (!int.TryParse(limit, System.Globalization.CultureInfo.InvariantCulture, out count) || count < 1))
        {
            return ApiError.Of(StatusCodes.Status400BadRequest, $"limit={limit} is not a positive whole number; e.g. /api/runs?limit=20.");
        }
        var local = http.RequestServices.GetService(typeof(LocalLoad)) as LocalLoad;
        IReadOnlyList<RunRecord> runs;
        try
        {
            runs = ReadHistory(new WarehousePaths(config.Warehouse), local, count);
        }
        catch (LoadException e)
        {
            return ApiError.Of(StatusCodes.Status404NotFound, e.Message);
        }
        http.Response.ContentType = "application/json; charset=utf-8";
        var json = new Utf8JsonWriter(http.Response.Body, RunHistory.JsonOptions);
        await using (json.ConfigureAwait(false))
        {
            RunHistory.WriteJson(runs, json);
        }
        return Results.Empty;
    }

    // The working database has the whole history (failed and cancelled loads too) but a load in this
    // process holds it read-write: then the published copy answers, as `ipwh runs` does during a load.
    private static IReadOnlyList<RunRecord> ReadHistory(WarehousePaths paths, LocalLoad? local, int limit)
    {
        if (local is not null && local.WorkDatabase.Wait(0))
        {
            try
            {
                using var connection = WarehouseConnections.OpenHistory(paths, out _);
                return RunHistory.Read(connection, limit, paths);
            }
            finally
            {
                local.WorkDatabase.Release();
            }
        }
        using var published = WarehouseConnections.OpenPublished(paths);
        return RunHistory.Read(published, limit, paths);
    }
}
