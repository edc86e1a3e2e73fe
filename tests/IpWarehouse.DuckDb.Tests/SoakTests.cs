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

        // Warm up: JIT, DuckDB's caches and the allocator's arenas reach their working size.
        Round(10_000, 100);
        var baseline = Settle();

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 10; i++)
        {
            Round(10_000, 100);
        }
        var after = Settle();
        var growth = after - baseline;

        output.WriteLine($"100 000 queries + 1 000 appenders in {watch.Elapsed.TotalSeconds:F1} s; " +
                         $"RSS {baseline / 1048576.0:F1} MB -> {after / 1048576.0:F1} MB (growth {growth / 1048576.0:F1} MB)");
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
