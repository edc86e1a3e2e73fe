using System.Data;
using System.Diagnostics;

namespace IpWarehouse.DuckDb.Tests;

public sealed class CommandTests : IDisposable
{
    // Long enough to still be running when the timeout or the token fires, on any machine.
    private const string EndlessQuery = "SELECT sum(hash(a.i * b.i)) FROM range(100000000) a(i), range(100000000) b(i)";

    private readonly DuckDBConnection connection = Db.Open("DataSource=:memory:");

    public void Dispose() => connection.Dispose();

    [Fact]
    public void Several_statements_in_one_command_all_run()
    {
        var affected = connection.Run("""
            CREATE TABLE t (x INTEGER);
            INSERT INTO t VALUES (1), (2), (3);
            UPDATE t SET x = x * 10 WHERE x > 1;
            DELETE FROM t WHERE x = 1;
            """);
        Assert.Equal(3 + 2 + 1, affected);
        Assert.Equal(50L, connection.Scalar("SELECT sum(x)::BIGINT FROM t"));
    }

    [Fact]
    public void Non_queries_report_minus_one_and_selects_their_first_value()
    {
        Assert.Equal(-1, connection.Run("CREATE TABLE t (x INTEGER)"));
        Assert.Null(connection.Scalar("SELECT x FROM t"));
        // As in every ADO.NET provider, the scalar is the first value of the first result set.
        Assert.Null(connection.Scalar("SELECT 'a' AS x WHERE false; SELECT 'b'"));
        Assert.Equal("a", connection.Scalar("SELECT 'a'; SELECT 'b'"));
    }

    [Fact]
    public void A_reader_walks_the_result_sets_of_several_statements()
    {
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE t AS SELECT 1 AS a; SELECT a FROM t; INSERT INTO t VALUES (2); SELECT 'x' AS s, 'y' AS u";
        using var reader = command.ExecuteReader();
        Assert.Equal("a", reader.GetName(0));
        Assert.True(reader.Read());
        Assert.Equal(1, reader.GetInt32(0));
        Assert.False(reader.Read());
        Assert.True(reader.NextResult());
        Assert.Equal(2, reader.FieldCount);
        Assert.True(reader.HasRows);
        Assert.True(reader.Read());
        Assert.Equal("y", reader.GetString(1));
        Assert.False(reader.NextResult());
        Assert.Equal(1, reader.RecordsAffected);
    }

    [Fact]
    public void The_reader_streams_a_huge_result_without_materialising_it()
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT i, 'row ' || i AS label FROM range(10000000000) t(i)";
        var before = Process.GetCurrentProcess().WorkingSet64;
        using var reader = command.ExecuteReader();
        long sum = 0;
        for (var i = 0; i < 100_000 && reader.Read(); i++)
        {
            sum += reader.GetInt64(0);
        }
        var grown = Process.GetCurrentProcess().WorkingSet64 - before;
        Assert.Equal(99_999L * 100_000 / 2, sum);
        Assert.True(grown < 200_000_000, $"reading 100 000 of 10 000 000 000 rows grew the process by {grown} bytes");
    }

    [Fact]
    public async Task Async_forms_return_the_same_answers()
    {
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE t (x INTEGER); INSERT INTO t SELECT * FROM range(10)";
        Assert.Equal(10, await command.ExecuteNonQueryAsync());
        command.CommandText = "SELECT sum(x)::BIGINT FROM t";
        Assert.Equal(45L, await command.ExecuteScalarAsync());
        command.CommandText = "SELECT x FROM t ORDER BY x";
        await using var reader = await command.ExecuteReaderAsync();
        var seen = new List<int>();
        while (await reader.ReadAsync())
        {
            seen.Add(reader.GetInt32(0));
        }
        Assert.Equal(Enumerable.Range(0, 10), seen);
    }

    [Fact]
    public async Task Cancellation_interrupts_a_running_query()
    {
        using var command = connection.CreateCommand();
        command.CommandText = EndlessQuery;
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => command.ExecuteScalarAsync(cancellation.Token));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");

        // The connection is usable afterwards.
        Assert.Equal(1, connection.Scalar("SELECT 1"));
    }

    [Fact]
    public void CommandTimeout_interrupts_a_running_query_and_says_so()
    {
        using var command = connection.CreateCommand();
        command.CommandText = EndlessQuery;
        command.CommandTimeout = 1;
        var watch = Stopwatch.StartNew();
        var error = Assert.Throws<DuckDBException>(() => command.ExecuteScalar());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.Equal(DuckDBErrorType.Interrupt, error.ErrorType);
        Assert.Contains("timed out after 1 s", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, connection.Scalar("SELECT 1"));
    }

    [Fact]
    public void Cancel_from_another_thread_interrupts()
    {
        using var command = connection.CreateCommand();
        command.CommandText = EndlessQuery;
        using var timer = new Timer(_ => command.Cancel(), null, 300, Timeout.Infinite);
        var error = Assert.Throws<DuckDBException>(() => command.ExecuteScalar());
        Assert.Equal(DuckDBErrorType.Interrupt, error.ErrorType);
    }

    [Fact]
    public void Close_behaviour_closes_the_connection_with_the_reader()
    {
        using var own = Db.Open("DataSource=:memory:");
        using var command = own.CreateCommand();
        command.CommandText = "SELECT 1";
        using (var reader = command.ExecuteReader(CommandBehavior.CloseConnection))
        {
            Assert.True(reader.Read());
        }
        Assert.Equal(ConnectionState.Closed, own.State);
    }
}
