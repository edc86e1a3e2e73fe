using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using IpWarehouse.DuckDb.Internal;

namespace IpWarehouse.DuckDb;

/// <summary>
/// A connection to a DuckDB database file (or <c>:memory:</c>). Connections to the same file in one
/// process share one native database, each with its own native connection.
/// </summary>
public sealed unsafe class DuckDBConnection : DbConnection
{
    private string connectionString;
    private ConnectionState state = ConnectionState.Closed;
    private SharedDatabase? database;
    private nint native;

    /// <summary>Creates a closed connection with no connection string.</summary>
    public DuckDBConnection()
        : this(string.Empty)
    {
    }

    /// <summary>Creates a closed connection.</summary>
    public DuckDBConnection(string connectionString)
    {
        this.connectionString = connectionString;
    }

    /// <inheritdoc />
    [AllowNull]
    public override string ConnectionString
    {
        get => connectionString;
        set
        {
            if (state != ConnectionState.Closed)
            {
                throw new InvalidOperationException("The connection string cannot change while the connection is open.");
            }
            connectionString = value ?? string.Empty;
        }
    }

    /// <inheritdoc />
    public override string Database => "main";

    /// <inheritdoc />
    public override string DataSource => new DuckDBConnectionStringBuilder(connectionString).DataSource;

    /// <inheritdoc />
    public override string ServerVersion => LibraryVersion;

    /// <summary>The version of the loaded DuckDB native library, e.g. <c>v1.5.6</c>.</summary>
    public static string LibraryVersion
    {
        get
        {
            NativeLibraryLoader.EnsureRegistered();
            return Utf8.FromNative(NativeMethods.LibraryVersion()) ?? "unknown";
        }
    }

    /// <inheritdoc />
    public override ConnectionState State => state;

    internal nint NativeConnection
    {
        get
        {
            if (state != ConnectionState.Open)
            {
                throw new InvalidOperationException("The connection is not open. Call Open() first.");
            }
            return native;
        }
    }

    internal DuckDBTransaction? CurrentTransaction { get; set; }

    /// <inheritdoc />
    public override void Open()
    {
        if (state == ConnectionState.Open)
        {
            throw new InvalidOperationException("The connection is already open.");
        }
        var builder = new DuckDBConnectionStringBuilder(connectionString);
        var dataSource = builder.DataSource;
        if (dataSource.Length == 0)
        {
            throw new InvalidOperationException(
                "The connection string has no DataSource. Use 'DataSource=warehouse.duckdb' or 'DataSource=:memory:'.");
        }

        var shared = DatabaseRegistry.Acquire(dataSource, builder.Options);
        if (NativeMethods.Connect(shared.Handle, out var connection) != NativeMethods.DuckDBSuccess)
        {
            DatabaseRegistry.Release(shared);
            throw new DuckDBException($"DuckDB could not connect to '{dataSource}'.", DuckDBErrorType.Connection);
        }
        database = shared;
        native = connection;
        state = ConnectionState.Open;
    }

    /// <inheritdoc />
    public override Task OpenAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Open();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override void Close()
    {
        if (state == ConnectionState.Closed)
        {
            return;
        }
        CurrentTransaction = null;
        NativeMethods.Disconnect(ref native);
        DatabaseRegistry.Release(database!);
        database = null;
        state = ConnectionState.Closed;
    }

    /// <inheritdoc />
    public override void ChangeDatabase(string databaseName) =>
        throw new NotSupportedException("DuckDB connections do not change database; use ATTACH and USE in SQL.");

    /// <summary>Creates a command on this connection.</summary>
    public new DuckDBCommand CreateCommand() => new() { Connection = this };

    /// <inheritdoc />
    protected override DbCommand CreateDbCommand() => CreateCommand();

    /// <summary>Creates an appender for <paramref name="table"/> in the default schema.</summary>
    public DuckDBAppender CreateAppender(string table) => CreateAppender(null, table);

    /// <summary>Creates an appender for <paramref name="schema"/>.<paramref name="table"/>.</summary>
    public DuckDBAppender CreateAppender(string? schema, string table) => new(this, schema, table);

    /// <summary>Begins a transaction.</summary>
    public new DuckDBTransaction BeginTransaction() => BeginTransaction(IsolationLevel.Snapshot);

    /// <summary>Begins a transaction (DuckDB transactions are snapshot-isolated whatever is asked).</summary>
    public new DuckDBTransaction BeginTransaction(IsolationLevel isolationLevel) =>
        (DuckDBTransaction)BeginDbTransaction(isolationLevel);

    /// <inheritdoc />
    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel)
    {
        if (CurrentTransaction is not null)
        {
            throw new InvalidOperationException("A transaction is already active on this connection; DuckDB does not nest transactions.");
        }
        var transaction = new DuckDBTransaction(this, isolationLevel);
        CurrentTransaction = transaction;
        return transaction;
    }

    /// <summary>Interrupts the query running on this connection, from any thread.</summary>
    public void Interrupt()
    {
        if (state == ConnectionState.Open)
        {
            NativeMethods.Interrupt(native);
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        Close();
        base.Dispose(disposing);
    }
}
