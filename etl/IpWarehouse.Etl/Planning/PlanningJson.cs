using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using IpWarehouse.Etl.Warehouse;

namespace IpWarehouse.Etl.Planning;

/// <summary>
/// The JSON of the planning questions (INDICATORS.md, machine-readable output): one array of objects
/// keyed by the rows' property names in snake_case, numbers unrounded, null for missing, dates yyyy-MM-dd,
/// statuses snake_case (<c>on_track</c>). The CLI prints it and the web server returns the same.
/// </summary>
public static class PlanningJson
{
    /// <summary>The serializer options: snake_case keys and enums, Chinese unescaped, indented.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Writes the rows as one JSON array and a newline.</summary>
    public static void Write<T>(IEnumerable<T> rows, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(output);
        output.Write(JsonSerializer.Serialize(rows.ToList(), Options));
        output.WriteLine();
    }

    /// <summary>
    /// Writes the rows as one JSON array and a newline, at most <paramref name="limit"/>'s rows and bytes (the writer and
    /// limits of <c>/api/sql</c>, <see cref="QueryOutput.WriteJsonArray"/>); says which limit cut it.
    /// </summary>
    public static ResultCut Write<T>(IEnumerable<T> rows, TextWriter output, OutputLimit limit) =>
        QueryOutput.WriteJsonArray(rows, (json, row) => JsonSerializer.Serialize(json, row, Options), output, limit);

    /// <summary>The rows as one JSON array.</summary>
    public static string Serialize<T>(IEnumerable<T> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return JsonSerializer.Serialize(rows.ToList(), Options);
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            WriteIndented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            NumberHandling = JsonNumberHandling.Strict,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
