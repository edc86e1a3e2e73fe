namespace IpWarehouse.Jobs;

/// <summary>An operator request that does not fit the job's state (run while running, cancel while idle): HTTP 409.</summary>
public sealed class JobsConflictException : Exception
{
    /// <summary>Creates the error.</summary>
    public JobsConflictException()
    {
    }

    /// <summary>Creates the error with a message that says what to do instead.</summary>
    public JobsConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with its cause.</summary>
    public JobsConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
