using DuckDB.NET.Data;

namespace IpWarehouse.Etl.DuckDb.Internal;

/// The files this process has open, with the options they were opened with and how many connections hold
/// them. It mirrors DuckDB.NET's own cache of native databases (one per path string while any connection is
/// open, compared without case), so that a second set of options is refused here instead of ignored there.
internal static class OpenDatabases
{
    private static readonly Dictionary<string, Entry> Open = new(StringComparer.OrdinalIgnoreCase);
    private static readonly Lock Gate = new();

    internal static void Acquire(string path, DuckDbOptions options)
    {
        lock (Gate)
        {
            if (!Open.TryGetValue(path, out var entry))
            {
                Open.Add(path, new Entry(path, options));
                return;
            }
            if (!string.Equals(entry.Path, path, StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    $"'{path}' cannot be opened while '{entry.Path}' is open in this process: DuckDB.NET takes names that differ only " +
                    "in case for one database. Rename one of the files.");
            }
            if (entry.Options != options || options.IsAttachment)
            {
                throw new InvalidOperationException(
                    $"The DuckDB database '{path}' is already open in this process with other options ({entry.Options}); " +
                    $"this connection asked for ({options}). DuckDB.NET would silently keep the first options, so the second " +
                    "connection is refused: open the file with the same options, or close the other connections first.");
            }
            entry.Connections++;
        }
    }

    internal static void Release(string path)
    {
        lock (Gate)
        {
            if (Open.TryGetValue(path, out var entry) && --entry.Connections == 0)
            {
                Open.Remove(path);
            }
        }
    }

    internal static bool IsOpen(string path)
    {
        lock (Gate)
        {
            return Open.ContainsKey(path);
        }
    }

    /// Held here, or by another process (a write open fails on its lock): kept. Else deleted, under the gate so
    /// that no connection of this process opens it in between.
    internal static bool DeleteUnlessHeld(string path)
    {
        lock (Gate)
        {
            if (Open.ContainsKey(path))
            {
                return false;
            }
            if (File.Exists(path))
            {
                try
                {
                    using var probe = new DuckDBConnection(DuckDbOptions.ReadWrite.ConnectionString(path));
                    probe.Open();
                }
                catch (DuckDBException e) when (DuckDbErrors.IsLockConflict(e.Message))
                {
                    return false;
                }
            }
            File.Delete(path);
            File.Delete(path + ".wal");
            return true;
        }
    }

    private sealed class Entry(string path, DuckDbOptions options)
    {
        public string Path { get; } = path;

        public DuckDbOptions Options { get; } = options;

        public int Connections { get; set; } = 1;
    }
}
