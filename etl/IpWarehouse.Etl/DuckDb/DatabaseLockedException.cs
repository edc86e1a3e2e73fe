namespace IpWarehouse.Etl.DuckDb;

/// <summary>
/// A DuckDB file is held by another process: one that writes it (a load, another <c>ipwh</c> command), or,
/// for a write, one that reads it. DuckDB allows one writing process per file, or any number of readers.
/// </summary>
public sealed class DatabaseLockedException : EtlException
{
    /// <summary>Creates the error.</summary>
    public DatabaseLockedException()
    {
    }

    /// <summary>Creates the error with its message.</summary>
    public DatabaseLockedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with its message and DuckDB's error as the cause.</summary>
    public DatabaseLockedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The database file.</summary>
    public string? Path { get; init; }

    /// <inheritdoc />
    public override bool IsTransient => true;
}
