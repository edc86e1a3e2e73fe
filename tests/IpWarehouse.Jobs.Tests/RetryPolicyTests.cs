using IpWarehouse.Etl;
using IpWarehouse.Etl.Loading;
using IpWarehouse.Jobs.Tests.Infrastructure;

namespace IpWarehouse.Jobs.Tests;

public sealed class RetryPolicyTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 10, 17, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Waits_double_up_to_the_cap_and_jitter_takes_off_at_most_half()
    {
        var policy = new SourceRetryPolicy { FirstDelay = TimeSpan.FromSeconds(30), MaxDelay = TimeSpan.FromMinutes(2), Random = () => 0 };
        // nominal 30, 60, 120, 120 (capped) seconds; jitter 0 takes off half
        Assert.Equal([15, 30, 60, 60], Enumerable.Range(1, 4).Select(r => policy.DelayBefore(r).TotalSeconds));
        var top = policy with { Random = () => 0.999 };
        Assert.Equal(29.985, top.DelayBefore(1).TotalSeconds, 3);
    }

    [Fact]
    public async Task A_transient_failure_is_retried_after_the_backoff_then_succeeds()
    {
        var clock = new FakeClock(Start);
        var policy = new SourceRetryPolicy { MaxAttempts = 4, FirstDelay = TimeSpan.FromSeconds(30), Clock = clock, Random = () => 0.5 };
        var retries = new List<(int Attempt, TimeSpan Delay)>();
        var result = await policy.RunAsync("finance", attempt => attempt < 3
                ? throw new SourceException("connection refused", null, isTransient: true)
                : Task.FromResult(attempt),
            (attempt, delay, _) => retries.Add((attempt, delay)));
        Assert.Equal(3, result);
        // nominal 30 s then 60 s; jitter 0.5 takes off a quarter: 22.5 s and 45 s, waited on the clock
        Assert.Equal([(1, TimeSpan.FromSeconds(22.5)), (2, TimeSpan.FromSeconds(45))], retries);
        Assert.Equal([TimeSpan.FromSeconds(22.5), TimeSpan.FromSeconds(45)], clock.Waits);
        Assert.Equal(Start.AddSeconds(67.5), clock.GetUtcNow());
    }

    [Fact]
    public async Task Giving_up_says_how_many_attempts_and_keeps_the_cause()
    {
        var clock = new FakeClock(Start);
        var policy = new SourceRetryPolicy { MaxAttempts = 2, Clock = clock, Random = () => 0 };
        var cause = new SourceException("timeout", null, isTransient: true) { SourceName = "finance" };
        var error = await Assert.ThrowsAsync<SourceException>(() => policy.RunAsync<int>("finance", _ => throw cause));
        Assert.Equal("timeout (gave up after 2 attempts)", error.Message);
        Assert.Same(cause, error.InnerException);
        Assert.Equal("finance", error.SourceName);
        Assert.Single(clock.Waits);
    }

    [Fact]
    public async Task A_permanent_failure_is_not_retried()
    {
        var clock = new FakeClock(Start);
        var policy = new SourceRetryPolicy { MaxAttempts = 5, Clock = clock };
        var attempts = 0;
        await Assert.ThrowsAsync<SourceException>(() => policy.RunAsync<int>("finance", _ =>
        {
            attempts++;
            throw new SourceException("password authentication failed", null, isTransient: false);
        }));
        Assert.Equal(1, attempts);
        Assert.Empty(clock.Waits);
    }
}
