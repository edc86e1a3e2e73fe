using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using IpWarehouse.Etl.Loading;

namespace IpWarehouse.Bench;

/// <summary>
/// What happened inside one <see cref="Loader.RunAsync"/>, in order: the loader's progress events and
/// its per-SQL-file durations (IPWH_TRACE_SQL=1 lines on stderr, read through <see cref="TraceWriter"/>).
/// Each event closes a segment that started at the previous one; a segment carries its wall time and
/// its own peak working set (the high-water mark is reset at every event).
/// </summary>
internal sealed partial class LoadTimeline : IProgress<LoadProgress>
{
    private readonly List<LoadSegment> segments = [];
    private readonly List<(string? Source, string Phase, string File, double Seconds)> sqlFiles = [];
    private string? source;
    private string phase = "prepare";
    private long segmentStart;

    public IReadOnlyList<LoadSegment> Segments => segments;

    /// <summary>Traced SQL files, each with the source and phase it ran in.</summary>
    public IReadOnlyList<(string? Source, string Phase, string File, double Seconds)> SqlFiles => sqlFiles;

    public long MaxPeakWorkingSet => segments.Count == 0 ? 0 : segments.Max(s => s.PeakWorkingSetBytes);

    /// <summary>Call right before <see cref="Loader.RunAsync"/>: the first segment ("prepare") starts here.</summary>
    public void Start()
    {
        segmentStart = Stopwatch.GetTimestamp();
        PeakMemory.Reset();
    }

    public void Report(LoadProgress value)
    {
        Close();
        source = value.Source;
        phase = value.Phase;
    }

    /// <summary>Closes the last segment ("finish": after the done event, until RunAsync returned).</summary>
    public void Complete() => Close();

    private void Close()
    {
        var now = Stopwatch.GetTimestamp();
        segments.Add(new LoadSegment(source, phase, Stopwatch.GetElapsedTime(segmentStart, now).TotalSeconds, PeakMemory.Read()));
        PeakMemory.Reset();
        segmentStart = now;
    }

    private void Sql(string file, double milliseconds) => sqlFiles.Add((source, phase, file, milliseconds / 1000));

    [GeneratedRegex(@"^ipwh: sql (?<file>\S+): (?<ms>\d+) ms$", RegexOptions.CultureInvariant)]
    private static partial Regex SqlLine();

    /// <summary>
    /// Stands in for stderr while a load runs: passes everything through and hands the loader's
    /// "ipwh: sql FILE: N ms" lines to <paramref name="timeline"/>.
    /// </summary>
    internal sealed class TraceWriter(TextWriter inner, LoadTimeline timeline) : TextWriter
    {
        public override Encoding Encoding => inner.Encoding;

        public override void Write(char value) => inner.Write(value);

        public override void Write(string? value) => inner.Write(value);

        public override void WriteLine(string? value)
        {
            if (value is not null && SqlLine().Match(value) is { Success: true } match)
            {
                timeline.Sql(match.Groups["file"].Value, double.Parse(match.Groups["ms"].Value, CultureInfo.InvariantCulture));
            }
            inner.WriteLine(value);
        }

        public override void Flush() => inner.Flush();
    }
}

/// <summary>The time between two progress events: what the loader was doing (the phase of the first event).</summary>
/// <param name="Source">The source concerned, or null for the whole batch.</param>
/// <param name="Phase">prepare (before the first event), start, landing, landed, validating, merging, publishing, snapshot, done.</param>
internal sealed record LoadSegment(string? Source, string Phase, double Seconds, long PeakWorkingSetBytes);
