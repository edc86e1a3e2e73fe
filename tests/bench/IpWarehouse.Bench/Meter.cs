using System.Diagnostics;

namespace IpWarehouse.Bench;

/// <summary>Times one phase: wall time, managed allocations and peak working set.</summary>
internal static class Meter
{
    public static Measurement Measure(string phase, int repeat, long rows, long values, Action action)
    {
        // Start every phase from a collected heap so one phase's garbage is not charged to the next.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        PeakMemory.Reset();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var cpuBefore = ProcessorTime();
        var started = Stopwatch.GetTimestamp();
        action();
        var elapsed = Stopwatch.GetElapsedTime(started);
        var cpu = ProcessorTime() - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        return new Measurement(phase, repeat, rows, values, elapsed.TotalSeconds, cpu.TotalSeconds, allocated, PeakMemory.Read());
    }

    private static TimeSpan ProcessorTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
