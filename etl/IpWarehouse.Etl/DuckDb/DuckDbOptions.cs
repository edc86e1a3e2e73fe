using System.Globalization;
using DuckDB.NET.Data;

namespace IpWarehouse.Etl.DuckDb;

/// <summary>
/// The DuckDB settings a database file is opened with. DuckDB applies them when it opens the file, and
/// DuckDB.NET shares one open database per path in a process, so a path has one set of options at a time:
/// <see cref="DuckDbFactory"/> refuses a second set instead of letting it be silently ignored.
/// </summary>
public sealed record DuckDbOptions
{
    /// <summary>Read-write with DuckDB's defaults: the loader's databases.</summary>
    public static DuckDbOptions ReadWrite { get; } = new();

    /// <summary>Read-only, no file access from SQL, configuration locked: what readers of a published warehouse get.</summary>
    public static DuckDbOptions ReadOnlyQueries { get; } = new() { ReadOnly = true, ExternalAccess = false, LockConfiguration = true };

    /// <summary>A file attached to another database (<see cref="DuckDbFactory.Attach"/>): never shared with a second connection.</summary>
    internal static DuckDbOptions Attached { get; } = new() { IsAttachment = true };

    /// <summary>True for <see cref="Attached"/>.</summary>
    internal bool IsAttachment { get; private init; }

    /// <summary><c>ACCESS_MODE=READ_ONLY</c>: nothing can be written, and other processes may read the file at the same time.</summary>
    public bool ReadOnly { get; init; }

    /// <summary><c>enable_external_access</c>: when false, SQL cannot read or write files, attach databases or load extensions.</summary>
    public bool ExternalAccess { get; init; } = true;

    /// <summary><c>lock_configuration</c>: when true, no <c>SET</c> can change the options afterwards.</summary>
    public bool LockConfiguration { get; init; }

    /// <summary><c>memory_limit</c>, e.g. <c>2.5GB</c>; DuckDB's default (80 % of the machine) when null.</summary>
    public string? MemoryLimit { get; init; }

    /// <summary><c>temp_directory</c>: where DuckDB spills beyond <see cref="MemoryLimit"/>.</summary>
    public string? TempDirectory { get; init; }

    /// <summary><c>max_temp_directory_size</c>, e.g. <c>2GB</c>: how much DuckDB may spill to <see cref="TempDirectory"/>.</summary>
    public string? MaxTempDirectorySize { get; init; }

    /// <summary><c>threads</c>; DuckDB's default (the machine's cores) when null.</summary>
    public int? Threads { get; init; }

    /// <summary>The options as DuckDB configuration keys, in a fixed order: the limits before external access is turned off and the configuration locked.</summary>
    public IEnumerable<KeyValuePair<string, string>> Settings()
    {
        if (ReadOnly)
        {
            yield return new("access_mode", "READ_ONLY");
        }
        if (MemoryLimit is not null)
        {
            yield return new("memory_limit", MemoryLimit);
        }
        if (TempDirectory is not null)
        {
            yield return new("temp_directory", TempDirectory);
        }
        if (MaxTempDirectorySize is not null)
        {
            yield return new("max_temp_directory_size", MaxTempDirectorySize);
        }
        if (Threads is { } threads)
        {
            yield return new("threads", threads.ToString(CultureInfo.InvariantCulture));
        }
        if (!ExternalAccess)
        {
            yield return new("enable_external_access", "false");
        }
        if (LockConfiguration)
        {
            yield return new("lock_configuration", "true");
        }
    }

    /// <summary>The options as a person reads them, e.g. <c>access_mode=READ_ONLY, enable_external_access=false</c>.</summary>
    public override string ToString()
    {
        if (IsAttachment)
        {
            return "attached to another database with ATTACH";
        }
        var text = string.Join(", ", Settings().Select(s => $"{s.Key}={s.Value}"));
        return text.Length == 0 ? "read-write, DuckDB's defaults" : text;
    }

    internal string ConnectionString(string dataSource)
    {
        var builder = new DuckDBConnectionStringBuilder { DataSource = dataSource };
        foreach (var (key, value) in Settings())
        {
            builder[key] = value;
        }
        return builder.ConnectionString;
    }
}
