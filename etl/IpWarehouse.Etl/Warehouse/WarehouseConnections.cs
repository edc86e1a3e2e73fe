using DuckDB.NET.Data;
using IpWarehouse.Etl.DuckDb;
using IpWarehouse.Etl.Loading;

namespace IpWarehouse.Etl.Warehouse;

/// <summary>How readers open a warehouse: the current published version, read-only, with no file access from SQL.</summary>
public static class WarehouseConnections
{
    // A version named by published.json can vanish between reading the marker and opening the file (a publish
    // made it old and removed it), or be locked for a moment (the removal's check): read the marker again.
    private const int Attempts = 5;
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Opens the current published version (the one <c>published.json</c> names) read-only, with
    /// <c>enable_external_access=false</c> (no reading or writing files from SQL) and the configuration locked
    /// (no <c>SET</c> can undo that). Each call opens the version current at that moment by its own path, so a
    /// long-running reader sees every new publish; connections already open keep reading their version.
    /// </summary>
    public static DuckDBConnection OpenPublished(WarehousePaths paths) => OpenPublished(paths, out _);

    /// <summary>As <see cref="OpenPublished(WarehousePaths)"/>, saying which publish was opened (null for a warehouse without <c>published.json</c>).</summary>
    /// <exception cref="LoadException">Nothing is published yet.</exception>
    public static DuckDBConnection OpenPublished(WarehousePaths paths, out PublishedMarker? publish) =>
        OpenPublished(paths, DuckDbOptions.ReadOnlyQueries, out publish);

    /// <summary>As <see cref="OpenPublished(WarehousePaths)"/> with <paramref name="options"/> (read-only, no file access and locked, with limits).</summary>
    /// <exception cref="LoadException">Nothing is published yet.</exception>
    public static DuckDBConnection OpenPublished(WarehousePaths paths, DuckDbOptions options, out PublishedMarker? publish)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.ReadOnly || options.ExternalAccess || !options.LockConfiguration)
        {
            throw new ArgumentException($"The published warehouse is opened read-only, without file access and locked, not with {options}.", nameof(options));
        }
        ArgumentNullException.ThrowIfNull(paths);
        for (var attempt = 1; ; attempt++)
        {
            publish = PublishedMarker.Read(paths);
            var database = publish?.DatabasePath(paths) ?? paths.PublishedDatabase;
            if (!File.Exists(database))
            {
                if (attempt < Attempts && publish is not null)
                {
                    Thread.Sleep(Pause);
                    continue;
                }
                throw new LoadException(publish is null
                    ? $"There is no published warehouse at {paths.PublishedDatabase} yet. Run 'ipwh load' (or './ipwh demo' for the demo) first."
                    : $"{paths.PublishedMarker} names {database}, which does not exist. Run 'ipwh load' to publish again.");
            }
            try
            {
                return DuckDbFactory.Open(database, options);
            }
            catch (DatabaseLockedException) when (attempt < Attempts)
            {
                Thread.Sleep(Pause);
            }
        }
    }

    /// <summary>
    /// Opens the run history: the loader's working database read-only when no load holds it (it also
    /// has failed and cancelled loads, which are never published), else the published copy.
    /// </summary>
    public static DuckDBConnection OpenHistory(WarehousePaths paths, out bool fromPublishedCopy)
    {
        ArgumentNullException.ThrowIfNull(paths);
        fromPublishedCopy = false;
        if (File.Exists(paths.WorkDatabase))
        {
            try
            {
                return DuckDbFactory.Open(paths.WorkDatabase, new DuckDbOptions { ReadOnly = true });
            }
            catch (DatabaseLockedException)
            {
                // A load holds it: the published copy answers.
            }
        }
        fromPublishedCopy = true;
        return OpenPublished(paths);
    }
}
