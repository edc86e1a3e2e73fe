namespace IpWarehouse.Etl.Tests.Demo;

/// A clock stopped at one instant, so "today" (and the future-date dirty rows) do not move between runs.
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// 2025-03-15 10:00 in Asia/Shanghai.
    public static FixedClock Default { get; } = new(new DateTimeOffset(2025, 3, 15, 2, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}
