namespace IpWarehouse.Etl.Warehouse;

/// <summary>A statistician's query ran past its time limit and was stopped: the message says the limit and what to do.</summary>
public sealed class QueryTimeLimitException : QueryRefusedException
{
    /// <summary>Creates the error.</summary>
    public QueryTimeLimitException()
    {
    }

    /// <summary>Creates the error with its message.</summary>
    public QueryTimeLimitException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with its message and cause.</summary>
    public QueryTimeLimitException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
