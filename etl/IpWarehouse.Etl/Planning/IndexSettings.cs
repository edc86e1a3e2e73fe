using System.Globalization;
using System.Text.Json;
using IpWarehouse.Etl.Configuration;
using IpWarehouse.Etl.Indicators;

namespace IpWarehouse.Etl.Planning;

/// <summary>One indicator of an evaluation index: its weight in its dimension, normalisation and cap.</summary>
/// <param name="Code">A catalogue code.</param>
/// <param name="Weight">Weight within the dimension (the bureau's, from its provincial document).</param>
/// <param name="Normalise"><c>min_max</c>, <c>zscore</c>, <c>ratio_to_parent</c> or <c>ratio_to_target</c>.</param>
/// <param name="Cap">The highest normalised value counted, or null for none.</param>
public sealed record IndexIndicator(string Code, double Weight, string Normalise, double? Cap);

/// <summary>A dimension of an evaluation index (创造质量, 运用效益, 保护环境, 优质服务 …).</summary>
public sealed record IndexDimension(string Name, double Weight, IReadOnlyList<IndexIndicator> Indicators);

/// <summary>An evaluation index (综合评价指数) of <c>indexes</c> in ipwh.json (INDICATORS.md, Evaluation index).</summary>
/// <param name="Name">Its name, what <c>ipwh index --name</c> selects.</param>
/// <param name="Missing"><c>reweight</c> (a missing indicator's weight is left out) or <c>zero</c> (it scores 0).</param>
/// <param name="Dimensions">The dimensions, in the order given.</param>
public sealed record IndexDefinition(string Name, string Missing, IReadOnlyList<IndexDimension> Dimensions);

/// <summary>The <c>indexes</c> section of ipwh.json: the evaluation indexes a bureau scores its regions with.</summary>
public sealed record IndexSettings(IReadOnlyList<IndexDefinition> Indexes)
{
    private const string Section = "indexes";

    /// <summary>The normalisations an indicator can use.</summary>
    public static IReadOnlyList<string> Normalisations { get; } = ["min_max", "zscore", "ratio_to_parent", "ratio_to_target"];

    /// <summary>No indexes.</summary>
    public static IndexSettings None { get; } = new([]);

    /// <summary>The indexes of the configuration's <c>indexes</c> section.</summary>
    /// <exception cref="ConfigException">The section is malformed; the message names the field and the fix.</exception>
    public static IndexSettings FromConfig(IpwhConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Parse(config.Section(Section), config.ConfigPath);
    }

    /// <summary>Reads an <c>indexes</c> section (a JSON array; null or absent: none).</summary>
    /// <exception cref="ConfigException">The section is malformed; the message names the field and the fix.</exception>
    public static IndexSettings Parse(JsonElement? section, string? configPath = null)
    {
        if (section is not { } value || value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return None;
        }
        var file = configPath ?? "ipwh.json";
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Error(file, Section, "must be a list", "Write \"indexes\": [ { \"name\": …, \"missing\": \"reweight\", \"dimensions\": [ … ] } ] (INDICATORS.md)");
        }
        var indexes = new List<IndexDefinition>();
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            var field = $"{Section}[{i++}]";
            var name = Text(file, item, field, "name");
            var missing = Property(item, "missing") is { } m ? m.GetString() ?? "" : "reweight";
            if (missing is not ("reweight" or "zero"))
            {
                throw Error(file, field + ".missing", $"is \"{missing}\"", "Write \"reweight\" (skip a missing indicator and re-weight) or \"zero\" (score it 0)");
            }
            var dimensions = new List<IndexDimension>();
            var d = 0;
            foreach (var dimension in Array(file, item, field, "dimensions"))
            {
                var dimensionField = $"{field}.dimensions[{d++}]";
                var indicators = new List<IndexIndicator>();
                var n = 0;
                foreach (var indicator in Array(file, dimension, dimensionField, "indicators"))
                {
                    var indicatorField = $"{dimensionField}.indicators[{n++}]";
                    var code = Text(file, indicator, indicatorField, "code");
                    if (!IndicatorCatalog.TryGet(code, out _))
                    {
                        throw Error(file, indicatorField + ".code", $"\"{code}\" is not an indicator", $"Use a code of INDICATORS.md: {string.Join(", ", IndicatorCatalog.Codes)}");
                    }
                    var normalise = Text(file, indicator, indicatorField, "normalise");
                    if (!Normalisations.Contains(normalise))
                    {
                        throw Error(file, indicatorField + ".normalise", $"is \"{normalise}\"", $"Use one of {string.Join(", ", Normalisations)}");
                    }
                    indicators.Add(new IndexIndicator(code, Weight(file, indicator, indicatorField), normalise,
                        Property(indicator, "cap") is { ValueKind: JsonValueKind.Number } cap ? cap.GetDouble() : null));
                }
                dimensions.Add(new IndexDimension(Text(file, dimension, dimensionField, "name"), Weight(file, dimension, dimensionField), indicators));
            }
            indexes.Add(new IndexDefinition(name, missing, dimensions));
        }
        return new IndexSettings(indexes);
    }

    /// <summary>The index called <paramref name="name"/>.</summary>
    /// <exception cref="PlanningException">No index of that name; the message lists the names.</exception>
    public IndexDefinition Find(string? name)
    {
        var names = Indexes.Select(x => x.Name).ToList();
        if (names.Count == 0)
        {
            throw new PlanningException("ipwh.json 中没有配置评价指数（indexes）。请按 INDICATORS.md 的“Evaluation index”添加，权重取自本地的考核文件。")
            {
                Parameter = "name",
            };
        }
        return Indexes.FirstOrDefault(x => string.Equals(x.Name, name?.Trim(), StringComparison.Ordinal))
            ?? throw new PlanningException($"没有名为“{name}”的评价指数。已配置：{string.Join("、", names)}。")
            {
                Parameter = "name",
                Available = names,
            };
    }

    private static JsonElement? Property(JsonElement item, string name) =>
        item.ValueKind == JsonValueKind.Object && item.EnumerateObject().FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) is { Value.ValueKind: not JsonValueKind.Undefined } p
            ? p.Value
            : null;

    private static string Text(string file, JsonElement item, string field, string name) =>
        Property(item, name) is { ValueKind: JsonValueKind.String } value && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : throw Error(file, $"{field}.{name}", "is missing or not text", $"Write \"{name}\": \"…\"");

    private static JsonElement.ArrayEnumerator Array(string file, JsonElement item, string field, string name) =>
        Property(item, name) is { ValueKind: JsonValueKind.Array } value && value.GetArrayLength() > 0
            ? value.EnumerateArray()
            : throw Error(file, $"{field}.{name}", "is missing or empty", $"Write \"{name}\": [ … ] with at least one entry");

    private static double Weight(string file, JsonElement item, string field) =>
        Property(item, "weight") is { ValueKind: JsonValueKind.Number } value && value.GetDouble() is var w && w > 0 && double.IsFinite(w)
            ? w
            : throw Error(file, field + ".weight", "is missing or not a positive number", "Write \"weight\": 40 (the bureau's own weight)");

    private static ConfigException Error(string file, string field, string problem, string fix) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{file}: field '{field}': {problem}. {fix}."));
}
