namespace IpWarehouse.Etl.Loading;

/// <summary>
/// How a load retries a source whose failure is transient (<see cref="EtlException.IsTransient"/>: a
/// timeout, a refused connection, a PostgreSQL or SQL Server error its driver calls transient): up to
/// <see cref="MaxAttempts"/> attempts, waiting longer each time (exponential backoff, capped at
/// <see cref="MaxDelay"/>) with random jitter, so that several nodes or sources do not retry in step.
/// Errors the operator must fix (a wrong password, a missing table) are never retried.
/// </summary>
public sealed record SourceRetryPolicy
{
    /// <summary>One attempt, no retry: <c>ipwh load</c>'s behaviour, where the operator is watching.</summary>
    public static SourceRetryPolicy None { get; } = new() { MaxAttempts = 1 };

    /// <summary>Attempts in all, the first included (default 4).</summary>
    public int MaxAttempts
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxAttempts), value, "At least one attempt.");
    } = 4;

    /// <summary>The wait before the first retry, before jitter (default 30 s); it doubles for each further retry.</summary>
    public TimeSpan FirstDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between two attempts, before jitter (default 10 min).</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Where the waits happen: tests pass a fake clock so that no test sleeps.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>A number in [0, 1) for the jitter; tests fix it.</summary>
    public Func<double> Random { get; init; } = System.Random.Shared.NextDouble;

    /// <summary>
    /// The wait before retry number <paramref name="retry"/> (1 = the first retry): the nominal delay
    /// <c>min(MaxDelay, FirstDelay × 2^(retry-1))</c>, of which a random half is taken off ("equal
    /// jitter"), so the wait lies in [nominal / 2, nominal).
    /// </summary>
    public TimeSpan DelayBefore(int retry)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        var nominal = Math.Min(MaxDelay.TotalMilliseconds, FirstDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry - 1, 30)));
        return TimeSpan.FromMilliseconds(nominal / 2 + nominal / 2 * Random());
    }

    /// <summary>
    /// Runs <paramref name="attempt"/> until it succeeds, fails for good, or the attempts run out. When
    /// they run out the last error is rethrown as a transient <see cref="SourceException"/> saying so.
    /// </summary>
    /// <param name="sourceName">The source, for the error message.</param>
    /// <param name="attempt">One attempt; its argument is the attempt number, from 1.</param>
    /// <param name="retrying">Told before each wait: the attempt that failed, the wait, the error.</param>
    /// <param name="cancellationToken">Stops the waits and the attempts.</param>
    public async Task<T> RunAsync<T>(string sourceName, Func<int, Task<T>> attempt, Action<int, TimeSpan, EtlException>? retrying = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        for (var number = 1; ; number++)
        {
            try
            {
                return await attempt(number).ConfigureAwait(false);
            }
            catch (EtlException e) when (e.IsTransient && !cancellationToken.IsCancellationRequested)
            {
                if (number >= MaxAttempts)
                {
                    if (MaxAttempts == 1)
                    {
                        throw;
                    }
                    throw new SourceException($"{e.Message} (gave up after {number} attempts)", e, isTransient: true)
                    {
                        SourceName = e.SourceName ?? sourceName,
                        BatchId = e.BatchId,
                        File = e.File,
                    };
                }
                var delay = DelayBefore(number);
                retrying?.Invoke(number, delay, e);
                await Task.Delay(delay, Clock, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
