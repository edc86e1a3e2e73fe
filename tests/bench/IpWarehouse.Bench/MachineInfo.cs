using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using IpWarehouse.Etl.DuckDb;

namespace IpWarehouse.Bench;

/// <summary>The header of every report: what ran, where, on what.</summary>
internal static class MachineInfo
{
    public static string Describe(BenchOptions options, string directory)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"- run at (UTC): {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm:ss}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- rows per repeat: {options.Rows:N0}; repeats: {options.Repeat}; folder: {directory}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- machine: {Environment.ProcessorCount} logical CPUs (nproc), {MemoryGiB():0.0} GiB memory, {CpuModel()}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- OS: {RuntimeInformation.OSDescription}; runtime: {RuntimeInformation.FrameworkDescription}, server GC: {System.Runtime.GCSettings.IsServerGC}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- DuckDB: {DuckDbFactory.LibraryVersion}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- load average at start (1, 5, 15 min): {LoadAverage()}");
        text.Append(CultureInfo.InvariantCulture, $"- peak working set: {(PeakMemory.PerPhase ? "per phase (VmHWM reset through /proc/self/clear_refs)" : "since process start")}");
        return text.ToString();
    }

    /// <summary>Other processes on the machine share its cores; a load above the core count means they competed with the run.</summary>
    public static string LoadAverage()
    {
        const string loadAverage = "/proc/loadavg";
        return File.Exists(loadAverage) ? string.Join(", ", File.ReadAllText(loadAverage).Split(' ').Take(3)) : "unknown";
    }

    private static double MemoryGiB() => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);

    private static string CpuModel()
    {
        const string cpuInfo = "/proc/cpuinfo";
        if (!File.Exists(cpuInfo))
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
        var model = File.ReadLines(cpuInfo).FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal));
        return model is null ? RuntimeInformation.ProcessArchitecture.ToString() : model[(model.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
}
