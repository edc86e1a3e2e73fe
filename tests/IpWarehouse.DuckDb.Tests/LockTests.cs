using System.Diagnostics;

namespace IpWarehouse.DuckDb.Tests;

/// DuckDB allows one read-write process per file: a second process must get a clear "locked" error.
public sealed class LockTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_second_process_opening_a_file_this_process_writes_is_told_it_is_locked()
    {
        using var writer = Db.Open(folder.Database());
        writer.Run("CREATE TABLE t (x INTEGER)");

        var (exitCode, output) = RunProbe(folder.Database());

        Assert.Equal(1, exitCode);
        Assert.Contains("locked=True", output, StringComparison.Ordinal);
        Assert.Contains("the warehouse is locked by another process", output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void This_process_is_told_when_another_process_holds_the_file()
    {
        using (var create = Db.Open(folder.Database()))
        {
            create.Run("CREATE TABLE t (x INTEGER)");
        }

        using var holder = StartProbe(folder.Database(), holdSeconds: 30);
        try
        {
            Assert.Equal("opened", holder.StandardOutput.ReadLine());
            var error = Assert.Throws<DuckDBException>(() => Db.Open(folder.Database()));
            Assert.True(error.IsLocked);
            Assert.True(error.IsTransient);
            Assert.Equal(DuckDBErrorType.IO, error.ErrorType);
            Assert.Contains(folder.File("test.duckdb"), error.Message, StringComparison.Ordinal);
        }
        finally
        {
            holder.Kill();
            holder.WaitForExit();
        }

        // Once the holder is gone the file opens normally.
        using var after = Db.Open(folder.Database());
        Assert.Equal(0L, after.Scalar("SELECT count(*) FROM t"));
    }

    private static (int ExitCode, string Output) RunProbe(string connectionString)
    {
        using var process = StartProbe(connectionString, holdSeconds: null);
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }

    private static Process StartProbe(string connectionString, int? holdSeconds)
    {
        var probe = Path.Combine(AppContext.BaseDirectory, "IpWarehouse.DuckDb.LockProbe.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(probe);
        start.ArgumentList.Add(connectionString);
        if (holdSeconds is { } seconds)
        {
            start.ArgumentList.Add(seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return Process.Start(start) ?? throw new InvalidOperationException("could not start the lock probe");
    }
}
