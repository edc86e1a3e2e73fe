using DuckDB.NET.Data;
using IpWarehouse.Etl.DuckDb.Internal;

namespace IpWarehouse.Etl.DuckDb;

/// <summary>
/// Opens every DuckDB database of the product. DuckDB.NET keeps one native database per path string while any
/// connection to it is open and silently ignores the options of later connections; two strings for one file
/// (<c>dir/./x.duckdb</c>, a symbolic link) open two instances of it, which is two writers. So here:
/// <list type="bullet">
/// <item>paths are normalised to one full path with symbolic links resolved;</item>
/// <item>a path has one set of <see cref="DuckDbOptions"/> at a time in this process: another set while it is
/// open is an error that names both;</item>
/// <item>a file held by another process is a <see cref="DatabaseLockedException"/>.</item>
/// </list>
/// Time limits are <see cref="DuckDbTimeLimit"/>; large results stream (<c>UseStreamingMode</c> on the command).
/// </summary>
public static class DuckDbFactory
{
    /// <summary>The version of the DuckDB library loaded, e.g. <c>v1.5.6</c>.</summary>
    public static string LibraryVersion => DuckDB.NET.Native.NativeMethods.Startup.DuckDBLibraryVersion();

    /// <summary>Opens the database file at <paramref name="path"/> (created when missing, unless read-only).</summary>
    /// <exception cref="DatabaseLockedException">Another process holds the file.</exception>
    /// <exception cref="InvalidOperationException">The file is already open in this process with other options.</exception>
    public static DuckDBConnection Open(string path, DuckDbOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (path == DuckDBConnectionStringBuilder.InMemoryDataSource)
        {
            return OpenInMemory(options);
        }
        var connection = new RegisteredConnection(NormalizePath(path), options ?? DuckDbOptions.ReadWrite);
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Attaches the database file at <paramref name="path"/> to <paramref name="connection"/> as <paramref name="alias"/>
    /// (read-write; created when missing). The file counts as open in this process until the attachment is disposed.
    /// </summary>
    /// <exception cref="InvalidOperationException">The file is already open or attached in this process.</exception>
    public static DuckDbAttachment Attach(DuckDBConnection connection, string path, string alias)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrWhiteSpace(alias);
        var full = NormalizePath(path);
        OpenDatabases.Acquire(full, DuckDbOptions.Attached);
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"ATTACH '{full.Replace("'", "''", StringComparison.Ordinal)}' AS {Identifier(alias)}";
            command.ExecuteNonQuery();
            return new DuckDbAttachment(connection, full, alias);
        }
        catch
        {
            OpenDatabases.Release(full);
            throw;
        }
    }

    /// <summary>
    /// Attaches a published version, a file never written again, read-only. Unlike <see cref="Attach"/> the file may be
    /// open elsewhere in this process with other options (the web server answers from it): readers of a file that
    /// nobody writes cannot be two writers.
    /// </summary>
    public static DuckDbAttachment AttachReadOnly(DuckDBConnection connection, string path, string alias)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrWhiteSpace(alias);
        var full = NormalizePath(path);
        using var command = connection.CreateCommand();
        command.CommandText = $"ATTACH '{full.Replace("'", "''", StringComparison.Ordinal)}' AS {Identifier(alias)} (READ_ONLY)";
        command.ExecuteNonQuery();
        return new DuckDbAttachment(connection, full, alias, registered: false);
    }

    /// <summary>A name quoted as a DuckDB identifier.</summary>
    public static string Identifier(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>Opens a new in-memory database, private to the connection.</summary>
    public static DuckDBConnection OpenInMemory(DuckDbOptions? options = null)
    {
        var connection = new DuckDBConnection((options ?? DuckDbOptions.ReadWrite).ConnectionString(DuckDBConnectionStringBuilder.InMemoryDataSource));
        connection.Open();
        return connection;
    }

    /// <summary>The one name of the file at <paramref name="path"/>: full, without <c>.</c> or <c>..</c>, symbolic links resolved.</summary>
    public static string NormalizePath(string path) => RealPath.Of(path);

    /// <summary>True while a connection of this process has <paramref name="path"/> open.</summary>
    public static bool IsOpenHere(string path) => OpenDatabases.IsOpen(NormalizePath(path));

    /// <summary>
    /// Deletes the database at <paramref name="path"/> (and its write-ahead log) unless a process holds it: one of
    /// this process's connections, or another process's (DuckDB's file lock, tested by opening it for writing).
    /// Returns false, and leaves the file, when it is held.
    /// </summary>
    public static bool DeleteUnlessHeld(string path) => OpenDatabases.DeleteUnlessHeld(NormalizePath(path));
}
