using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using IpWarehouse.DuckDb.Internal;

namespace IpWarehouse.DuckDb;

/// <summary>
/// A SQL command: one or more statements separated by semicolons, with positional (<c>?</c>, <c>$1</c>)
/// or named (<c>$name</c>) parameters. <see cref="CommandTimeout"/> and cancellation interrupt the running query.
/// </summary>
public sealed class DuckDBCommand : DbCommand
{
    private string commandText = string.Empty;
    private DuckDBConnection? connection;

    /// <summary>Creates a command with no text.</summary>
    public DuckDBCommand()
    {
    }

    /// <summary>Creates a command on a connection.</summary>
    public DuckDBCommand(string commandText, DuckDBConnection? connection = null)
    {
        this.commandText = commandText;
        this.connection = connection;
    }

    /// <inheritdoc />
    [AllowNull]
    public override string CommandText
    {
        get => commandText;
        set => commandText = value ?? string.Empty;
    }

    /// <summary>Seconds before the query is interrupted; 0 (the default) means no limit, as warehouse loads run long.</summary>
    public override int CommandTimeout { get; set; }

    /// <inheritdoc />
    public override CommandType CommandType
    {
        get => CommandType.Text;
        set
        {
            if (value != CommandType.Text)
            {
                throw new NotSupportedException("DuckDB commands are SQL text.");
            }
        }
    }

    /// <inheritdoc />
    public override bool DesignTimeVisible { get; set; }

    /// <inheritdoc />
    public override UpdateRowSource UpdatedRowSource { get; set; }

    /// <summary>The connection the command runs on.</summary>
    public new DuckDBConnection? Connection
    {
        get => connection;
        set => connection = value;
    }

    /// <inheritdoc />
    protected override DbConnection? DbConnection
    {
        get => connection;
        set => connection = (DuckDBConnection?)value;
    }

    /// <summary>The command's parameters.</summary>
    public new DuckDBParameterCollection Parameters { get; } = new();

    /// <inheritdoc />
    protected override DbParameterCollection DbParameterCollection => Parameters;

    /// <inheritdoc />
    protected override DbTransaction? DbTransaction { get; set; }

    /// <summary>Creates a parameter for this command.</summary>
#pragma warning disable CA1822 // hides DbCommand.CreateParameter with the provider's own type, as every ADO.NET provider does
    public new DuckDBParameter CreateParameter() => new();
#pragma warning restore CA1822

    /// <inheritdoc />
    protected override DbParameter CreateDbParameter() => CreateParameter();

    /// <inheritdoc />
    public override void Cancel() => connection?.Interrupt();

    /// <inheritdoc />
    public override int ExecuteNonQuery() => ExecuteNonQuery(CancellationToken.None);

    /// <inheritdoc />
    public override object? ExecuteScalar() => ExecuteScalar(CancellationToken.None);

    /// <inheritdoc />
    public override void Prepare()
    {
        // Statements are prepared at execution; nothing to do ahead of time.
    }

    /// <summary>Runs the command and returns a streaming reader.</summary>
    public new DuckDBDataReader ExecuteReader() => ExecuteReader(CommandBehavior.Default);

    /// <summary>Runs the command and returns a streaming reader.</summary>
    public new DuckDBDataReader ExecuteReader(CommandBehavior behavior) => ExecuteReader(behavior, CancellationToken.None);

    /// <inheritdoc />
    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => ExecuteReader(behavior);

    /// <inheritdoc />
    public override Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken) =>
        Task.Run(() => ExecuteNonQuery(cancellationToken), cancellationToken);

    /// <inheritdoc />
    public override Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken) =>
        Task.Run(() => ExecuteScalar(cancellationToken), cancellationToken);

    /// <inheritdoc />
    protected override async Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken) =>
        await Task.Run(() => ExecuteReader(behavior, cancellationToken), cancellationToken).ConfigureAwait(false);

    private int ExecuteNonQuery(CancellationToken cancellationToken)
    {
        using var sequence = Start(cancellationToken);
        sequence.RunRemaining();
        return sequence.RecordsAffected;
    }

    private object? ExecuteScalar(CancellationToken cancellationToken)
    {
        using var reader = ExecuteReader(CommandBehavior.Default, cancellationToken);
        var value = reader.Read() && reader.FieldCount > 0 ? reader.GetValue(0) : null;
        return value;
    }

    private DuckDBDataReader ExecuteReader(CommandBehavior behavior, CancellationToken cancellationToken)
    {
        var sequence = Start(cancellationToken);
        try
        {
            return new DuckDBDataReader(this, sequence, behavior);
        }
        catch
        {
            sequence.Dispose();
            throw;
        }
    }

    private StatementSequence Start(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (connection is null)
        {
            throw new InvalidOperationException("The command has no connection.");
        }
        if (string.IsNullOrWhiteSpace(commandText))
        {
            throw new InvalidOperationException("The command has no text.");
        }
        var guard = new QueryGuard(connection, CommandTimeout, cancellationToken);
        try
        {
            return new StatementSequence(connection, commandText, Parameters, guard);
        }
        catch
        {
            guard.Dispose();
            throw;
        }
    }
}
