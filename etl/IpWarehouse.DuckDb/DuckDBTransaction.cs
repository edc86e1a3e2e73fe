using System.Data;
using System.Data.Common;

namespace IpWarehouse.DuckDb;

/// <summary>A DuckDB transaction (BEGIN … COMMIT/ROLLBACK); rolled back on dispose unless committed.</summary>
public sealed class DuckDBTransaction : DbTransaction
{
    private readonly DuckDBConnection connection;
    private bool completed;

    internal DuckDBTransaction(DuckDBConnection connection, IsolationLevel isolationLevel)
    {
        this.connection = connection;
        IsolationLevel = isolationLevel;
        Execute("BEGIN TRANSACTION");
    }

    /// <inheritdoc />
    public override IsolationLevel IsolationLevel { get; }

    /// <inheritdoc />
    protected override DbConnection DbConnection => connection;

    /// <inheritdoc />
    public override void Commit() => Complete("COMMIT");

    /// <inheritdoc />
    public override void Rollback() => Complete("ROLLBACK");

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && !completed && connection.State == ConnectionState.Open)
        {
            Complete("ROLLBACK");
        }
        base.Dispose(disposing);
    }

    private void Complete(string statement)
    {
        if (completed)
        {
            throw new InvalidOperationException("The transaction has already been committed or rolled back.");
        }
        completed = true;
        connection.CurrentTransaction = null;
        Execute(statement);
    }

    private void Execute(string statement)
    {
        using var command = connection.CreateCommand();
        command.CommandText = statement;
        command.ExecuteNonQuery();
    }
}
