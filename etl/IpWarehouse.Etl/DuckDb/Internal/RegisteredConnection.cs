using DuckDB.NET.Data;

namespace IpWarehouse.Etl.DuckDb.Internal;

/// A DuckDB.NET connection to a file that checks in with <see cref="OpenDatabases"/> when it opens and checks
/// out when it closes (Dispose closes), and reports a lock held by another process as such.
internal sealed class RegisteredConnection : DuckDBConnection
{
    private readonly string path;
    private readonly DuckDbOptions options;

    internal RegisteredConnection(string path, DuckDbOptions options)
        : base(options.ConnectionString(path))
    {
        this.path = path;
        this.options = options;
    }

    public override void Open()
    {
        OpenDatabases.Acquire(path, options);
        try
        {
            base.Open();
        }
        catch (DuckDBException e) when (DuckDbErrors.IsLockConflict(e.Message))
        {
            OpenDatabases.Release(path);
            throw new DatabaseLockedException(
                $"The warehouse is locked by another process: '{path}' is open for writing elsewhere" +
                (options.ReadOnly ? "" : " or being read") + ". Wait for that process (a load, or another 'ipwh' command) to finish, " +
                $"or open a published copy read-only. DuckDB said: {e.Message}", e)
            {
                Path = path,
            };
        }
        catch
        {
            OpenDatabases.Release(path);
            throw;
        }
    }

    public override void Close()
    {
        base.Close();
        OpenDatabases.Release(path);
    }
}
