using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using IpWarehouse.Etl.Configuration;
using IpWarehouse.Etl.DuckDb;
using IpWarehouse.Etl.Indicators;
using IpWarehouse.Etl.Loading;
using IpWarehouse.Etl.Planning;
using IpWarehouse.Etl.Warehouse;

namespace IpWarehouse.Bench;

/// <summary>
/// Issue 4, the indicators at province scale, on the load scenario's warehouse (<see cref="LoadFiles"/>,
/// the full load only): (1) building the indicator marts (<see cref="IndicatorMart.Build"/> on the loaded
/// working database) against the full load's time, target ≤ 25 %; (2) a ranking answered in-process
/// (<see cref="PlanningQueries.Rank"/> on the published warehouse), target p95 ≤ 20 ms over ≥ 200 queries
/// after warm-up; (3) <c>./ipwh rank … --format json</c> end to end, process start included, target
/// median ≤ 1 s over ≥ 5 runs.
/// </summary>
internal sealed class IndicatorsScenario(IndicatorsOptions options)
{
    private const string LoadTimeFile = "indicators-load.txt";

    public static int Run(string[] args)
    {
        IndicatorsOptions options;
        try
        {
            options = IndicatorsOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(IndicatorsOptions.Usage);
            return 2;
        }
        return new IndicatorsScenario(options).Run();
    }

