using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IpWarehouse.Jobs.Api;

/// <summary>Errors of the HTTP API: a status and <c>{"error": "..."}</c> saying what is wrong (INDICATORS.md).</summary>
public static class ApiError
{
    /// <summary>The error response.</summary>
    public static IResult Of(int status, string message) => Results.Json(new { error = message }, statusCode: status);

    /// <summary>Answers an unknown address (404) and a wrong method (405) with <c>{"error": …}</c> like every other error.</summary>
    public static void UseJsonStatusPages(IApplicationBuilder app) => app.UseStatusCodePages(async context =>
    {
        var http = context.HttpContext;
        var message = http.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => $"没有这个地址：{http.Request.Path} / Not found: {http.Request.Path}. The API's routes are listed in docs/planners.md and docs/statisticians.md.",
            StatusCodes.Status405MethodNotAllowed => $"{http.Request.Path} 不接受 {http.Request.Method} 请求 / {http.Request.Method} is not allowed on {http.Request.Path}" +
                (http.Response.Headers.Allow.Count > 0 ? $"; use {http.Response.Headers.Allow}." : "."),
            _ => $"HTTP {http.Response.StatusCode}",
        };
        await Of(http.Response.StatusCode, message).ExecuteAsync(http).ConfigureAwait(false);
    });
}
