using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using IpWarehouse.Etl.Configuration;

namespace IpWarehouse.Etl.Sandbox;

/// <summary>
/// How statisticians' queries run (<c>POST /api/sql</c>, <c>ipwh sql</c>): the <c>sql</c> section of ipwh.json. The
/// defaults suit a 2-core, 4 GB server: two worker processes of 1 GB each, eight queries waiting at most.
/// </summary>
public sealed partial record SandboxSettings
{
    /// <summary>After its time limit a worker has this long to stop by itself; then it is killed.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    /// <summary>Worker processes, which is queries running at once (<c>sql.workers</c>).</summary>
    public int Workers { get; init; } = 2;

    /// <summary>Queries waiting for a worker beyond those running; more are refused with 429 (<c>sql.queue</c>).</summary>
    public int Queue { get; init; } = 8;

    /// <summary>DuckDB's <c>memory_limit</c> in each worker (<c>sql.memoryLimit</c>); a worker whose memory passes it by half is killed.</summary>
    public string MemoryLimit { get; init; } = "1GB";

    /// <summary>DuckDB's <c>max_temp_directory_size</c> in each worker (<c>sql.tempLimit</c>).</summary>
    public string TempLimit { get; init; } = "2GB";

    /// <summary>DuckDB's <c>threads</c> in each worker (<c>sql.threads</c>).</summary>
    public int Threads { get; init; } = 1;

    /// <summary>A query's time limit (<c>sql.timeLimitSeconds</c>); the worker is killed <see cref="Grace"/> after it.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>What the console's page shows at most (<c>sql.rowLimit</c>, <c>sql.byteLimitMB</c>).</summary>
    public OutputLimitSetting Page { get; init; } = new(10_000, 16);

    /// <summary>What a CSV or Parquet download carries at most (<c>sql.downloadRowLimit</c>, <c>sql.downloadByteLimitMB</c>).</summary>
    public OutputLimitSetting Download { get; init; } = new(1_000_000, 256);

    /// <summary>A worker's memory above which it is killed: <see cref="MemoryLimit"/> and half as much again.</summary>
    public long KillAboveBytes => Bytes(MemoryLimit) * 3 / 2;

    /// <summary>Reads and checks the <c>sql</c> section; absent keys keep their defaults.</summary>
    /// <exception cref="ConfigException">A key is unknown, of the wrong type, or out of range.</exception>
    public static SandboxSettings FromConfig(IpwhConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var settings = new SandboxSettings();
        if (config.Section("sql") is not { } section)
        {
            return settings;
        }
        if (section.ValueKind != JsonValueKind.Object)
        {
            throw Error(config, "sql", "is not an object", "Write e.g. \"sql\": { \"workers\": 2, \"memoryLimit\": \"1GB\" }");
        }
        foreach (var property in section.EnumerateObject())
        {
            var value = property.Value;
            settings = property.Name switch
            {
                "workers" => settings with { Workers = Count(config, property, 1, 64) },
                "queue" => settings with { Queue = Count(config, property, 0, 1000) },
                "threads" => settings with { Threads = Count(config, property, 1, 256) },
                "timeLimitSeconds" => settings with { TimeLimit = TimeSpan.FromSeconds(Count(config, property, 1, 3600)) },
                "rowLimit" => settings with { Page = settings.Page with { Rows = Count(config, property, 1, 100_000_000) } },
                "byteLimitMB" => settings with { Page = settings.Page with { MegaBytes = Count(config, property, 1, 1_000_000) } },
                "downloadRowLimit" => settings with { Download = settings.Download with { Rows = Count(config, property, 1, 100_000_000) } },
                "downloadByteLimitMB" => settings with { Download = settings.Download with { MegaBytes = Count(config, property, 1, 1_000_000) } },
                "memoryLimit" => settings with { MemoryLimit = Size(config, property) },
                "tempLimit" => settings with { TempLimit = Size(config, property) },
                _ => throw Error(config, "sql." + property.Name, "is not a setting",
                    "The sql section knows workers, queue, memoryLimit, tempLimit, threads, timeLimitSeconds, rowLimit, byteLimitMB, downloadRowLimit and downloadByteLimitMB"),
            };
        }
        return settings;
    }

    /// <summary>The bytes of a DuckDB size such as <c>1GB</c>, <c>512MB</c> or <c>1.5GB</c> (powers of 1000, as DuckDB reads them).</summary>
    public static long Bytes(string size)
    {
        var match = SizePattern().Match(size ?? "");
        if (!match.Success)
        {
            throw new FormatException($"'{size}' is not a size like 512MB or 1.5GB.");
        }
        var unit = match.Groups[2].Value.ToUpperInvariant() switch { "KB" => 1e3, "MB" => 1e6, "GB" => 1e9, _ => 1e12 };
        return (long)(double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) * unit);
    }

    private static int Count(IpwhConfig config, JsonProperty property, int min, int max) =>
        property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetInt32(out var n) && n >= min && n <= max
            ? n
            : throw Error(config, "sql." + property.Name, $"is {property.Value.GetRawText()}, not a whole number from {min} to {max}", $"Write e.g. \"{property.Name}\": {Math.Max(min, 2)}");

    private static string Size(IpwhConfig config, JsonProperty property) =>
        property.Value.ValueKind == JsonValueKind.String && SizePattern().IsMatch(property.Value.GetString()!) && Bytes(property.Value.GetString()!) >= 100_000_000
            ? property.Value.GetString()!
            : throw Error(config, "sql." + property.Name, $"is {property.Value.GetRawText()}, not a size of at least 100MB", $"Write e.g. \"{property.Name}\": \"1GB\" (KB, MB, GB or TB)");

    private static ConfigException Error(IpwhConfig config, string field, string problem, string fix) =>
        new($"{config.ConfigPath}: field '{field}': {problem}. {fix}.") { ConfigPath = config.ConfigPath, Field = field };

    [GeneratedRegex(@"^\s*(\d+(?:\.\d+)?)\s*(KB|MB|GB|TB)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SizePattern();
}

/// <summary>An answer's row and byte limits as the configuration writes them.</summary>
/// <param name="Rows">At most this many rows.</param>
/// <param name="MegaBytes">At most this many megabytes (10^6 bytes).</param>
public sealed record OutputLimitSetting(int Rows, int MegaBytes)
{
    /// <summary>The limit for the writers.</summary>
    public Warehouse.OutputLimit Limit => new(Rows, MegaBytes * 1_000_000L);
}
