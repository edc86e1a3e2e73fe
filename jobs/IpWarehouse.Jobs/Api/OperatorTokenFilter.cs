using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace IpWarehouse.Jobs.Api;

/// <summary>
/// Guards the mutating routes: with an operator token configured, the request must carry
/// <c>Authorization: Bearer TOKEN</c>; without one the host only ever listens on loopback (see
/// <see cref="ServerSettings"/>), so the machine's own users may act. Either way a request a browser sends
/// from another site's page (its <c>Origin</c> is not this server, or its <c>Sec-Fetch-Site</c> is not <c>same-origin</c>) is refused, so a page elsewhere cannot
/// make a planner's browser start or cancel loads on a loopback console.
/// </summary>
public sealed class OperatorTokenFilter(ServerSettings server) : IEndpointFilter
{
    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        if (!FromThisSite(request))
        {
            var origin = request.Headers.Origin.ToString();
            return ApiError.Of(StatusCodes.Status403Forbidden,
                $"拒绝来自其他网站（{origin}）的操作请求：请在本控制台的页面上操作，或用 ipwh jobs。");
        }
        // Browsers say where a request comes from even when they send no Origin: only this console's own pages
        // (same-origin) and a person typing the address (none) may act; another port or site on this machine may not.
        if (request.Headers["Sec-Fetch-Site"].ToString() is { Length: > 0 } site && site is not ("same-origin" or "none"))
        {
            return ApiError.Of(StatusCodes.Status403Forbidden,
                $"拒绝来自其他网页的操作请求（Sec-Fetch-Site: {site}）：请在本控制台的页面上操作，或用 ipwh jobs。");
        }
        if (server.OperatorToken is { } expected)
        {
            var header = context.HttpContext.Request.Headers.Authorization.ToString();
            const string Scheme = "Bearer ";
            var given = header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..].Trim() : null;
            if (given is null || !Matches(given, expected))
            {
                return ApiError.Of(StatusCodes.Status401Unauthorized,
                    $"此操作会改变装载计划，需要操作口令：请在页面上填写口令，或发送请求头 Authorization: Bearer 口令" +
                    $"（ipwh jobs 从 ${ServerSettings.TokenVariable} 或 server.operatorToken 读取）。");
            }
        }
        return await next(context).ConfigureAwait(false);
    }

    /// <summary>False when a browser sent the request from another site's page: its <c>Origin</c> is not this server.</summary>
    public static bool FromThisSite(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers.Origin.ToString() is not { Length: > 0 } origin || SameOrigin(origin, request);
    }

    // The Origin a browser sends names scheme, host and port; this server's own pages send the Host they were loaded from.
    private static bool SameOrigin(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) &&
        string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase) &&
        string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);

    /// <summary>Constant-time comparison: hashing first makes the lengths equal, so neither content nor length leaks through timing.</summary>
    public static bool Matches(string given, string expected)
    {
        ArgumentNullException.ThrowIfNull(given);
        ArgumentNullException.ThrowIfNull(expected);
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }
}
