using IpWarehouse.Etl.Warehouse;

namespace IpWarehouse.Etl.Planning;

/// <summary>Which publish a planner's figures come from: printed on every report ("数据截至 … 批次 …").</summary>
/// <param name="BatchId">The published batch.</param>
/// <param name="PublishedAt">When it was published; null when unknown (a warehouse built by tests).</param>
public sealed record PublishInfo(string BatchId, DateTimeOffset? PublishedAt)
{
    /// <summary>A warehouse with no publish record (built in place by tests or tools).</summary>
    public static PublishInfo Unknown { get; } = new("-", null);

    /// <summary>"数据截至 2026-11-21 16:38 批次 20261122T003717-2639", the time in <paramref name="timeZone"/>.</summary>
    public string Describe(TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        var time = PublishedAt is { } at
            ? TimeZoneInfo.ConvertTime(at, timeZone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)
            : "未知";
        return $"数据截至 {time} 批次 {BatchId}";
    }

    /// <summary>
    /// The publish named by the marker the loader writes after each publish (<c>warehouse/published.json</c>), or
    /// null when there is none or it is being replaced at this moment.
    /// </summary>
    public static PublishInfo? FromMarker(string path) => From(PublishedMarker.Read(path));

    /// <summary>The publish <paramref name="marker"/> names, or null for no marker.</summary>
    public static PublishInfo? From(PublishedMarker? marker) => marker is null ? null : new PublishInfo(marker.BatchId, marker.PublishedAt);
}
