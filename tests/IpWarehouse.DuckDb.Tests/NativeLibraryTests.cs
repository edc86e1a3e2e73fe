using System.Diagnostics;

namespace IpWarehouse.DuckDb.Tests;

public sealed class NativeLibraryTests
{
    [Fact]
    public void A_wrong_IPWH_DUCKDB_LIBRARY_fails_with_a_message_that_says_what_to_do()
    {
        // The resolver runs once per process, so check it in a fresh one: the lock probe.
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "IpWarehouse.DuckDb.LockProbe.dll"));
        start.ArgumentList.Add("DataSource=:memory:");
        start.Environment["IPWH_DUCKDB_LIBRARY"] = "/nonexistent/libduckdb.so";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains("IPWH_DUCKDB_LIBRARY points at '/nonexistent/libduckdb.so'", error, StringComparison.Ordinal);
        Assert.Contains("npm ci", error, StringComparison.Ordinal);
    }

    [Fact]
    public void IPWH_DUCKDB_LIBRARY_pointing_at_a_real_copy_is_used()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "IpWarehouse.DuckDb.LockProbe.dll"));
        start.ArgumentList.Add("DataSource=:memory:");
        start.Environment["IPWH_DUCKDB_LIBRARY"] = Path.Combine(AppContext.BaseDirectory, "libduckdb.so");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal("opened", output.Trim());
    }
}
