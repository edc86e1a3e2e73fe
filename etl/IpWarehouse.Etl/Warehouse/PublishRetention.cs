using System.Text.Json;

namespace IpWarehouse.Etl.Warehouse;

/// <summary>
/// Which published versions stay in <c>warehouse/published/</c>: the current one, the <see cref="Keep"/> newest
/// before it, and any that a process still holds (a web server answering from it, a statistician's DuckDB):
/// those are removed by a later publish once nothing holds them. ipwh.json <c>loader.keepPublished</c> sets
/// <see cref="Keep"/> (default <see cref="DefaultKeep"/>).
/// </summary>
public sealed class PublishRetention
{
    /// <summary>Older versions kept besides the current one when ipwh.json does not say.</summary>
    public const int DefaultKeep = 1;

    /// <summary>A rule that keeps <paramref name="keep"/> older versions besides the current one.</summary>
    public PublishRetention(int keep)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(keep);
        Keep = keep;
    }

    /// <summary>How many versions before the current one stay.</summary>
    public int Keep { get; }

    /// <summary>The rule of ipwh.json's <c>loader.keepPublished</c>.</summary>
    /// <exception cref="ConfigException">The setting is not a whole number of at least 0.</exception>
    public static PublishRetention FromConfig(Configuration.IpwhConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Section("loader") is not { ValueKind: JsonValueKind.Object } loader || !loader.TryGetProperty("keepPublished", out var value))
        {
            return new PublishRetention(DefaultKeep);
        }
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var keep) || keep < 0)
        {
            throw new ConfigException(
                $"loader.keepPublished in {config.ConfigPath} is {value.GetRawText()}: write how many published versions before the current one " +
                $"stay in warehouse/published/, a whole number of at least 0 (default {DefaultKeep}).");
        }
        return new PublishRetention(keep);
    }

    /// <summary>
    /// The batches of <paramref name="versions"/> past this rule: all but <paramref name="current"/> and the
    /// <see cref="Keep"/> newest older than it. Batch ids sort by time.
    /// </summary>
    public IReadOnlyList<string> Expired(IEnumerable<string> versions, string current)
    {
        ArgumentNullException.ThrowIfNull(versions);
        var older = versions.Where(v => string.CompareOrdinal(v, current) < 0).OrderDescending(StringComparer.Ordinal).ToList();
        var newer = versions.Where(v => string.CompareOrdinal(v, current) > 0);
        // A version newer than the current one is a publish that never completed (its marker was not written).
        return [.. older.Skip(Keep), .. newer];
    }
}
