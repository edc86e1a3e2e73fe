using System.Text.Json;
using IpWarehouse.Etl.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IpWarehouse.Jobs.Api;

/// <summary>
/// <c>GET /api/jobs</c> (state, next fire time, running load) and the operator's actions
/// <c>POST /api/jobs/run</c> (body <c>{"source": "NAME"}</c> re-reads one source in full), <c>/pause</c>, <c>/resume</c>,
/// <c>/cancel</c>, which need the operator token when one is set and refuse another site's pages (see <see cref="OperatorTokenFilter"/>).
/// </summary>
public static class JobsEndpoints
{
    /// <summary>Adds the routes.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/api/jobs", (LoadScheduler jobs, CancellationToken cancellationToken) => jobs.GetStatusAsync(cancellationToken));

        var actions = app.MapGroup("/api/jobs").AddEndpointFilter<OperatorTokenFilter>();
        actions.MapPost("/run", async (HttpContext http, LoadScheduler jobs, IpwhConfig config, CancellationToken cancellationToken) =>
        {
            if (http.Request.ContentLength is > 4096)
            {
                return ApiError.Of(StatusCodes.Status400BadRequest, """请求体过大：只需 {} 或 {"source": "数据源名称"}。""");
            }
            var source = await SourceOf(http, cancellationToken).ConfigureAwait(false);
            if (source is not null && config.FindSource(source) is null)
            {
                return ApiError.Of(StatusCodes.Status400BadRequest,
                    $"配置中没有名为“{source}”的数据源。可用的数据源：{string.Join(", ", config.Sources.Select(s => s.Name))}。");
            }
            var at = await jobs.RunNowAsync(source, cancellationToken).ConfigureAwait(false);
            var message = source is null ? "已安排立即装载全部数据源" : $"已安排重新完整读取数据源 {source}";
            return Results.Json(new { scheduled_at = at, source, message = message + "；可在运行页或 ipwh runs 查看进度。" },
                statusCode: StatusCodes.Status202Accepted);
        });
        actions.MapPost("/pause", async (LoadScheduler jobs, CancellationToken cancellationToken) =>
        {
            await jobs.PauseAsync(cancellationToken).ConfigureAwait(false);
            return Results.Ok(await jobs.GetStatusAsync(cancellationToken).ConfigureAwait(false));
        });
        actions.MapPost("/resume", async (LoadScheduler jobs, CancellationToken cancellationToken) =>
        {
            await jobs.ResumeAsync(cancellationToken).ConfigureAwait(false);
            return Results.Ok(await jobs.GetStatusAsync(cancellationToken).ConfigureAwait(false));
        });
        actions.MapPost("/cancel", async (LoadScheduler jobs, CancellationToken cancellationToken) =>
            Results.Json(await jobs.CancelAsync(cancellationToken).ConfigureAwait(false), statusCode: StatusCodes.Status202Accepted));
        actions.AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context).ConfigureAwait(false);
            }
            catch (JobsConflictException e)
            {
                return ApiError.Of(StatusCodes.Status409Conflict, e.Message);
            }
        });
    }

    // An empty body, {} or {"source": null} runs every source; {"source": "NAME"} one source.
    private static async Task<string?> SourceOf(HttpContext http, CancellationToken cancellationToken)
    {
        if (http.Request.ContentLength is 0 || !(http.Request.ContentType ?? "").Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        try
        {
            using var body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: cancellationToken).ConfigureAwait(false);
            return body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("source", out var value)
                && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
                ? value.GetString()!.Trim()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
