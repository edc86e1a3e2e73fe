namespace IpWarehouse.Etl.Configuration;

/// <summary>ipwh.json <c>schedule</c>.</summary>
/// <param name="Nightly">The Quartz cron expression of the nightly load (in the configured time zone), or null.</param>
public sealed record ScheduleConfig(string? Nightly);
