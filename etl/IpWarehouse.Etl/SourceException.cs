namespace IpWarehouse.Etl;

/// <summary>
/// A source cannot be read: an unreadable or non-CSV file, a broken workbook, a refused connection, a
/// failed query. <see cref="IsTransient"/> tells the scheduler whether a retry can help (timeouts,
/// refused connections, a file locked by another program) or the operator must act (login, syntax).
/// </summary>
public sealed class SourceException : EtlException
{
    private readonly bool isTransient;

    /// <summary>Creates a source error.</summary>
    public SourceException()
    {
    }

    /// <summary>Creates a source error.</summary>
    public SourceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates a source error with its cause.</summary>
    public SourceException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates a source error with its cause, stating whether a retry can help.</summary>
    public SourceException(string message, Exception? innerException, bool isTransient)
        : base(message, innerException)
    {
        this.isTransient = isTransient;
    }

    /// <inheritdoc />
    public override bool IsTransient => isTransient;
}
