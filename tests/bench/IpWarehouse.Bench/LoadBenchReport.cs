using System.Globalization;
using System.Text;

namespace IpWarehouse.Bench;

/// <summary>
/// The load scenario's markdown: the four timed phases, the ratios and PASS/MISS per target, the loads
/// split into the loader's steps, per source, and per SQL file. One run, so no medians: the machine's
/// noise (about ±15 %, docs/benchmarks.md) applies to every figure.
/// </summary>
internal sealed class LoadBenchReport(
    IReadOnlyList<Measurement> measurements, IReadOnlyDictionary<(string Phase, string File), double> rawFileSeconds,
    LoadTimeline fullTimeline, LoadTimeline deltaTimeline, IReadOnlyList<LoadExpectation> expected, LoadFacts fullFacts, LoadFacts deltaFacts)
{
    private const double FullToRawTarget = 4.0;
    private const double DeltaToFullTarget = 0.10;
    private const double SnapshotToCopyTarget = 1.2;

    /// <summary>"4 GB" read strictly as 4 × 10^9 bytes (3 815 MiB).</summary>
    private const long PeakTarget = 4_000_000_000;

    private readonly LoadSteps full = new(fullTimeline);
    private readonly LoadSteps delta = new(deltaTimeline);

    public string Render()
    {
        var text = new StringBuilder();
        AppendPhases(text);
        AppendVerdicts(text);
        AppendSteps(text);
        AppendSources(text);
        AppendSqlFiles(text);
        AppendData(text);
        return text.ToString();
    }

    private void AppendPhases(StringBuilder text)
    {
        text.AppendLine("### Phases (one run)").AppendLine();
        text.AppendLine("| phase | rows | seconds | cpu s | rows/s | allocated | peak working set |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var m in measurements)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {m.Phase} | {m.Rows:N0} | {m.Seconds:0.00} | {m.CpuSeconds:0.00} | {Millions(m.RowsPerSecond)} | {MiB(m.AllocatedBytes)} | {MiB(m.PeakWorkingSetBytes)} |");
        }
        text.AppendLine();
    }

    private void AppendVerdicts(StringBuilder text)
    {
        var typed = Of(LoadScenario.RawTyped).Seconds;
        var raw = Of(LoadScenario.RawText).Seconds;
        var fullSeconds = Of(LoadScenario.Full).Seconds;
        var fullToPublish = full.ToPublish;
        var deltaToPublish = delta.ToPublish;
        var fastestRaw = Math.Min(typed, raw);
        var peak = Math.Max(Of(LoadScenario.Full).PeakWorkingSetBytes, Of(LoadScenario.Incremental).PeakWorkingSetBytes);
        var copy = Of(LoadScenario.RawSnapshot).Seconds;

        text.AppendLine("### Targets (issue 15)").AppendLine();
        text.AppendLine("```");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{Verdict(fullToPublish / fastestRaw <= FullToRawTarget)} full load, time to publish ≤ 4.0 × raw read_csv: {fullToPublish:0.0} s ÷ {fastestRaw:0.0} s = {fullToPublish / fastestRaw:0.00}× " +
            $"(÷ typed read_csv {fullToPublish / typed:0.00}×, ÷ all-VARCHAR read_csv {fullToPublish / raw:0.00}×; whole load with snapshot and retention {fullSeconds:0.0} s = {fullSeconds / fastestRaw:0.00}×)");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{Verdict(full.SnapshotAfterPublish / copy <= SnapshotToCopyTarget)} snapshot of the full load (after publish) ≤ 1.2 × DuckDB's COPY of the same tables: {full.SnapshotAfterPublish:0.0} s ÷ {copy:0.0} s = {full.SnapshotAfterPublish / copy:0.00}× " +
            $"(files {full.Seconds(LoadSteps.Snapshot):0.0} s + Parquet.Net verification and manifest {full.Seconds(LoadSteps.Verify):0.0} s)");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{Verdict(deltaToPublish / fullToPublish <= DeltaToFullTarget)} incremental (0.5 %), time to publish ≤ 10 % of the full load's: {deltaToPublish:0.0} s ÷ {fullToPublish:0.0} s = {100 * deltaToPublish / fullToPublish:0.0} %");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{Verdict(peak <= PeakTarget)} peak memory ≤ 4 GB: {MiB(peak)} (full {MiB(Of(LoadScenario.Full).PeakWorkingSetBytes)}, incremental {MiB(Of(LoadScenario.Incremental).PeakWorkingSetBytes)})");
        text.AppendLine("```").AppendLine();
    }

    private void AppendSteps(StringBuilder text)
    {
        text.AppendLine("### Inside the loads (progress events and IPWH_TRACE_SQL)").AppendLine();
        text.AppendLine("| step | full s | share | incremental s | share | full peak | incremental peak |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var step in LoadSteps.Names)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {step} | {full.Seconds(step):0.00} | {Percent(full.Seconds(step), full.Total)} | {delta.Seconds(step):0.00} | {Percent(delta.Seconds(step), delta.Total)} | {MiB(full.Peak(step))} | {MiB(delta.Peak(step))} |");
        }
        text.AppendLine(CultureInfo.InvariantCulture, $"| **time to publish** (the steps above \"published\") | {full.ToPublish:0.00} | {Percent(full.ToPublish, full.Total)} | {delta.ToPublish:0.00} | {Percent(delta.ToPublish, delta.Total)} | | |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| total | {full.Total:0.00} | 100 % | {delta.Total:0.00} | 100 % | | |");
        text.AppendLine();
    }

    private void AppendSources(StringBuilder text)
    {
        text.AppendLine("### Per source (seconds: full / incremental; raw read_csv: typed / all VARCHAR)").AppendLine();
        text.AppendLine("| source | rows (full / delta) | raw read_csv | landing | validating | merging |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var e in expected)
        {
            var name = e.Source.Name;
            var raw = string.Create(CultureInfo.InvariantCulture,
                $"{rawFileSeconds.GetValueOrDefault((LoadScenario.RawTyped, e.Source.File)):0.00} / {rawFileSeconds.GetValueOrDefault((LoadScenario.RawText, e.Source.File)):0.00}");
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} | {e.FullRows:N0} / {e.DeltaRows:N0} | {raw} | {Pair(name, LoadSteps.Landing)} | {Pair(name, LoadSteps.Validating)} | {Pair(name, LoadSteps.Merging)} |");
        }
        text.AppendLine();
    }

    private string Pair(string source, string step) =>
        string.Create(CultureInfo.InvariantCulture, $"{full.SourceSeconds(source, step):0.00} / {delta.SourceSeconds(source, step):0.00}");

    private void AppendSqlFiles(StringBuilder text)
    {
        var fullFiles = Group(fullTimeline);
        var deltaFiles = Group(deltaTimeline);
        text.AppendLine("### SQL files over 0.1 s (IPWH_TRACE_SQL=1; seconds: full / incremental)").AppendLine();
        text.AppendLine("| file | source | full | incremental |");
        text.AppendLine("|---|---|---:|---:|");
        foreach (var ((file, source), seconds) in fullFiles.OrderByDescending(f => f.Value))
        {
            var other = deltaFiles.GetValueOrDefault((file, source));
            if (seconds >= 0.1 || other >= 0.1)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {file} | {source ?? "–"} | {seconds:0.00} | {other:0.00} |");
            }
        }
        text.AppendLine();
    }

    private static Dictionary<(string File, string? Source), double> Group(LoadTimeline timeline) =>
        timeline.SqlFiles.GroupBy(f => (f.File, f.Source)).ToDictionary(g => g.Key, g => g.Sum(f => f.Seconds));

    private void AppendData(StringBuilder text)
    {
        text.AppendLine("### What the loads did").AppendLine();
        foreach (var e in expected)
        {
            var fact = LoadScenario.FactOf(e.Source.Kind);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"- {e.Source.Name} → {fact}: full {e.FullRows:N0} rows read, {e.FullDirty:N0} quarantined ({fullFacts.Rejects[e.Source.Name]}); " +
                $"delta {e.DeltaRows:N0} rows ({e.DeltaNew:N0} new keys, {e.DeltaChanged:N0} restated), {e.DeltaDirty:N0} quarantined, " +
                $"{deltaFacts.Written[fact]:N0} fact rows written; {deltaFacts.FactRows[fact]:N0} fact rows after both");
        }
        text.AppendLine(CultureInfo.InvariantCulture,
            $"- dim_party: {fullFacts.PartyRows:N0} parties after the full load, {deltaFacts.PartyRows:N0} after the incremental; bridge_patent_party {deltaFacts.BridgeRows:N0} rows");
        text.AppendLine(CultureInfo.InvariantCulture, $"- fact_patent region attribution: {deltaFacts.PatentAttribution}");
    }

    private Measurement Of(string phase) => measurements.Single(m => m.Phase == phase);

    private static string Verdict(bool pass) => pass ? "PASS" : "MISS";

    private static string Percent(double part, double total) => string.Create(CultureInfo.InvariantCulture, $"{100 * part / total:0} %");

    private static string Millions(double perSecond) => string.Create(CultureInfo.InvariantCulture, $"{perSecond / 1e6:0.00} M");

    private static string MiB(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0} MiB");
}
