using System.Diagnostics;
using DuckDB.NET.Data;
using IpWarehouse.Etl.DuckDb;

namespace IpWarehouse.Etl.Tests.DuckDb;

/// DuckDB.NET ignores CommandTimeout: a limit is a DuckDbTimeLimit, which interrupts the connection when it passes
/// and says "time limit", while an operator's cancellation stays an OperationCanceledException.
public sealed class TimeLimitTests : IDisposable
{
    // Minutes of work for DuckDB: only an interruption ends it within the tests' patience.
    private const string Endless = "SELECT count(*) FROM range(100000000000) a, range(100000) b WHERE a.range * b.range % 7 = 3";

    private readonly DuckDBConnection connection = DuckDbFactory.OpenInMemory(new DuckDbOptions { Threads = 1 });

    public void Dispose() => connection.Dispose();

    [Fact]
    public void A_limited_command_stops_at_its_limit_and_says_time_limit()
    {
        var watch = Stopwatch.StartNew();
        using var limit = DuckDbTimeLimit.Start(connection, TimeSpan.FromMilliseconds(500));
        var error = Assert.Throws<TimeLimitException>(() => Bounded(() => limit.Run(() => Scalar(Endless))));

        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(450), TimeSpan.FromSeconds(20));
        Assert.Contains("time limit of 0.5 s", error.Message, StringComparison.Ordinal);
        Assert.Contains("时间限制", error.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromMilliseconds(500), error.Limit);
        Assert.True(limit.Expired);
        Assert.Equal(1L, Scalar("SELECT 1")); // the connection goes on working
    }

    [Fact]
    public async Task CommandTimeout_alone_does_not_stop_a_query_which_is_why_the_limit_exists()
    {
        using var command = connection.CreateCommand();
        command.CommandText = Endless;
        command.CommandTimeout = 1;
        var query = Task.Run(command.ExecuteScalar);
        Assert.NotSame(query, await Task.WhenAny(query, Task.Delay(TimeSpan.FromSeconds(3))));
        connection.NativeConnection.Interrupt();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => query);
    }

    [Fact]
    public void An_operators_cancellation_is_a_cancellation_not_a_time_limit()
    {
        using var limit = DuckDbTimeLimit.Start(connection, TimeSpan.FromMinutes(5));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        using var command = connection.CreateCommand();
        command.CommandText = Endless;

        var error = Assert.ThrowsAny<OperationCanceledException>(() =>
            Bounded(() => limit.Run(() => command.ExecuteNonQueryAsync(cancel.Token).GetAwaiter().GetResult())));

        Assert.IsNotType<TimeLimitException>(limit.Translate(error));
        Assert.False(limit.Expired);
    }

    [Fact]
    public void The_limit_covers_reading_a_streaming_result()
    {
        using var limit = DuckDbTimeLimit.Start(connection, TimeSpan.FromMilliseconds(500));
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT a.range FROM range(100000000000) a";
        command.UseStreamingMode = true;
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());

        var error = Assert.Throws<TimeLimitException>(() => Bounded(() => limit.Run(() =>
        {
            while (reader.Read())
            {
            }
            return 0;
        })));
        Assert.Contains("time limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_limit_that_did_not_pass_interrupts_nothing_after_it_is_disposed()
    {
        using (var limit = DuckDbTimeLimit.Start(connection, TimeSpan.FromMilliseconds(200)))
        {
            Assert.Equal(1L, limit.Run(() => Scalar("SELECT 1")));
        }
        Thread.Sleep(400);
        Assert.Equal(2L, Scalar("SELECT count(*) FROM range(2)"));
    }

    /// Fails (instead of hanging the run) when nothing interrupts the query within a minute.
    private T Bounded<T>(Func<T> action)
    {
        var task = Task.Run(action);
        if (Task.WhenAny(task, Task.Delay(TimeSpan.FromMinutes(1))).GetAwaiter().GetResult() != task)
        {
            // Stop it before failing: disposing a connection under a running query would take the test host down.
            connection.NativeConnection.Interrupt();
            Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(30))).GetAwaiter().GetResult();
            Assert.Fail("the query was not stopped within a minute");
        }
        return task.GetAwaiter().GetResult();
    }

    private long Scalar(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
