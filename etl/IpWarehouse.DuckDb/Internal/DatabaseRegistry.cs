using System.Globalization;

namespace IpWarehouse.DuckDb.Internal;

/// One native database per file per process, shared and reference-counted by the connections that
/// open it: DuckDB locks a file per database instance, so two instances of one file in one process
/// would lock each other out. `:memory:` is private to its connection and never shared.
///
/// A read-only instance is shared only while the file at the path is still the file it opened: the
/// loader publishes by renaming a new file over the old one, and a long-running reader (the web server)
/// must see the new publish on its next connection even while older connections still read the old file.
internal static unsafe class DatabaseRegistry
{
    private static readonly Dictionary<string, SharedDatabase> Open = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();

    internal static SharedDatabase Acquire(string dataSource, IReadOnlyList<KeyValuePair<string, string>> options)
    {
        if (dataSource == DuckDBConnectionStringBuilder.InMemory)
        {
            return SharedDatabase.OpenNew(dataSource, null, options);
        }

        var path = Path.GetFullPath(dataSource);
        var signature = Signature(options);
        var generation = path + "|" + FileGeneration(path);
        var key = IsReadOnly(options) ? generation : path;
        lock (Gate)
        {
            // Read-write and read-only instances of the same file would lock each other out.
            var other = key == path ? generation : path;
            if (Open.TryGetValue(key, out var existing) || Open.TryGetValue(other, out existing))
            {
                if (existing.OptionsSignature != signature)
                {
                    throw new DuckDBException(
                        $"The database '{path}' is already open in this process with other options ({existing.OptionsSignature}); " +
                        $"a second connection asked for ({signature}). DuckDB shares one instance per file in a process: open it with the same options.",
                        DuckDBErrorType.Connection);
                }
                existing.References++;
                return existing;
            }
            var database = SharedDatabase.OpenNew(path, key, options);
            database.OptionsSignature = signature;
            Open.Add(key, database);
            return database;
        }
    }

    internal static void Release(SharedDatabase database)
    {
        if (database.RegistryKey is null)
        {
            database.CloseNative();
            return;
        }
        lock (Gate)
        {
            if (--database.References > 0)
            {
                return;
            }
            Open.Remove(database.RegistryKey);
        }
        database.CloseNative();
    }

    private static bool IsReadOnly(IReadOnlyList<KeyValuePair<string, string>> options) =>
        options.Any(o => o.Key.Equals("access_mode", StringComparison.OrdinalIgnoreCase) &&
                         o.Value.Equals("READ_ONLY", StringComparison.OrdinalIgnoreCase));

    // A rename puts a different file at the path: its change time and size tell the two apart without
    // reading it. A missing file gets its own key and fails to open as DuckDB reports it.
    private static string FileGeneration(string path)
    {
        var info = new FileInfo(path);
        return info.Exists
            ? string.Create(CultureInfo.InvariantCulture, $"{info.LastWriteTimeUtc.Ticks}:{info.CreationTimeUtc.Ticks}:{info.Length}")
            : "missing";
    }

    private static string Signature(IReadOnlyList<KeyValuePair<string, string>> options) =>
        string.Join(";", options.Select(o => o.Key.ToLowerInvariant() + "=" + o.Value));
}

internal sealed unsafe class SharedDatabase
{
    private nint handle;

    private SharedDatabase(nint handle, string? registryKey)
    {
        this.handle = handle;
        RegistryKey = registryKey;
    }

    internal nint Handle => handle;

    internal string? RegistryKey { get; }

    internal int References { get; set; } = 1;

    internal string OptionsSignature { get; set; } = string.Empty;

    internal static SharedDatabase OpenNew(string path, string? registryKey, IReadOnlyList<KeyValuePair<string, string>> options)
    {
        NativeLibraryLoader.EnsureRegistered();
        if (NativeMethods.CreateConfig(out var config) != NativeMethods.DuckDBSuccess)
        {
            throw new DuckDBException("DuckDB could not create a configuration object.", DuckDBErrorType.Connection);
        }
        try
        {
            foreach (var (key, value) in options)
            {
                using var name = Utf8.Pin(key);
                using var option = Utf8.Pin(value);
                if (NativeMethods.SetConfig(config, name.Pointer, option.Pointer) != NativeMethods.DuckDBSuccess)
                {
                    throw new DuckDBException(
                        $"Connection string key '{key}' (value '{value}') is not a DuckDB configuration option or its value is invalid. " +
                        "Use DataSource=<file> and DuckDB option names such as ACCESS_MODE, threads, memory_limit, enable_external_access.",
                        DuckDBErrorType.Settings);
                }
            }

            using var file = Utf8.Pin(path);
            var state = NativeMethods.OpenExt(file.Pointer, out var database, config, out var error);
            if (state != NativeMethods.DuckDBSuccess)
            {
                var message = Utf8.FromNativeAndFree(error) ?? "unknown error";
                var locked = message.Contains("lock", StringComparison.OrdinalIgnoreCase) &&
                             message.Contains("conflicting", StringComparison.OrdinalIgnoreCase);
                if (locked)
                {
                    throw new DuckDBException(
                        $"The warehouse is locked by another process: '{path}' is open for writing elsewhere. " +
                        $"Wait for that process (a load, or another 'ipwh' command) to finish, or open a published copy read-only. DuckDB said: {message}",
                        DuckDBErrorType.IO)
                    { IsLocked = true };
                }
                const string Unrecognized = "The following options were not recognized: ";
                var unknown = message.IndexOf(Unrecognized, StringComparison.Ordinal);
                if (unknown >= 0)
                {
                    var keys = message[(unknown + Unrecognized.Length)..].Trim();
                    throw new DuckDBException(
                        $"Connection string key '{keys}' is not a DuckDB configuration option. " +
                        "Use DataSource=<file> and DuckDB option names such as ACCESS_MODE, threads, memory_limit, enable_external_access.",
                        DuckDBErrorType.Settings);
                }
                throw new DuckDBException($"DuckDB could not open '{path}': {message}", DuckDBErrorType.IO);
            }
            return new SharedDatabase(database, registryKey);
        }
        finally
        {
            NativeMethods.DestroyConfig(ref config);
        }
    }

    internal void CloseNative()
    {
        if (handle != 0)
        {
            NativeMethods.Close(ref handle);
        }
    }
}
