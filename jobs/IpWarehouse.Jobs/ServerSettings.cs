using System.Net;
using System.Text.Json;
using IpWarehouse.Etl;
using IpWarehouse.Etl.Configuration;

namespace IpWarehouse.Jobs;

/// <summary>
/// Where <c>ipwh serve</c> listens and who may change the schedule: the <c>server</c> section of ipwh.json,
/// <c>{ "urls": "http://127.0.0.1:5080", "operatorToken": "${IPWH_OPERATOR_TOKEN}" }</c>, with
/// <c>--urls</c> and <c>$IPWH_OPERATOR_TOKEN</c> taking over when given.
/// </summary>
/// <remarks>
/// The rules: on loopback only, the API is open to the machine's own users; beyond loopback (a bureau's
/// intranet) the mutating routes (run, pause, resume, cancel) need the operator token, and without a
/// token configured the server refuses to start. A configured token is required on every address.
/// </remarks>
public sealed record ServerSettings
{
    /// <summary>The default address: loopback only.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>The environment variable holding the operator token.</summary>
    public const string TokenVariable = "IPWH_OPERATOR_TOKEN";

    /// <summary>The shortest token accepted: shorter ones can be guessed.</summary>
    public const int MinimumTokenLength = 16;

    /// <summary>The addresses to listen on (ASP.NET Core URL syntax), separated by <c>;</c>.</summary>
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>The operator token, or null when none is configured.</summary>
    public string? OperatorToken { get; init; }

    /// <summary>True when every address is a loopback one (127.0.0.0/8, [::1], localhost).</summary>
    public bool LoopbackOnly => Addresses.All(IsLoopback);

    /// <summary>The addresses, one per URL.</summary>
    public IReadOnlyList<string> Addresses => Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Reads the section; <paramref name="urls"/> (from <c>--urls</c>) wins over the file.</summary>
    public static ServerSettings FromConfig(IpwhConfig config, Func<string, string?> environment, string? urls = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(environment);
        string? fileUrls = null;
        string? fileToken = null;
        if (config.Section("server") is { ValueKind: JsonValueKind.Object } server)
        {
            foreach (var property in server.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "urls" when property.Value.ValueKind == JsonValueKind.String:
                        fileUrls = property.Value.GetString();
                        break;
                    case "operatorToken" when property.Value.ValueKind is JsonValueKind.String or JsonValueKind.Null:
                        fileToken = property.Value.GetString();
                        break;
                    default:
                        throw Error(config, "server." + property.Name, "is not a setting, or not a string" + ConfigKeys.DidYouMean(property.Name, ["urls", "operatorToken"]),
                            $"The server section knows \"urls\" and \"operatorToken\", both strings");
                }
            }
        }
        var token = environment(TokenVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : fileToken;
        var settings = new ServerSettings
        {
            Urls = string.IsNullOrWhiteSpace(urls) ? fileUrls ?? DefaultUrls : urls,
            OperatorToken = string.IsNullOrEmpty(token) ? null : token,
        };
        settings.Validate(config);
        return settings;
    }

    /// <summary>True for 127.0.0.0/8, ::1 and <c>localhost</c>; false for <c>*</c>, <c>+</c>, 0.0.0.0 and real addresses.</summary>
    public static bool IsLoopback(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var host = url.Contains("://", StringComparison.Ordinal) ? url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..] : url;
        host = host.Split('/')[0];
        if (host.StartsWith('['))
        {
            host = host[1..host.IndexOf(']', StringComparison.Ordinal)];
        }
        else if (host.LastIndexOf(':') is var colon and > 0)
        {
            host = host[..colon];
        }
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
    }

    private void Validate(IpwhConfig config)
    {
        if (OperatorToken is { Length: < MinimumTokenLength })
        {
            throw Error(config, "server.operatorToken",
                $"the operator token has {OperatorToken.Length} characters; at least {MinimumTokenLength} are required",
                $"Use a long random token, e.g. the output of 'openssl rand -hex 24', in ${TokenVariable} or server.operatorToken");
        }
        if (!LoopbackOnly && OperatorToken is null)
        {
            var exposed = string.Join(", ", Addresses.Where(a => !IsLoopback(a)));
            throw Error(config, "server.urls",
                $"ipwh serve would listen on {exposed}, beyond this machine, but no operator token is configured, so anyone on the network could start, pause or cancel loads",
                $"Set ${TokenVariable} (or server.operatorToken in ipwh.json) to a random token of at least {MinimumTokenLength} characters, or listen on {DefaultUrls} only");
        }
    }

    private static ConfigException Error(IpwhConfig config, string field, string problem, string fix) =>
        new($"{config.ConfigPath}: field '{field}': {problem}. {fix}.") { ConfigPath = config.ConfigPath, Field = field };
}
