using System.Text.Json;
using IpWarehouse.Etl.Configuration;

namespace IpWarehouse.Etl.Planning;

/// <summary>
/// The <c>targets</c> section of ipwh.json: <c>"targets": { "preferOfficial": true }</c> makes target tracking judge
/// a region on the official figure (fact_official_figure) where one covers exactly the period judged, instead of the
/// value computed here; every target row says which it used (<c>value_source</c>). Default: computed values only.
/// </summary>
public sealed record TargetSettings
{
    private const string Section = "targets";
    private const string PreferOfficialKey = "preferOfficial";

    /// <summary>Computed values only.</summary>
    public static TargetSettings Default { get; } = new();

    /// <summary>Judge on an official figure of the same region, indicator and period where there is one.</summary>
    public bool PreferOfficial { get; init; }

    /// <summary>The settings of a loaded configuration.</summary>
    /// <exception cref="ConfigException">The section is not an object, has an unknown key or a value that is not true/false.</exception>
    public static TargetSettings FromConfig(IpwhConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Parse(config.Section(Section), config.ConfigPath);
    }

    /// <summary>Reads the section (null or absent: <see cref="Default"/>).</summary>
    /// <exception cref="ConfigException">The section is not an object, has an unknown key or a value that is not true/false.</exception>
    public static TargetSettings Parse(JsonElement? section, string? configPath = null)
    {
        if (section is not { } value || value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return Default;
        }
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Error(configPath, Section, "must be an object", "Write \"targets\": { \"preferOfficial\": true }");
        }
        var settings = Default;
        foreach (var property in value.EnumerateObject())
        {
            var field = Section + "." + property.Name;
            if (!property.Name.Equals(PreferOfficialKey, StringComparison.OrdinalIgnoreCase))
            {
                throw Error(configPath, field, "is not a targets setting" + ConfigKeys.DidYouMean(property.Name, [PreferOfficialKey]), $"The targets section knows only \"{PreferOfficialKey}\" (true or false)");
            }
            if (property.Value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                throw Error(configPath, field, $"must be true or false, not {property.Value.ValueKind}", $"Write \"{PreferOfficialKey}\": true");
            }
            settings = settings with { PreferOfficial = property.Value.GetBoolean() };
        }
        return settings;
    }

    private static ConfigException Error(string? configPath, string field, string problem, string fix) =>
        new($"{configPath ?? "ipwh.json"}: field '{field}': {problem}. {fix}.")
        {
            ConfigPath = configPath,
            Field = field,
        };
}
