using System.Diagnostics;
using IpWarehouse.DuckDb;
using IpWarehouse.Etl.Configuration;
using IpWarehouse.Etl.Loading;

namespace IpWarehouse.Bench;

/// The timed phases. Each runs inside <see cref="Meter.Measure"/>; opening files, reading the
/// configuration and the checks stay outside it.
internal sealed partial class LoadScenario
{
    /// <summary>Per-file seconds of the raw phases, for the report.</summary>
    public Dictionary<(string Phase, string File), double> RawFileSeconds { get; } = [];

    /// DuckDB alone: <c>CREATE TABLE … AS SELECT * FROM read_csv(…)</c> for the four files, into a fresh database file.
    private Measurement MeasureRaw(string phase, LoadFiles files, string databasePath, string readOptions)
    {
        using var connection = new DuckDBConnection($"DataSource={databasePath}");
        connection.Open();
        Console.Error.WriteLine($"[load] {phase} …");
        return Meter.Measure(phase, 1, files.Sources.Sum(s => s.Rows), 0, () =>
        {
            foreach (var source in files.Sources)
            {
                var started = Stopwatch.GetTimestamp();
                Execute(connection, $"CREATE TABLE {source.Kind} AS SELECT * FROM read_csv({Literal(files.FullPath(source))}, {readOptions})");
                RawFileSeconds[(phase, source.File)] = Stopwatch.GetElapsedTime(started).TotalSeconds;
            }
            // A file database is durable at commit (WAL); CHECKPOINT writes the tables into the file, as
            // the loader's publish does for its new warehouse.
            Execute(connection, "CHECKPOINT");
        });
    }

    /// The whole <c>ipwh load</c>: Loader.RunAsync from opening the working database to the published
    /// warehouse and snapshot. stderr passes through <see cref="LoadTimeline.TraceWriter"/> meanwhile.
    private static (Measurement Measurement, LoadReport Report) MeasureLoad(string phase, string configPath, long rows, LoadTimeline timeline)
    {
        var config = ConfigLoader.Load(configPath);
        var loader = new Loader(config);
        var request = new LoadRequest { Trigger = "bench" };
        Console.Error.WriteLine($"[load] {phase} …");
        LoadReport? report = null;
        var stderr = Console.Error;
        Console.SetError(new LoadTimeline.TraceWriter(stderr, timeline));
        Measurement measurement;
        try
        {
            measurement = Meter.Measure(phase, 1, rows, 0, () =>
            {
                timeline.Start();
                report = loader.RunAsync(request, timeline).GetAwaiter().GetResult();
                timeline.Complete();
            });
        }
        finally
        {
            Console.SetError(stderr);
        }
        // Meter's own reading covers only the time after the last event: the timeline reset the mark at each one.
        return (measurement with { PeakWorkingSetBytes = Math.Max(measurement.PeakWorkingSetBytes, timeline.MaxPeakWorkingSet) }, report!);
    }
}
