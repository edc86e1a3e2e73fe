using System.Text.Json;

namespace IpWarehouse.Etl.Configuration;

/// <summary>
/// ipwh.json, loaded and validated by <see cref="ConfigLoader"/>: every path absolute, every
/// <c>${VAR}</c> expanded. Sections this version does not know (<c>scheduler</c>, <c>server</c>,
/// <c>indicators</c>, …) are kept in <see cref="Sections"/> for the parts that read them.
/// </summary>
public sealed class IpwhConfig
{
    /// <summary>The absolute path of the configuration file.</summary>
    public required string ConfigPath { get; init; }

    /// <summary>The folder relative paths were resolved against.</summary>
    public string ConfigDirectory => Path.GetDirectoryName(ConfigPath)!;

    /// <summary>The absolute folder holding the DuckDB files, snapshots and quarantine exports.</summary>
    public required string Warehouse { get; init; }

    /// <summary>The IANA time-zone id (default <c>Asia/Shanghai</c>) schedules and "as of" dates use.</summary>
    public required string TimeZoneId { get; init; }

    /// <summary>The resolved <see cref="TimeZoneId"/>.</summary>
    public required TimeZoneInfo TimeZone { get; init; }

    /// <summary>The sources, in file order.</summary>
    public required IReadOnlyList<SourceDefinition> Sources { get; init; }

    /// <summary>The schedule section; <see cref="ScheduleConfig.Nightly"/> is null when absent.</summary>
    public ScheduleConfig Schedule { get; init; } = new(null);

    /// <summary>Top-level sections other than warehouse, timeZone, sources and schedule, with <c>${VAR}</c> expanded.</summary>
    public IReadOnlyDictionary<string, JsonElement> Sections { get; init; } = new Dictionary<string, JsonElement>();

    /// <summary>The warehouse's scratch folder (transcoded CSV files and the like).</summary>
    public string TempFolder => Path.Combine(Warehouse, "tmp");

    /// <summary>The source called <paramref name="name"/>, or null.</summary>
    public SourceDefinition? FindSource(string name) => Sources.FirstOrDefault(s => s.Name == name);

    /// <summary>A top-level section this version does not interpret, or null when absent.</summary>
    public JsonElement? Section(string name) => Sections.TryGetValue(name, out var value) ? value : null;
}
