using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IpWarehouse.Etl.Layouts;

namespace IpWarehouse.Etl.Configuration.Internal;

/// Walks the parsed ipwh.json, expanding ${VAR} and resolving paths, and fails on the first problem
/// with the source and the field named. Known keys compare case-insensitively so that "TimeZone" is
/// not silently kept as an unknown section.
internal sealed partial class ConfigReader(string configPath, Func<string, string?> environment, bool checkFiles)
{
    private const string DefaultTimeZone = "Asia/Shanghai";
    private const string DefaultWarehouse = "warehouse";

    private string Folder => Path.GetDirectoryName(configPath)!;

    public IpwhConfig Read(JsonNode? root)
    {
        if (root is not JsonObject top)
        {
            throw Error(null, "(root)", "the file must hold one JSON object", "Wrap the settings in { … } as in SOURCES.md");
        }
        var warehouse = DefaultWarehouse;
        var timeZoneId = DefaultTimeZone;
        IReadOnlyList<SourceDefinition> sources = [];
        var schedule = new ScheduleConfig(null);
        var sections = new Dictionary<string, JsonElement>(StringComparer.Ordinal);

        foreach (var (key, value) in top)
        {
            switch (key.ToUpperInvariant())
            {
                case "WAREHOUSE":
                    warehouse = String(value, null, "warehouse", required: true)!;
                    break;
                case "TIMEZONE":
                    timeZoneId = String(value, null, "timeZone", required: true)!;
                    break;
                case "SOURCES":
                    sources = ReadSources(value);
                    break;
                case "SCHEDULE":
                    schedule = ReadSchedule(value);
                    break;
                default:
                    sections[key] = ToElement(ExpandTree(value?.DeepClone(), key));
                    break;
            }
        }

        return new IpwhConfig
        {
            ConfigPath = configPath,
            Warehouse = Path.GetFullPath(warehouse, Folder),
            TimeZoneId = timeZoneId,
            TimeZone = FindTimeZone(timeZoneId),
            Sources = sources,
            Schedule = schedule,
            Sections = sections,
        };
    }

    private TimeZoneInfo FindTimeZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw Error(null, "timeZone", $"'{id}' is not a time zone known to this machine",
                $"Use an IANA id such as {DefaultTimeZone} (the default when timeZone is left out)", e);
        }
    }

    private ScheduleConfig ReadSchedule(JsonNode? value)
    {
        if (value is null)
        {
            return new ScheduleConfig(null);
        }
        if (value is not JsonObject schedule)
        {
            throw Error(null, "schedule", "must be an object", "Write \"schedule\": { \"nightly\": \"0 30 1 * * ?\" }");
        }
        string? nightly = null;
        foreach (var (key, item) in schedule)
        {
            if (!key.Equals("nightly", StringComparison.OrdinalIgnoreCase))
            {
                throw Error(null, "schedule." + key, "is not a schedule setting", "The schedule section knows only \"nightly\" (a cron expression)");
            }
            nightly = String(item, null, "schedule.nightly", required: false);
        }
        return new ScheduleConfig(nightly);
    }

    /// Reads a string field (expanded); null when absent and not required.
    private string? String(JsonNode? value, string? source, string field, bool required)
    {
        if (value is null)
        {
            if (required)
            {
                throw Error(source, field, "is missing or null", $"Give {field} a value");
            }
            return null;
        }
        if (value is not JsonValue scalar || !scalar.TryGetValue<string>(out var text))
        {
            throw Error(source, field, $"must be a string, not {value.GetValueKind()}", $"Write {field} in double quotes");
        }
        text = Expand(text, source, field);
        if (required && string.IsNullOrWhiteSpace(text))
        {
            throw Error(source, field, "is empty", $"Give {field} a value");
        }
        return text;
    }

    [GeneratedRegex(@"\$\$\{|\$\{([^}]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Variable();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex VariableName();

    /// ${NAME} becomes the environment variable's value; $${ stands for a literal ${.
    private string Expand(string text, string? source, string field)
    {
        if (!text.Contains("${", StringComparison.Ordinal))
        {
            return text;
        }
        return Variable().Replace(text, match =>
        {
            if (match.Value == "$${")
            {
                return "${";
            }
            var name = match.Groups[1].Value;
            if (!VariableName().IsMatch(name))
            {
                throw Error(source, field, $"'${{{name}}}' is not a valid environment variable reference",
                    "Write ${NAME} with letters, digits and underscores, or $${ for a literal ${");
            }
            return environment(name) ?? throw Error(source, field, $"the environment variable {name} (used as ${{{name}}}) is not set",
                $"Set {name} in the environment of the process (service unit, CI secret), or write the value into ipwh.json");
        });
    }

    private JsonNode? ExpandTree(JsonNode? node, string field)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToArray())
                {
                    obj[key] = ExpandTree(obj[key], field + "." + key);
                }
                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    array[i] = ExpandTree(array[i], $"{field}[{i}]");
                }
                return array;
            case JsonValue value when value.TryGetValue<string>(out var text):
                return JsonValue.Create(Expand(text, null, field));
            default:
                return node;
        }
    }

    private static JsonElement ToElement(JsonNode? node)
    {
        using var document = JsonDocument.Parse(node?.ToJsonString() ?? "null");
        return document.RootElement.Clone();
    }

    private ConfigException Error(string? source, string field, string problem, string fix, Exception? cause = null)
    {
        var where = source is null ? $"field '{field}'" : $"source '{source}', field '{field}'";
        return new ConfigException($"{configPath}: {where}: {problem}. {fix}.", cause)
        {
            ConfigPath = configPath,
            SourceName = source,
            Field = field,
        };
    }

    private static string KindList => string.Join(", ", LayoutCatalog.KindNames);
}
