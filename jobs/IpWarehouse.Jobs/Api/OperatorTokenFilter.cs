using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace IpWarehouse.Jobs.Api;

/// <summary>
/// Guards the mutating routes: with an operator token configured, the request must carry
/// <c>Authorization: Bearer TOKEN</c>; without one the host only ever listens on loopback (see
/// <see cref="ServerSettings"/>), so the machine's own users may act.
/// </summary>
public sealed class OperatorTokenFilter(ServerSettings server) : IEndpointFilter
{
    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (server.OperatorToken is { } expected)
        {
            var header = context.HttpContext.Request.Headers.Authorization.ToString();
            const string Scheme = "Bearer ";
            var given = header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..].Trim() : null;
            if (given is null || !Matches(given, expected))
            {
                return ApiError.Of(StatusCodes.Status401Unauthorized,
                    $"This route changes the schedule and needs the operator token: send 'Authorization: Bearer <token>' " +
                    $"(ipwh jobs reads it from ${ServerSettings.TokenVariable} or server.operatorToken).");
            }
        }
        return await next(context).ConfigureAwait(false);
    }

    /// <summary>Constant-time comparison: hashing first makes the lengths equal, so neither content nor length leaks through timing.</summary>
    public static bool Matches(string given, string expected)
    {
        ArgumentNullException.ThrowIfNull(given);
        ArgumentNullException.ThrowIfNull(expected);
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }
}
