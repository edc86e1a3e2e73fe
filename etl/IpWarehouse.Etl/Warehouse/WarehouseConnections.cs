using IpWarehouse.DuckDb;
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
        var connection = new DuckDBConnection(
            $"DataSource={paths.PublishedDatabase};ACCESS_MODE=READ_ONLY;enable_external_access=false;lock_configuration=true");
        connection.Open();
        return connection;
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
            var work = new DuckDBConnection($"DataSource={paths.WorkDatabase};ACCESS_MODE=READ_ONLY");
            try
            {
                work.Open();
                return work;
            }
            catch (DuckDBException e) when (e.IsLocked)
            {
                work.Dispose();
            }
        }
        fromPublishedCopy = true;
        return OpenPublished(paths);
    }
}
