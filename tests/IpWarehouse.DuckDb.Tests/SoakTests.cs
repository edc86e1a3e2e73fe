using System.Diagnostics;
using Xunit.Abstractions;

namespace IpWarehouse.DuckDb.Tests;

/// Native memory is released on Dispose: many queries and appenders keep the process flat.
public sealed class SoakTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_hundred_thousand_queries_and_a_thousand_appenders_keep_memory_flat()
    {
        using var connection = Db.Open(folder.Database());
        connection.Run("CREATE TABLE soak (id INTEGER, label VARCHAR, amount DECIMAL(18,2))");

        void Round(int queries, int appenders)
        {
            for (var i = 0; i < queries; i++)
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT $id::INTEGER + 1, 'label ' || $id, count(*) FROM soak";
                command.Parameters.AddWithValue("id", i);
                using var reader = command.ExecuteReader();
                reader.Read();
                _ = reader.GetString(1);
            }
            for (var i = 0; i < appenders; i++)
            {
                using var appender = connection.CreateAppender("soak");
                for (var r = 0; r < 10; r++)
                {
                    appender.CreateRow().AppendValue(r).AppendValue("兰州新区知识产权服务中心").AppendValue(r * 1.5m).EndRow();
                }
            }
            connection.Run("DELETE FROM soak");
        }

        // Warm up: JIT, DuckDB's caches and the allocator's arenas reach their working size (measured
        // here: resident memory settles after about 30 000 queries and stays flat from then on).
        for (var i = 0; i < 3; i++)
        {
            Round(10_000, 100);
        }
        var baseline = Settle();

        var watch = Stopwatch.StartNew();
        long halfway = 0;
        for (var i = 0; i < 10; i++)
        {
            Round(10_000, 100);
            if (i == 4)
            {
                halfway = Settle();
            }
        }
        var after = Settle();
        var growth = after - baseline;
        var secondHalf = after - halfway;

        output.WriteLine($"100 000 queries + 1 000 appenders in {watch.Elapsed.TotalSeconds:F1} s; " +
                         $"RSS {baseline / 1048576.0:F1} MB -> {halfway / 1048576.0:F1} MB -> {after / 1048576.0:F1} MB " +
                         $"(growth {growth / 1048576.0:F1} MB, {secondHalf / 1048576.0:F1} MB in the second half)");
        // A leak of even 100 bytes per query would add 5 MB over the second half alone.
        Assert.True(secondHalf < 5 * 1048576, $"resident memory grew by {secondHalf / 1048576.0:F1} MB over the last 50 000 queries");
        Assert.True(growth < 32 * 1048576, $"resident memory grew by {growth / 1048576.0:F1} MB over the soak");
    }

    private static long Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }
}
