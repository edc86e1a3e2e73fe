using DuckDB.NET.Data;
using IpWarehouse.Etl.DuckDb;
using IpWarehouse.Etl.Loading;

namespace IpWarehouse.Etl.Warehouse;

/// <summary>How readers open a warehouse: the published file, read-only, with no file access from SQL.</summary>
public static class WarehouseConnections
{
    /// <summary>
    /// Opens the published warehouse read-only, with <c>enable_external_access=false</c> (no reading or
    /// writing files from SQL) and the configuration locked (no <c>SET</c> can undo that).
    /// </summary>
    public static DuckDBConnection OpenPublished(WarehousePaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (!File.Exists(paths.PublishedDatabase))
        {
            throw new LoadException(
                $"There is no published warehouse at {paths.PublishedDatabase} yet. Run 'ipwh load' (or './ipwh demo' for the demo) first.");
        }
        return DuckDbFactory.Open(paths.PublishedDatabase, DuckDbOptions.ReadOnlyQueries);
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
