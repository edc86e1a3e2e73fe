using System.Globalization;
using System.Text.Json;

namespace IpWarehouse.Etl.Indicators.Internal;

/// Reads the indicators section of ipwh.json into IndicatorSettings, failing on the first problem with
/// the field named: an unknown or repeated key, a wrong type, a value out of range. Keys compare
/// case-insensitively, as the rest of ipwh.json does, so that "TrademarkYear" is not mistaken for a typo.
internal sealed class SettingsReader(string? configPath)
{
    public IndicatorSettings Read(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw Error(SettingsJson.Section, "is not JSON: " + e.Message, "Give the settings as one JSON object", e);
        }
        using (document)
        {
            return Read(document.RootElement);
        }
    }

    public IndicatorSettings Read(JsonElement? section)
    {
        if (section is not { } value || value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return IndicatorSettings.Default;
        }
        var settings = IndicatorSettings.Default;
        foreach (var (key, item) in Members(value, SettingsJson.Section, SettingsJson.TopKeys))
        {
            var field = SettingsJson.Section + "." + key;
            settings = key switch
            {
                SettingsJson.Attribution => settings with
                {
                    Attribution = Choice(item, field, [(SettingsJson.Name(IndicatorAttribution.FirstApplicant), IndicatorAttribution.FirstApplicant)]),
                },
                SettingsJson.PatentTerm => ReadPatentTerm(settings, item, field),
                SettingsJson.HighValueMaintainedYears => settings with { HighValueMaintainedYears = Integer(item, field, 1, 100) },
                SettingsJson.TrademarkYear => settings with
                {
                    TrademarkYear = Choice(item, field,
                    [
                        (SettingsJson.Name(TrademarkYearMode.Cnipa), TrademarkYearMode.Cnipa),
                        (SettingsJson.Name(TrademarkYearMode.Calendar), TrademarkYearMode.Calendar),
                    ]),
                },
                SettingsJson.PopulationType => settings with
                {
                    PopulationType = Choice(item, field,
                    [
                        (SettingsJson.Name(PopulationType.Resident), PopulationType.Resident),
                        (SettingsJson.Name(PopulationType.Registered), PopulationType.Registered),
                    ]),
                },
                SettingsJson.CaseOnTime => ReadCaseOnTime(settings, item, field),
                SettingsJson.ExcludeAbnormal => settings with { ExcludeAbnormal = Boolean(item, field) },
                _ => throw new InvalidOperationException("unreachable: Members checks the keys"),
            };
        }
        return settings;
    }

    private IndicatorSettings ReadPatentTerm(IndicatorSettings settings, JsonElement value, string field)
    {
        foreach (var (key, item) in Members(value, field, SettingsJson.PatentTermKeys))
        {
            var name = field + "." + key;
            settings = key switch
            {
                SettingsJson.InventionYears => settings with { InventionTermYears = Integer(item, name, 1, 100) },
                SettingsJson.UtilityModelYears => settings with { UtilityModelTermYears = Integer(item, name, 1, 100) },
                SettingsJson.DesignYears => settings with { DesignTermYears = Integer(item, name, 1, 100) },
                SettingsJson.DesignExtendedYears => settings with { DesignExtendedTermYears = Integer(item, name, 1, 100) },
                SettingsJson.DesignExtendedFrom => settings with { DesignExtendedFrom = Date(item, name) },
                _ => throw new InvalidOperationException("unreachable: Members checks the keys"),
            };
        }
        return settings;
    }

    private IndicatorSettings ReadCaseOnTime(IndicatorSettings settings, JsonElement value, string field)
    {
        foreach (var (key, item) in Members(value, field, SettingsJson.CaseOnTimeKeys))
        {
            var name = field + "." + key;
            settings = key switch
            {
                SettingsJson.LimitDays => settings with { OnTimeLimitDays = Integer(item, name, 1, 3650) },
                SettingsJson.PatentDisputeMonths => settings with { PatentDisputeMonths = Integer(item, name, 1, 120) },
                _ => throw new InvalidOperationException("unreachable: Members checks the keys"),
            };
        }
        return settings;
    }

    /// The members of an object, each key replaced by its canonical spelling; unknown and repeated keys fail.
    private List<(string Key, JsonElement Value)> Members(JsonElement value, string field, string[] known)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Error(field, $"must be an object, not {Kind(value)}", $"Write \"{Last(field)}\": {{ … }} with the keys {string.Join(", ", known)}");
        }
        var members = new List<(string, JsonElement)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            var key = known.FirstOrDefault(k => k.Equals(property.Name, StringComparison.OrdinalIgnoreCase))
                ?? throw Error(field + "." + property.Name, "is not an indicator setting" + Configuration.ConfigKeys.DidYouMean(property.Name, known),
                    $"The keys of {field} are {string.Join(", ", known)} (INDICATORS.md, Counting rules); remove it or correct its spelling");
            if (!seen.Add(key))
            {
                throw Error(field + "." + key, "is given twice", "Keep one of them");
            }
            members.Add((key, property.Value));
        }
        return members;
    }

    private bool Boolean(JsonElement value, string field) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Error(field, $"must be true or false, not {Describe(value)}", "Write true or false without quotes"),
    };

    private int Integer(JsonElement value, string field, int min, int max)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            throw Error(field, $"must be a whole number, not {Describe(value)}", $"Write a number from {min} to {max} without quotes");
        }
        if (number < min || number > max)
        {
            throw Error(field, $"is {number}, outside {min} .. {max}", $"Write a number from {min} to {max}");
        }
        return number;
    }

    private DateOnly Date(JsonElement value, string field)
    {
        if (value.ValueKind != JsonValueKind.String
            || !DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw Error(field, $"must be a date written yyyy-MM-dd, not {Describe(value)}", "Write it like \"2021-06-01\"");
        }
        return date;
    }

    private T Choice<T>(JsonElement value, string field, (string Name, T Value)[] choices)
    {
        var names = string.Join(", ", choices.Select(c => "\"" + c.Name + "\""));
        if (value.ValueKind != JsonValueKind.String)
        {
            throw Error(field, $"must be a string, not {Describe(value)}", $"Write one of {names}");
        }
        var text = value.GetString();
        foreach (var (name, choice) in choices)
        {
            if (name.Equals(text, StringComparison.OrdinalIgnoreCase))
            {
                return choice;
            }
        }
        throw Error(field, $"is \"{text}\", which is not a choice", $"Write one of {names}");
    }

    private static string Kind(JsonElement value) => value.ValueKind.ToString().ToLowerInvariant();

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.Object or JsonValueKind.Array => "an " + Kind(value),
        _ => value.GetRawText(),
    };

    private static string Last(string field) => field[(field.LastIndexOf('.') + 1)..];

    private ConfigException Error(string field, string problem, string fix, Exception? cause = null)
    {
        var file = configPath ?? "ipwh.json";
        return new ConfigException($"{file}: field '{field}': {problem}. {fix}.", cause)
        {
            ConfigPath = configPath,
            Field = field,
        };
    }
}
