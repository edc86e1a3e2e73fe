using System.Diagnostics;
using DuckDB.NET.Data;
using IpWarehouse.Etl.DuckDb;

namespace IpWarehouse.Bench;

/// <summary>
/// Issue 3, the nightly load at province scale from CSV files (5 M patents, 5 M trademarks, 200 k cases,
/// 200 k subsidies at <c>--scale 1</c>), in one run: DuckDB's own <c>read_csv</c> of the four files into
/// plain tables (twice: types auto-detected, and all VARCHAR as the loader lands them), the full
/// <c>ipwh load</c> through publish and the snapshot that follows (<see cref="IpWarehouse.Etl.Loading.Loader"/>), and an
/// incremental load of a 0.5 % delta into the same warehouse. Targets (issue 15): full load's time to publish ≤ 4.0 ×
/// the raw ingest; its snapshot ≤ 1.2 × DuckDB's COPY of the same tables; incremental time to publish ≤ 10 % of the
/// full load's; peak memory ≤ 4 GB.
/// </summary>
/// <remarks>
/// The scenario sets IPWH_TRACE_SQL=1 in its own process, so the loader prints each SQL file's duration
/// on stderr; <see cref="LoadTimeline.TraceWriter"/> collects those lines for the per-file breakdown.
/// </remarks>
internal sealed partial class LoadScenario(LoadOptions options)
{
    public const string RawTyped = "read_csv, types auto-detected (raw DuckDB)";
    public const string RawText = "read_csv, all VARCHAR (raw DuckDB)";
    public const string Full = "ipwh load, full (landing → publish, then snapshot and retention)";
    public const string Incremental = "ipwh load, incremental (0.5 % delta)";
    public const string RawSnapshot = "Parquet of the published tables (raw DuckDB COPY)";

    private readonly List<Measurement> measurements = [];

    /// <summary>Entry point from <see cref="Program"/>: the scenario parses its own options (--scale, --dir).</summary>
    public static int Run(string[] args)
    {
        LoadOptions options;
        try
        {
            options = LoadOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(LoadOptions.Usage);
            return 2;
        }
        return new LoadScenario(options).Run();
    }

    public int Run()
    {
        // Before the loader's SqlScript is first used: its Trace flag is read once.
        Environment.SetEnvironmentVariable("IPWH_TRACE_SQL", "1");
        var ownsDirectory = options.Directory is null;
        var directory = options.Directory is { } given ? Directory.CreateDirectory(given).FullName : Directory.CreateTempSubdirectory("ipwh-bench-load-").FullName;
        try
        {
            var files = new LoadFiles(options, directory);
            var totalRows = files.Sources.Sum(s => s.Rows);
            Console.WriteLine(MachineInfo.Describe(new BenchOptions(totalRows, 1, directory), directory));
            Console.WriteLine($"- scale: {options.Scale:0.###} ({string.Join(", ", files.Sources.Select(s => $"{s.Rows:N0} {s.Kind}"))})");
            ResetOutputs(files, directory);

            Console.Error.WriteLine("[load] generating the CSV files (untimed) …");
            var generating = Stopwatch.StartNew();
            var expected = files.Generate();
            Console.WriteLine($"- generated (untimed) in {generating.Elapsed.TotalSeconds:0.0} s: {DescribeFiles(files)}");
            Console.WriteLine($"- DuckDB defaults of a fresh connection (the loader sets memory_limit to loader.memoryLimit, default 2.5GB): {DuckDbSettings()}");

            Record(MeasureRaw(RawTyped, files, Path.Combine(directory, "raw-typed.duckdb"), "header = true"));
            Record(MeasureRaw(RawText, files, Path.Combine(directory, "raw-text.duckdb"), "header = true, all_varchar = true"));
            CheckRaw(files, expected, Path.Combine(directory, "raw-typed.duckdb"));
            CheckRaw(files, expected, Path.Combine(directory, "raw-text.duckdb"));

            var fullTimeline = new LoadTimeline();
            var (full, fullReport) = MeasureLoad(Full, files.FullConfig, totalRows, fullTimeline);
            Record(full);
            var fullFacts = CheckLoad("full", fullReport, expected, e => (e.FullRows, e.FullDirty, e.FactsAfterFull));

            var deltaTimeline = new LoadTimeline();
            var (incremental, deltaReport) = MeasureLoad(Incremental, files.DeltaConfig, expected.Sum(e => e.DeltaRows), deltaTimeline);
            Record(incremental);
            var deltaFacts = CheckLoad("incremental", deltaReport, expected, e => (e.DeltaRows, e.DeltaDirty, e.FactsAfterDelta));
            CheckDeltaWrites(deltaReport, expected, files);
            Record(MeasureRawSnapshot(Path.Combine(files.Warehouse, "ipwh.duckdb"), Path.Combine(directory, "raw-snapshot")));

            Console.WriteLine();
            Console.WriteLine(new LoadBenchReport(measurements, RawFileSeconds, fullTimeline, deltaTimeline, expected, fullFacts, deltaFacts).Render());
            Console.WriteLine($"- disk after the run: {DescribeDisk(files, directory)}");
            Console.WriteLine($"- load average at end (1, 5, 15 min): {MachineInfo.LoadAverage()}");
            return 0;
        }
        finally
        {
            if (ownsDirectory)
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    /// <summary>A re-run in the same --dir starts from an empty warehouse and fresh raw files.</summary>
    private static void ResetOutputs(LoadFiles files, string directory)
    {
        if (Directory.Exists(files.Warehouse))
        {
            Directory.Delete(files.Warehouse, recursive: true);
        }
        foreach (var name in new[] { "raw-typed.duckdb", "raw-text.duckdb" })
        {
            File.Delete(Path.Combine(directory, name));
            File.Delete(Path.Combine(directory, name + ".wal"));
        }
    }

    private void Record(Measurement measurement)
    {
        measurements.Add(measurement);
        Console.Error.WriteLine($"[load] {measurement.Phase}: {measurement.Seconds:0.000} s, peak {measurement.PeakWorkingSetBytes / (1024.0 * 1024):0} MiB");
    }

    private static string DuckDbSettings()
    {
        using var connection = DuckDbFactory.OpenInMemory();
        return $"threads = {Scalar(connection, "SELECT current_setting('threads')")}, memory_limit = {Scalar(connection, "SELECT current_setting('memory_limit')")}";
    }

    private static string DescribeFiles(LoadFiles files) =>
        string.Join("; ", files.Sources.Select(s =>
            $"{s.File} {MiB(new FileInfo(files.FullPath(s)).Length)} (delta {MiB(new FileInfo(files.DeltaPath(s)).Length)})"));

    private static string DescribeDisk(LoadFiles files, string directory)
    {
        static long Size(string path) => Directory.Exists(path) ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length) : 0;
        var warehouse = new IpWarehouse.Etl.Warehouse.WarehousePaths(files.Warehouse);
        return $"working database {MiB(Size(Path.GetDirectoryName(warehouse.WorkDatabase)!))}, published versions {MiB(Size(warehouse.PublishedFolder))} ({Directory.GetFiles(warehouse.PublishedFolder, "*.duckdb").Length} kept), " +
            $"snapshots {MiB(Size(warehouse.Snapshots))} (two publishes), raw typed {MiB(new FileInfo(Path.Combine(directory, "raw-typed.duckdb")).Length)}, " +
            $"raw VARCHAR {MiB(new FileInfo(Path.Combine(directory, "raw-text.duckdb")).Length)}";
    }

    private static string MiB(long bytes) => $"{bytes / (1024.0 * 1024):0.0} MiB";

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Scalar(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "NULL";
    }
}
