using DuckDB.NET.Data;
using IpWarehouse.Etl.DuckDb.Internal;

namespace IpWarehouse.Etl.DuckDb;

/// <summary>
/// A database file attached to an open connection (<c>ATTACH</c>) through <see cref="DuckDbFactory.Attach"/>:
/// while attached, no other connection of this process may open or attach the same file (two instances of one
/// file would be two writers). Disposing detaches it; the connection's current database must not be it then.
/// </summary>
public sealed class DuckDbAttachment : IDisposable
{
    private readonly DuckDBConnection connection;
    private readonly bool registered;
    private bool detached;

    internal DuckDbAttachment(DuckDBConnection connection, string path, string alias, bool registered = true)
    {
        this.connection = connection;
        this.registered = registered;
        Path = path;
        Alias = alias;
    }

    /// <summary>The attached file (normalised).</summary>
    public string Path { get; }

    /// <summary>The catalog name it is attached as.</summary>
    public string Alias { get; }

    /// <summary>Detaches the file (when the connection is still open) and lets other connections open it.</summary>
    public void Dispose()
    {
        if (detached)
        {
            return;
        }
        detached = true;
        try
        {
            if (connection.State == System.Data.ConnectionState.Open)
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"DETACH DATABASE IF EXISTS {DuckDbFactory.Identifier(Alias)}";
                command.ExecuteNonQuery();
            }
        }
        finally
        {
            if (registered)
            {
                OpenDatabases.Release(Path);
            }
        }
    }
}
