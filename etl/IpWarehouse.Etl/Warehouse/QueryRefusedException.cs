namespace IpWarehouse.Etl.Warehouse;

/// <summary>
/// A statistician's query that the read-only warehouse will not run: anything but a query, file access
/// from SQL, or a query over its time limit. The message says why and what to do instead.
/// </summary>
public class QueryRefusedException : EtlException
{
    /// <summary>Creates the error.</summary>
    public QueryRefusedException()
    {
    }

    /// <summary>Creates the error with its message.</summary>
    public QueryRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with its message and DuckDB's error as the cause.</summary>
    public QueryRefusedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
