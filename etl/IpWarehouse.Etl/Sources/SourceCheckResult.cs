namespace IpWarehouse.Etl.Sources;

/// <summary>The outcome of <see cref="ISourceConnector.CheckAsync"/>.</summary>
/// <param name="SourceName">The source checked.</param>
/// <param name="Status">Ok, Warning (readable, but e.g. a required column is missing) or Failed.</param>
/// <param name="Message">What was found, or what is wrong and how to fix it.</param>
public sealed record SourceCheckResult(string SourceName, SourceCheckStatus Status, string Message)
{
    /// <summary>True when a failure may go away by itself (timeouts, refused connections, a locked file).</summary>
    public bool IsTransient { get; init; }

    /// <summary>Required canonical columns the header does not provide.</summary>
    public IReadOnlyList<string> MissingRequiredColumns { get; init; } = [];
}

/// <summary>How a source check ended.</summary>
public enum SourceCheckStatus
{
    /// <summary>The source can be read and its header recognised.</summary>
    Ok,

    /// <summary>The source can be read, but rows will be quarantined (e.g. a required column is missing).</summary>
    Warning,

    /// <summary>The source cannot be read.</summary>
    Failed,
}
