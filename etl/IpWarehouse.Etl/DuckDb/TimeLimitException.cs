namespace IpWarehouse.Etl.DuckDb;

/// <summary>
/// A DuckDB command ran past its time limit and was interrupted (<see cref="DuckDbTimeLimit"/>). An operator's
/// cancellation is an <see cref="OperationCanceledException"/> instead, so the two never read alike.
/// </summary>
public sealed class TimeLimitException : EtlException
{
    /// <summary>Creates the error.</summary>
    public TimeLimitException()
    {
    }

    /// <summary>Creates the error with its message.</summary>
    public TimeLimitException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with its message and the interruption as the cause.</summary>
    public TimeLimitException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The limit that passed.</summary>
    public TimeSpan Limit { get; init; }
}
