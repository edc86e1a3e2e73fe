using System.Diagnostics;

namespace IpWarehouse.Bench;

/// <summary>
/// Peak working set (VmHWM on Linux, which <see cref="Process.PeakWorkingSet64"/> reads). Writing "5" to
/// /proc/self/clear_refs resets the high-water mark (Linux ≥ 4.0, proc(5)), so each phase gets its own
/// peak; where that is refused the figure is the peak since the process started.
/// </summary>
internal static class PeakMemory
{
    public static bool PerPhase { get; private set; } = true;

    public static void Reset()
    {
        if (!PerPhase)
        {
            return;
        }
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            PerPhase = false;
        }
    }

    public static long Read()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }
}