    public int Run()
    {
        var ownsDirectory = options.Directory is null;
        var directory = options.Directory is { } given ? Directory.CreateDirectory(given).FullName : Directory.CreateTempSubdirectory("ipwh-bench-indicators-").FullName;
        try
        {
            var files = new LoadFiles(new LoadOptions(options.Scale, directory), directory);
            Console.WriteLine(MachineInfo.Describe(new BenchOptions(files.Sources.Sum(s => s.Rows), 1, directory), directory));
            Console.WriteLine($"- scale: {options.Scale:0.###} ({string.Join(", ", files.Sources.Select(s => $"{s.Rows:N0} {s.Kind}"))})");

            var (loadSeconds, inLoadMartSeconds) = options.Reuse ? ReadLoadTime(directory) : Load(files, directory);
            Console.WriteLine($"- full load (landing → publish → snapshot): {loadSeconds:0.00} s, of which the marts inside the publish {inLoadMartSeconds:0.00} s");

            var paths = new WarehousePaths(files.Warehouse);
            var (build, martMeasurement) = BuildMarts(paths);
            var mart = martMeasurement.Seconds;
            var ranks = RankInProcess(paths);
            var cli = RankProcess(files.FullConfig);

            Console.WriteLine();
            Console.WriteLine("| phase | figure |");
            Console.WriteLine("|---|---:|");
            Console.WriteLine($"| full load | {loadSeconds:0.00} s |");
            Console.WriteLine($"| marts inside that load's publish | {inLoadMartSeconds:0.00} s |");
            Console.WriteLine($"| IndicatorMart.Build again on the loaded warehouse | {mart:0.00} s (cpu {martMeasurement.CpuSeconds:0.0} s, peak {martMeasurement.PeakWorkingSetBytes / (1024.0 * 1024):0} MiB; {build.IndicatorRows:N0} rows, years {build.Years.Min()}–{build.Years.Max()}, {build.Violations:N0} violations) |");
            Console.WriteLine($"| in-process rank, {ranks.Count} queries | p50 {Percentile(ranks, 0.50):0.00} ms, p95 {Percentile(ranks, 0.95):0.00} ms, max {ranks.Max():0.00} ms |");
            Console.WriteLine($"| ./ipwh rank --format json, {cli.Count} runs | median {Percentile(cli, 0.5):0} ms, min {cli.Min():0} ms, max {cli.Max():0} ms |");
            Console.WriteLine();
            var share = mart / loadSeconds;
            Console.WriteLine($"{Verdict(share <= 0.25)} building the marts ≤ 25 % of the full load: {mart:0.00} s ÷ {loadSeconds:0.00} s = {share:P1} (inside the load: {inLoadMartSeconds / loadSeconds:P1})");
            Console.WriteLine($"{Verdict(Percentile(ranks, 0.95) <= 20)} in-process rank p95 ≤ 20 ms: {Percentile(ranks, 0.95):0.00} ms over {ranks.Count} queries");
            Console.WriteLine($"{Verdict(Percentile(cli, 0.5) <= 1000)} ./ipwh rank --format json ≤ 1 s end to end: median {Percentile(cli, 0.5):0} ms of {cli.Count}");
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

    /// Generates the load scenario's files (untimed) and runs the full load, timing it and its marts step
    /// (from the "indicators" progress event to the "publishing" one).
    private static (double Load, double Marts) Load(LoadFiles files, string directory)
    {
        if (Directory.Exists(files.Warehouse))
        {
            Directory.Delete(files.Warehouse, recursive: true);
        }
        Console.Error.WriteLine("[indicators] generating the CSV files (untimed) …");
        files.Generate();
        var loader = new Loader(ConfigLoader.Load(files.FullConfig));
        var events = new Dictionary<string, long>(StringComparer.Ordinal);
        var progress = new Recorder(p =>
        {
            if (p.Source is null)
            {
                events.TryAdd(p.Phase, Stopwatch.GetTimestamp());
            }
        });
        Console.Error.WriteLine("[indicators] full load …");
        var started = Stopwatch.GetTimestamp();
        var report = loader.RunAsync(new LoadRequest { Trigger = "bench" }, progress).GetAwaiter().GetResult();
        var load = Stopwatch.GetElapsedTime(started).TotalSeconds;
        if (report.Status != "succeeded")
        {
            throw new InvalidOperationException($"The load ended {report.Status}: {report.Message}");
        }
        var marts = events.TryGetValue("indicators", out var from) && events.TryGetValue("publishing", out var to)
            ? Stopwatch.GetElapsedTime(from, to).TotalSeconds
            : double.NaN;
        File.WriteAllText(Path.Combine(directory, LoadTimeFile), string.Create(CultureInfo.InvariantCulture, $"{load} {marts}"));
        return (load, marts);
    }

    private static (double Load, double Marts) ReadLoadTime(string directory)
    {
        var parts = File.ReadAllText(Path.Combine(directory, LoadTimeFile)).Split(' ');
        return (double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    /// IndicatorMart.Build on the loaded working database, as a publish runs it.
    private static (IndicatorBuild Build, Measurement Measurement) BuildMarts(WarehousePaths paths)
    {
        using var work = DuckDbFactory.Open(paths.WorkDatabase);
        Console.Error.WriteLine("[indicators] IndicatorMart.Build …");
        IndicatorBuild? build = null;
        var measurement = Meter.Measure("IndicatorMart.Build", 1, 0, 0, () => build = IndicatorMart.Build(work, IndicatorSettings.Default, TimeProvider.System));
        return (build!, measurement);
    }

    /// Rankings a planner asks, in-process on the published warehouse: warm-up once each, then timed in turn.
    private List<double> RankInProcess(WarehousePaths paths)
    {
        using var planning = PlanningQueries.OpenPublished(paths, TimeProvider.System);
        var year = planning.Years.Where(y => y <= 2024).Max();
        var cities = new[] { "620100", "620500", "620800", "621100", "622900" };
        var questions = new List<Func<RankResult>>();
        foreach (var indicator in new[] { "patent_applications", "valid_invention_per_10k", "invention_share", "trademark_registrations", "case_closure_rate", "patent_applications_growth" })
        {
            questions.Add(() => planning.Rank(indicator, year, "620000"));
            questions.Add(() => planning.Rank(indicator, year, "620000", "county"));
            questions.AddRange(cities.Select(city => (Func<RankResult>)(() => planning.Rank(indicator, year, city))));
        }
        Console.Error.WriteLine($"[indicators] in-process rank: {questions.Count} warm-up, {options.Queries} timed …");
        foreach (var question in questions)
        {
            question();
        }
        var times = new List<double>();
        for (var i = 0; i < options.Queries; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var result = questions[i % questions.Count]();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (result.Rows.Count == 0)
            {
                throw new InvalidOperationException($"rank {result.Indicator.Code} within {result.Within} returned no rows");
            }
        }
        return times;
    }

    /// ./ipwh rank … --format json as a planner's script runs it: a new process each time.
    private List<double> RankProcess(string config)
    {
        var root = RepositoryRoot();
        var times = new List<double>();
        Console.Error.WriteLine($"[indicators] ./ipwh rank × {options.Runs + 1} (the first one untimed) …");
        for (var i = 0; i <= options.Runs; i++)
        {
            var start = new ProcessStartInfo(Path.Combine(root, "ipwh"))
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = root,
            };
            foreach (var arg in new[] { "rank", "--indicator", "valid_invention_per_10k", "--year", "2024", "--within", "620000", "--level", "county", "--format", "json", "--config", config })
            {
                start.ArgumentList.Add(arg);
            }
            var started = Stopwatch.GetTimestamp();
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (process.ExitCode != 0 || !stdout.Result.TrimStart().StartsWith('['))
            {
                throw new InvalidOperationException($"./ipwh rank failed ({process.ExitCode}): {stderr.Result}");
            }
            if (i > 0)
            {
                // the first run may build ./ipwh; a planner's later runs do not
                times.Add(elapsed);
            }
        }
        return times;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "IpWarehouse.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("No IpWarehouse.sln above the benchmark: run it from the repository.");
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        // nearest rank
        var index = (int)Math.Ceiling(p * sorted.Count) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
    }

    private static string Verdict(bool pass) => pass ? "PASS" : "MISS";

    private sealed class Recorder(Action<LoadProgress> handler) : IProgress<LoadProgress>
    {
        public void Report(LoadProgress value) => handler(value);
    }
}
