namespace IpWarehouse.Jobs.Tests.Infrastructure;

/// A clock that stands still until a test moves it. A timer (Task.Delay on this clock: the retry
/// waits) does not wait: it moves the clock forward by its due time and fires at once, and the due
/// times are recorded, so backoff is checked without sleeping.
public sealed class FakeClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock gate = new();
    private DateTimeOffset now = start;

    public List<TimeSpan> Waits { get; } = [];

    /// Called with each wait before it ends (tests release a lock there).
    public Action<TimeSpan>? OnWait { get; set; }

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return now;
        }
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public void Advance(TimeSpan by)
    {
        lock (gate)
        {
            now += by;
        }
    }

    public void Set(DateTimeOffset to)
    {
        lock (gate)
        {
            now = to;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ImmediateTimer(this, callback, state, dueTime);

    private sealed class ImmediateTimer : ITimer
    {
        private readonly FakeClock clock;
        private readonly TimerCallback callback;
        private readonly object? state;
        private int fired;

        public ImmediateTimer(FakeClock clock, TimerCallback callback, object? state, TimeSpan dueTime)
        {
            this.clock = clock;
            this.callback = callback;
            this.state = state;
            Change(dueTime, Timeout.InfiniteTimeSpan);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (dueTime == Timeout.InfiniteTimeSpan || Interlocked.Exchange(ref fired, 1) == 1)
            {
                return true;
            }
            lock (clock.gate)
            {
                clock.Waits.Add(dueTime);
            }
            clock.OnWait?.Invoke(dueTime);
            clock.Advance(dueTime);
            ThreadPool.QueueUserWorkItem(_ => callback(state));
            return true;
        }

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
