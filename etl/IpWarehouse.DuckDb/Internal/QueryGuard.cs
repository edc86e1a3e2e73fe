namespace IpWarehouse.DuckDb.Internal;

/// Turns a command timeout and a cancellation token into `duckdb_interrupt` on the connection, and
/// remembers which of them fired so the interrupt error can be reported as what it was.
internal sealed class QueryGuard : IDisposable
{
    private readonly DuckDBConnection connection;
    private readonly CancellationTokenRegistration registration;
    private readonly Timer? timer;
    private int timedOut;

    internal QueryGuard(DuckDBConnection connection, int timeoutSeconds, CancellationToken cancellationToken)
    {
        this.connection = connection;
        TimeoutSeconds = timeoutSeconds;
        CancellationToken = cancellationToken;
        if (cancellationToken.CanBeCanceled)
        {
            registration = cancellationToken.Register(static state => ((DuckDBConnection)state!).Interrupt(), connection);
        }
        if (timeoutSeconds > 0)
        {
            timer = new Timer(
                static state =>
                {
                    var guard = (QueryGuard)state!;
                    Interlocked.Exchange(ref guard.timedOut, 1);
                    guard.connection.Interrupt();
                },
                this,
                TimeSpan.FromSeconds(timeoutSeconds),
                Timeout.InfiniteTimeSpan);
        }
    }

    internal int TimeoutSeconds { get; }

    internal CancellationToken CancellationToken { get; }

    internal bool TimedOut => Volatile.Read(ref timedOut) == 1;

    /// The exception to throw for an interrupted query: cancellation, timeout, or DuckDB's own error.
    internal Exception Translate(DuckDBException error)
    {
        if (error.ErrorType == DuckDBErrorType.Interrupt)
        {
            if (CancellationToken.IsCancellationRequested)
            {
                return new OperationCanceledException("The DuckDB query was cancelled.", error, CancellationToken);
            }
            if (TimedOut)
            {
                return new DuckDBException(
                    $"The command timed out after {TimeoutSeconds} s and was interrupted. Raise CommandTimeout (0 = no limit) if the query needs longer.",
                    DuckDBErrorType.Interrupt, error);
            }
        }
        return error;
    }

    public void Dispose()
    {
        registration.Dispose();
        timer?.Dispose();
    }
}
