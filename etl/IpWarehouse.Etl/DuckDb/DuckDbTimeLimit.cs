using System.Globalization;
using DuckDB.NET.Data;

namespace IpWarehouse.Etl.DuckDb;

/// <summary>
/// A time limit on what runs on one connection. DuckDB.NET ignores <c>CommandTimeout</c>; this interrupts the
/// connection when the limit passes, and <see cref="Translate"/> turns the interruption (DuckDB.NET reports it as
/// an <see cref="OperationCanceledException"/>) into a <see cref="TimeLimitException"/>, so a limit reads as a
/// limit and an operator's cancellation stays a cancellation. With streaming results the limit covers the
/// reading too: keep it until the reader is done.
/// </summary>
public sealed class DuckDbTimeLimit : IDisposable
{
    private readonly DuckDBConnection connection;
    private readonly Timer? timer;
    private readonly Lock gate = new();
    private bool expired;
    private bool disposed;

    private DuckDbTimeLimit(DuckDBConnection connection, TimeSpan limit)
    {
        this.connection = connection;
        Limit = limit;
        if (limit > TimeSpan.Zero)
        {
            timer = new Timer(static state => ((DuckDbTimeLimit)state!).Expire(), this, limit, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Starts the limit on <paramref name="connection"/> (open). Zero or less means no limit.</summary>
    public static DuckDbTimeLimit Start(DuckDBConnection connection, TimeSpan limit)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return new DuckDbTimeLimit(connection, limit);
    }

    /// <summary>The limit; zero means none.</summary>
    public TimeSpan Limit { get; }

    /// <summary>True once the limit has passed and the connection was interrupted.</summary>
    public bool Expired
    {
        get
        {
            lock (gate)
            {
                return expired;
            }
        }
    }

    /// <summary>
    /// The exception to throw for <paramref name="error"/>: a <see cref="TimeLimitException"/> when it is the
    /// interruption this limit caused, else <paramref name="error"/> itself.
    /// </summary>
    public Exception Translate(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error is not OperationCanceledException || !Expired)
        {
            return error;
        }
        var seconds = Limit.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        return new TimeLimitException(
            $"超过 {seconds} 秒的时间限制，已被中止 / Stopped at its time limit of {seconds} s.", error)
        {
            Limit = Limit,
        };
    }

    /// <summary>Runs <paramref name="action"/> under the limit, translating its interruption (see <see cref="Translate"/>).</summary>
    public T Run<T>(Func<T> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            return action();
        }
        catch (OperationCanceledException e) when (Expired)
        {
            throw Translate(e);
        }
    }

    /// <summary>Stops the timer; a limit that has not passed can no longer interrupt the connection.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
        }
        timer?.Dispose();
    }

    private void Expire()
    {
        lock (gate)
        {
            if (disposed || connection.State != System.Data.ConnectionState.Open)
            {
                return;
            }
            expired = true;
            connection.NativeConnection.Interrupt();
        }
    }
}
