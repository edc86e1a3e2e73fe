namespace IpWarehouse.Etl.Loading;

/// <summary>What to load.</summary>
public sealed record LoadRequest
{
    /// <summary>Re-read every source in full, ignoring watermarks.</summary>
    public bool Full { get; init; }

    /// <summary>
    /// Rebuild the indicator marts whole from every fact (<c>ipwh load --rebuild-marts</c>) instead of recomputing
    /// only the rows this load's changes can affect.
    /// </summary>
    public bool RebuildMarts { get; init; }

    /// <summary>Only these sources (by name); empty means every source of the configuration.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>What started the load: <c>cli</c>, <c>schedule</c>, <c>misfire</c>, <c>manual</c>, <c>demo</c>.</summary>
    public string Trigger { get; init; } = "cli";

    /// <summary>Retries of sources that fail transiently; none by default (the scheduler sets its own).</summary>
    public SourceRetryPolicy Retry { get; init; } = SourceRetryPolicy.None;
}
