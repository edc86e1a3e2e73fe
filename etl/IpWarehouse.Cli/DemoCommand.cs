using System.CommandLine;
using System.Globalization;
using IpWarehouse.Etl.Configuration;
using IpWarehouse.Etl.Demo;
using IpWarehouse.Etl.Loading;

namespace IpWarehouse.Cli;

/// <summary><c>ipwh demo</c>: writes a realistic demo of Gansu province and loads it.</summary>
internal static class DemoCommand
{
    internal static Command Create()
    {
        var dir = new Option<string>("--dir")
        {
            Description = "Where to write the demo sources, its ipwh.json and its warehouse.",
            DefaultValueFactory = _ => DemoGenerator.DefaultDirectory,
        };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed writes the same demo.", DefaultValueFactory = _ => DemoGenerator.DefaultSeed };
        var scale = new Option<double>("--scale") { Description = "Volume multiplier (1 ≈ 30 000 patents, 100 000 trademarks).", DefaultValueFactory = _ => 1.0 };
        var command = new Command("demo", "Write a demo of Gansu (620000): patents, trademarks, cases, subsidies, population, targets, designations, training; then load it.")
        {
            dir, seed, scale,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var directory = Path.GetFullPath(result.GetValue(dir)!);
            Console.Error.WriteLine($"ipwh: writing the Gansu demo to {directory} …");
            var summary = DemoGenerator.Generate(directory, result.GetValue(seed), result.GetValue(scale), TimeProvider.System);
            Console.WriteLine(summary.Describe());

            var config = ConfigLoader.Load(summary.ConfigPath, Environment.GetEnvironmentVariable);
            var report = await LoadCommand.Run(new Loader(config), new LoadRequest { Trigger = "demo" }, cancellationToken).ConfigureAwait(false);
            LoadCommand.Print(report, Console.Out);

            var relative = Path.GetRelativePath(Environment.CurrentDirectory, summary.ConfigPath);
            var quarantined = report.Sources.Sum(s => s.RowsQuarantined).ToString("N0", CultureInfo.InvariantCulture);
            Console.WriteLine();
            Console.WriteLine($"已加载演示数据 Loaded the demo: {quarantined} row(s) quarantined on purpose, each with its reason.");
            Console.WriteLine($"Warehouse: {report.PublishedDatabase}");
            Console.WriteLine("Next:");
            Console.WriteLine($"  ./ipwh runs --config {relative}");
            Console.WriteLine($"  ./ipwh rejects --config {relative}");
            Console.WriteLine($"  ./ipwh sql --config {relative} \"SELECT region_code, patent_type, count(*) AS n FROM fact_patent GROUP BY ALL ORDER BY n DESC LIMIT 10\"");
            Console.WriteLine($"  ./ipwh check --config {relative}");
            Console.WriteLine($"  ./ipwh rank --config {relative} --indicator valid_invention_per_10k --year 2024 --within 620000");
            Console.WriteLine($"  ./ipwh targets --config {relative} --year 2024");
            Console.WriteLine($"  ./ipwh reconcile --config {relative} --year 2024");
            Console.WriteLine($"  ./ipwh serve --config {relative}        # then open http://127.0.0.1:5080/ (地区概况, 排名, 地图, 趋势, 目标, 对账, 违规资助, 评价指数, 即将到期, 未结案件, 运行, SQL)");
            return LoadCommand.ExitCode(report);
        });
        return command;
    }
}
