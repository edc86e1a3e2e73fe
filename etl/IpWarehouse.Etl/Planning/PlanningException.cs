namespace IpWarehouse.Etl.Planning;

/// <summary>
/// A planner's question the warehouse cannot answer as asked: an unknown indicator code, a year without
/// data, an unknown region, a level that does not fit. The message names the value and lists what is
/// available; the web answers it with HTTP 400.
/// </summary>
public sealed class PlanningException : EtlException
{
    /// <summary>Creates the error.</summary>
    public PlanningException()
    {
    }

    /// <summary>Creates the error.</summary>
    public PlanningException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with its cause.</summary>
    public PlanningException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The parameter at fault: <c>indicator</c>, <c>year</c>, <c>region</c>, <c>within</c>, <c>level</c> or <c>as_of</c>.</summary>
    public string? Parameter { get; init; }

    /// <summary>What the parameter could have been (indicator codes, years present, close region codes).</summary>
    public IReadOnlyList<string> Available { get; init; } = [];
}
