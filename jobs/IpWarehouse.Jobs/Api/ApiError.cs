using Microsoft.AspNetCore.Http;

namespace IpWarehouse.Jobs.Api;

/// <summary>Errors of the HTTP API: a status and <c>{"error": "..."}</c> saying what is wrong (INDICATORS.md).</summary>
public static class ApiError
{
    /// <summary>The error response.</summary>
    public static IResult Of(int status, string message) => Results.Json(new { error = message }, statusCode: status);
}
