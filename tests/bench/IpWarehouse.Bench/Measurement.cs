namespace IpWarehouse.Bench;

/// <summary>One timed phase of one repeat.</summary>
/// <param name="Phase">What ran, e.g. "appender" or "read_csv (raw DuckDB)".</param>
/// <param name="Repeat">1-based repeat number.</param>
/// <param name="Rows">Rows the phase handled.</param>
/// <param name="Values">Values (rows × columns) the phase handled.</param>
/// <param name="Seconds">Wall time, from <see cref="System.Diagnostics.Stopwatch"/>.</param>
/// <param name="CpuSeconds">Processor time of the whole process during the phase, DuckDB's worker threads included.</param>
/// <param name="AllocatedBytes">Managed bytes allocated by the process during the phase (all threads).</param>
/// <param name="PeakWorkingSetBytes">Peak resident set during the phase (or since start, see <see cref="PeakMemory"/>).</param>
internal sealed record Measurement(string Phase, int Repeat, long Rows, long Values, double Seconds, double CpuSeconds, long AllocatedBytes, long PeakWorkingSetBytes)
{
    public double RowsPerSecond => Rows / Seconds;

    public double ValuesPerSecond => Values / Seconds;
}
