namespace IpWarehouse.Etl.Loading;

/// <summary>A load could not run or finish: the warehouse is busy, a step failed, the data did not reconcile.</summary>
public sealed class LoadException : EtlException
{
    private readonly bool transient;

    /// <summary>Creates the error.</summary>
    public LoadException()
    {
    }

    /// <summary>Creates the error.</summary>
    public LoadException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with its cause.</summary>
    public LoadException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the error with its cause, saying whether a retry may help.</summary>
    public LoadException(string message, Exception? innerException, bool isTransient)
        : base(message, innerException)
    {
        transient = isTransient;
    }

    /// <inheritdoc />
    public override bool IsTransient => transient;
}
