using System.CommandLine;
using IpWarehouse.Etl.Loading;
using Spectre.Console;

namespace IpWarehouse.Cli;

/// <summary><c>ipwh load</c>: one batch from the configured sources to a new published warehouse.</summary>
internal static class LoadCommand
{
    private static readonly string[] Steps = ["landing", "landed", "validating", "merging"];

    internal static Command Create()
    {
        var config = CommonOptions.Config();
        var full = new Option<bool>("--full") { Description = "Re-read every source in full, ignoring watermarks." };
        var source = new Option<string[]>("--source") { Description = "Load only this source (repeatable).", AllowMultipleArgumentsPerToken = false };
        var rebuildMarts = new Option<bool>("--rebuild-marts")
        {
            Description = "Rebuild the indicator marts whole from every fact, instead of only the rows this load's changes can affect.",
        };
        var command = new Command("load", "Load every source (or --source NAME) into the warehouse and publish it.") { config, full, source, rebuildMarts };
        command.SetAction(async (result, cancellationToken) =>
        {
            var configuration = CommonOptions.LoadConfig(result, config);
            var request = new LoadRequest { Full = result.GetValue(full), Sources = result.GetValue(source) ?? [], Trigger = "cli", RebuildMarts = result.GetValue(rebuildMarts) };
            var report = await Run(new Loader(configuration), request, cancellationToken).ConfigureAwait(false);
            Print(report, Console.Out);
            return ExitCode(report);
        });
        return command;
    }

    /// <summary>Runs a load with progress: bars on a terminal, plain lines otherwise.</summary>
    internal static async Task<LoadReport> Run(Loader loader, LoadRequest request, CancellationToken cancellationToken)
    {
        if (!Terminal.IsInteractive)
        {
            var lines = new ActionProgress(p => Console.Error.WriteLine($"ipwh: {(p.Source is null ? "" : p.Source + ": ")}{p.Phase}: {p.Detail}"));
            return await loader.RunAsync(request, lines, cancellationToken).ConfigureAwait(false);
        }

        LoadReport? report = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new SpinnerColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                var progress = new ActionProgress(p =>
                {
                    var key = p.Source ?? "(batch)";
                    if (!tasks.TryGetValue(key, out var task))
                    {
                        task = context.AddTask(Markup.Escape(key), maxValue: Steps.Length + 1);
                        tasks[key] = task;
                    }
                    task.Description = Markup.Escape($"{key}: {p.Detail}");
                    var step = Array.IndexOf(Steps, p.Phase);
                    task.Value = p.Phase is "done" or "failed" ? task.MaxValue : Math.Max(task.Value, step + 1);
                });
                report = await loader.RunAsync(request, progress, cancellationToken).ConfigureAwait(false);
                foreach (var task in tasks.Values)
                {
                    task.Value = task.MaxValue;
                }
            }).ConfigureAwait(false);
        return report!;
    }

    internal static void Print(LoadReport report, TextWriter output)
    {
        var console = Terminal.For(output);
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("来源 source", "类型 kind", "状态 status", "读取 read", "接收 accepted", "隔离 quarantined", "说明 message");
        foreach (var s in report.Sources)
        {
            table.AddRow(Markup.Escape(s.Name), s.Kind, s.Status, s.RowsRead.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
                s.RowsAccepted.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
                s.RowsQuarantined.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(s.Message ?? ""));
        }
        console.Write(table);
        console.WriteLine($"batch {report.BatchId}: {report.Status} in {(report.FinishedAt - report.StartedAt).TotalSeconds:F1} s");
        if (report.PublishedDatabase is not null)
        {
            console.WriteLine($"published: {report.PublishedDatabase}" +
                (report.PublishedAt is { } at ? $" (time to publish {(at - report.StartedAt).TotalSeconds:F1} s)" : ""));
            if (report.Marts is not null)
            {
                console.WriteLine($"marts:     {report.Marts}");
            }
            console.WriteLine(report.SnapshotStatus == "written"
                ? $"snapshot:  {report.Snapshot} ({report.SnapshotMessage})"
                : $"snapshot:  {report.SnapshotStatus}: {report.SnapshotMessage}");
            if (report.Retention is { } retention && retention.Snapshots.Count + retention.Versions.Count > 0)
            {
                console.WriteLine(retention.Summary);
            }
        }
        if (report.Message is not null)
        {
            console.WriteLine(report.Message);
        }
    }

    internal static int ExitCode(LoadReport report) => report.Status switch
    {
        "succeeded" => 0,
        "partial" => 2,
        _ => 1,
    };

    /// Reports progress on the loader's own thread (System.Progress posts to the thread pool), so
    /// lines and bars appear in order.
    private sealed class ActionProgress(Action<LoadProgress> handler) : IProgress<LoadProgress>
    {
        public void Report(LoadProgress value) => handler(value);
    }
}
