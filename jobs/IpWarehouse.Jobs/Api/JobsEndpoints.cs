using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IpWarehouse.Jobs.Api;

/// <summary>
/// <c>GET /api/jobs</c> (state, next fire time, running load) and the operator's actions
/// <c>POST /api/jobs/run</c>, <c>/pause</c>, <c>/resume</c>, <c>/cancel</c>, which need the operator token when one is set.
/// </summary>
public static class JobsEndpoints
{
    /// <summary>Adds the routes.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/api/jobs", (LoadScheduler jobs, CancellationToken cancellationToken) => jobs.GetStatusAsync(cancellationToken));

        var actions = app.MapGroup("/api/jobs").AddEndpointFilter<OperatorTokenFilter>();
        actions.MapPost("/run", async (LoadScheduler jobs, CancellationToken cancellationToken) =>
        {
            var at = await jobs.RunNowAsync(cancellationToken).ConfigureAwait(false);
            return Results.Json(new { scheduled_at = at, message = "load scheduled to run now; follow it with GET /api/jobs or ipwh runs" },
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
}
