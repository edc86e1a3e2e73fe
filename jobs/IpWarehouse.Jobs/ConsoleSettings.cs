using System.Text.Json;
using IpWarehouse.Etl;
using IpWarehouse.Etl.Configuration;

namespace IpWarehouse.Jobs;

/// <summary>
/// The web console's settings: the <c>console</c> section of ipwh.json, <c>{ "homeRegion": "620102" }</c>. With a
/// home region (a bureau's own county or city) the console opens on its profile (我县/我市) and highlights it in
/// every ranking and map. Read when <c>ipwh serve</c> starts: a wrong key or value stops it with the field named.
/// </summary>
public sealed record ConsoleSettings
{
    /// <summary>The home region's six-digit GB/T 2260 code, or null for none.</summary>
    public string? HomeRegion { get; init; }

    /// <summary>Reads and validates the section; defaults when it is absent.</summary>
    /// <exception cref="ConfigException">The section is not an object, has an unknown key, or a home region that is not a six-digit code.</exception>
    public static ConsoleSettings FromConfig(IpwhConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Section("console") is not { } section)
        {
            return new ConsoleSettings();
        }
        if (section.ValueKind != JsonValueKind.Object)
        {
            throw Error(config, "console", "is not an object", """Write it as "console": { "homeRegion": "620102" }""");
        }
        string? home = null;
        foreach (var property in section.EnumerateObject())
        {
            switch (property.Name)
            {
                case "homeRegion" when property.Value.ValueKind == JsonValueKind.Null:
                    break;
                case "homeRegion" when property.Value.ValueKind == JsonValueKind.String:
                    home = property.Value.GetString()!.Trim();
                    if (home.Length != 6 || !home.All(char.IsAsciiDigit))
                    {
                        throw Error(config, "console.homeRegion", $"'{home}' is not a six-digit GB/T 2260 region code",
                            "Give the code of your county or city as a string, e.g. \"620102\" (城关区) or \"620100\" (兰州市)");
                    }
                    break;
                default:
                    throw Error(config, "console." + property.Name, "is not a setting, or not a string" + ConfigKeys.DidYouMean(property.Name, ["homeRegion"]),
                        $"The console section knows \"homeRegion\" (a six-digit region code as a string)");
            }
        }
        return new ConsoleSettings { HomeRegion = string.IsNullOrEmpty(home) ? null : home };
    }

    private static ConfigException Error(IpwhConfig config, string field, string problem, string fix) =>
        new($"{config.ConfigPath}: field '{field}': {problem}. {fix}.") { ConfigPath = config.ConfigPath, Field = field };
}
