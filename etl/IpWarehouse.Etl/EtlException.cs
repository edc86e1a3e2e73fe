namespace IpWarehouse.Etl;

/// <summary>
/// The root of the ETL's errors. It carries what the scheduler and the operator need without reading
/// log text: which source, batch, file, row and column, and whether a retry can help.
/// </summary>
/// <remarks>Messages name the object, the value and the fix; the cause stays in <see cref="Exception.InnerException"/>.</remarks>
public abstract class EtlException : Exception
{
    /// <summary>Creates an error with a message.</summary>
    protected EtlException()
    {
    }

    /// <summary>Creates an error with a message.</summary>
    protected EtlException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an error with a message and its cause.</summary>
    protected EtlException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The source (its <c>name</c> in ipwh.json), when the error belongs to one.</summary>
    public string? SourceName { get; init; }

    /// <summary>The load's batch id, when the error happened during a load.</summary>
    public string? BatchId { get; init; }

    /// <summary>The file being read (absolute path), when there is one.</summary>
    public string? File { get; init; }

    /// <summary>The row as the operator sees it: CSV line number, sheet row number or database ordinal.</summary>
    public long? Row { get; init; }

    /// <summary>The column (canonical or source name) involved, when there is one.</summary>
    public string? Column { get; init; }

    /// <summary>True when the same work may succeed if retried later (timeouts, refused connections, a locked file).</summary>
    public virtual bool IsTransient => false;
}
