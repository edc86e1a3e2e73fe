using System.Globalization;
using System.Text;

namespace IpWarehouse.Bench;

/// <summary>
/// The provider scenario's markdown: every repeat, best and median per phase, the ratios to raw DuckDB,
/// and PASS/MISS per target. Targets are judged on the median repeat, so one lucky run cannot pass them.
/// </summary>
internal sealed class ProviderReport(IReadOnlyList<Measurement> measurements, BenchOptions options)
{
    private const double AppenderRowsTarget = 5_000_000;
    private const double AppenderToCsvTarget = 2.0;
    private const double ReaderValuesTarget = 20_000_000;

    private static readonly string[] Phases =
    [
        ProviderScenario.Generator, ProviderScenario.Appender, ProviderScenario.RawAppender, ProviderScenario.ReadCsv,
        ProviderScenario.Reader, ProviderScenario.ReadOnly, ProviderScenario.NativeScan,
    ];

    public string Render()
    {
        var text = new StringBuilder();
        AppendRepeats(text);
        AppendSummary(text);
        AppendRatios(text);
        AppendVerdicts(text);
        return text.ToString();
    }

    private void AppendRepeats(StringBuilder text)
    {
        text.AppendLine("### Every repeat").AppendLine();
        text.AppendLine("| repeat | phase | seconds | cpu s | rows/s | values/s | allocated | peak working set |");
        text.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|");
        foreach (var m in measurements)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {m.Repeat} | {m.Phase} | {m.Seconds:0.000} | {m.CpuSeconds:0.000} | {Millions(m.RowsPerSecond)} | {(m.Values == 0 ? "–" : Millions(m.ValuesPerSecond))} | {MiB(m.AllocatedBytes)} | {MiB(m.PeakWorkingSetBytes)} |");
        }
        text.AppendLine();
    }

    private void AppendSummary(StringBuilder text)
    {
        text.AppendLine(CultureInfo.InvariantCulture, $"### Best and median of {options.Repeat} ({options.Rows:N0} rows × {ProviderRows.ColumnCount} columns)").AppendLine();
        text.AppendLine("| phase | best s | median s | median cpu s | best rows/s | median rows/s | median values/s | median allocated | max peak working set |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var phase in Phases)
        {
            var runs = Of(phase);
            var seconds = Median(runs.Select(m => m.Seconds));
            var values = runs[0].Values;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {phase} | {runs.Min(m => m.Seconds):0.000} | {seconds:0.000} | {Median(runs.Select(m => m.CpuSeconds)):0.000} | {Millions(options.Rows / runs.Min(m => m.Seconds))} | {Millions(options.Rows / seconds)} | " +
                $"{(values == 0 ? "–" : Millions(values / seconds))} | {MiB((long)Median(runs.Select(m => (double)m.AllocatedBytes)))} | {MiB(runs.Max(m => m.PeakWorkingSetBytes))} |");
        }
        text.AppendLine();
    }

    private void AppendRatios(StringBuilder text)
    {
        text.AppendLine("### Ratios to raw DuckDB (time ÷ time, same repeat)").AppendLine();
        text.AppendLine("| repeat | appender ÷ read_csv | appender ÷ C API appender | typed reader ÷ native scan | Read()-only reader ÷ native scan |");
        text.AppendLine("|---:|---:|---:|---:|---:|");
        for (var repeat = 1; repeat <= options.Repeat; repeat++)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {repeat} | {Ratio(ProviderScenario.Appender, ProviderScenario.ReadCsv, repeat):0.00}× | {Ratio(ProviderScenario.Appender, ProviderScenario.RawAppender, repeat):0.00}× | " +
                $"{Ratio(ProviderScenario.Reader, ProviderScenario.NativeScan, repeat):0.00}× | {Ratio(ProviderScenario.ReadOnly, ProviderScenario.NativeScan, repeat):0.00}× |");
        }
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| median | {MedianRatio(ProviderScenario.Appender, ProviderScenario.ReadCsv):0.00}× | {MedianRatio(ProviderScenario.Appender, ProviderScenario.RawAppender):0.00}× | " +
            $"{MedianRatio(ProviderScenario.Reader, ProviderScenario.NativeScan):0.00}× | {MedianRatio(ProviderScenario.ReadOnly, ProviderScenario.NativeScan):0.00}× |");
        text.AppendLine();
    }

    private void AppendVerdicts(StringBuilder text)
    {
        var appenderRows = options.Rows / Median(Of(ProviderScenario.Appender).Select(m => m.Seconds));
        var appenderBest = options.Rows / Of(ProviderScenario.Appender).Min(m => m.Seconds);
        var toCsv = MedianRatio(ProviderScenario.Appender, ProviderScenario.ReadCsv);
        var readerValues = Of(ProviderScenario.Reader)[0].Values / Median(Of(ProviderScenario.Reader).Select(m => m.Seconds));
        var readerBest = Of(ProviderScenario.Reader)[0].Values / Of(ProviderScenario.Reader).Min(m => m.Seconds);

        text.AppendLine("### Targets (judged on the median repeat)").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{Verdict(appenderRows >= AppenderRowsTarget)} appender ≥ 5 M rows/s: median {Millions(appenderRows)} rows/s (best {Millions(appenderBest)})");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{Verdict(toCsv <= AppenderToCsvTarget)} appender within 2× of read_csv's time: median ratio {toCsv:0.00}×");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{Verdict(readerValues >= ReaderValuesTarget)} reader ≥ 20 M values/s: median {Millions(readerValues)} values/s (best {Millions(readerBest)})");
    }

    private List<Measurement> Of(string phase) => [.. measurements.Where(m => m.Phase == phase)];

    private double Ratio(string phase, string baseline, int repeat) =>
        measurements.Single(m => m.Phase == phase && m.Repeat == repeat).Seconds /
        measurements.Single(m => m.Phase == baseline && m.Repeat == repeat).Seconds;

    private double MedianRatio(string phase, string baseline) =>
        Median(Enumerable.Range(1, options.Repeat).Select(repeat => Ratio(phase, baseline, repeat)));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string Verdict(bool pass) => pass ? "PASS" : "MISS";

    private static string Millions(double perSecond) => string.Create(CultureInfo.InvariantCulture, $"{perSecond / 1e6:0.00} M");

    private static string MiB(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.0} MiB");
}
