namespace IpWarehouse.Etl.Configuration;

/// <summary>ipwh.json <c>schedule</c>.</summary>
/// <param name="Nightly">The cron expression of the nightly load (see <see cref="NightlySchedule"/>) (in the configured time zone), or null.</param>
public sealed record ScheduleConfig(string? Nightly);
