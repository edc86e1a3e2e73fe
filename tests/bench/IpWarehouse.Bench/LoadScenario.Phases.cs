using System.Diagnostics;
using DuckDB.NET.Data;
using IpWarehouse.Etl.Configuration;
using IpWarehouse.Etl.DuckDb;
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
        using var connection = DuckDbFactory.Open(databasePath);
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

    /// <summary>The date column each large fact's snapshot is partitioned by (year of it), as the loader does.</summary>
    private static readonly Dictionary<string, string> SnapshotYearColumns = new(StringComparer.Ordinal)
    {
        ["fact_patent"] = "application_date",
        ["fact_trademark"] = "application_date",
        ["fact_case"] = "filed_date",
        ["fact_subsidy_payment"] = "paid_date",
    };

    /// DuckDB alone writing what every publish must write: each table of the published warehouse as Parquet,
    /// the large facts partitioned by year, with the same COPY statements as the loader's snapshot, on a fresh
    /// read-only connection with DuckDB's defaults. It bounds from below what any publish, full or
    /// incremental, costs at this scale.
    private static Measurement MeasureRawSnapshot(string publishedDatabase, string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
        Directory.CreateDirectory(folder);
        using var connection = DuckDbFactory.Open(publishedDatabase, new DuckDbOptions { ReadOnly = true });
        var tables = new List<(string Name, long Rows)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT table_name, estimated_size FROM duckdb_tables() WHERE NOT temporary ORDER BY table_name";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                tables.Add((reader.GetString(0), reader.GetInt64(1)));
            }
        }
        Console.Error.WriteLine($"[load] {RawSnapshot} …");
        var measurement = Meter.Measure(RawSnapshot, 1, tables.Sum(t => t.Rows), 0, () =>
        {
            foreach (var (table, rows) in tables)
            {
                Execute(connection, SnapshotYearColumns.TryGetValue(table, out var dateColumn) && rows > 0
                    ? $"COPY (SELECT *, year({dateColumn}) AS year FROM {table}) TO {Literal(Path.Combine(folder, table))} (FORMAT parquet, PARTITION_BY (year))"
                    : $"COPY {table} TO {Literal(Path.Combine(folder, table + ".parquet"))} (FORMAT parquet)");
            }
        });
        Directory.Delete(folder, recursive: true);
        return measurement;
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
