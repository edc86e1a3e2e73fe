using System.CommandLine;
using System.Text.Json;
using IpWarehouse.Etl.Snapshots;
using IpWarehouse.Etl.Warehouse;
using Spectre.Console;

namespace IpWarehouse.Cli;

/// <summary><c>ipwh runs</c>: the load history, newest first, with each source's counts.</summary>
internal static class RunsCommand
{
    internal static Command Create()
    {
        var config = CommonOptions.Config();
        var format = CommonOptions.Format();
        var limit = new Option<int>("--limit") { Description = "How many loads (newest first).", DefaultValueFactory = _ => 20 };
        var command = new Command("runs", "Show the load history: status, times and per-source rows read/accepted/quarantined.") { config, limit, format };
        command.SetAction(result =>
        {
            var configuration = CommonOptions.LoadConfig(result, config, checkFiles: false);
            using var connection = WarehouseConnections.OpenHistory(new WarehousePaths(configuration.Warehouse), out var fromCopy);
            if (fromCopy)
            {
                Console.Error.WriteLine("ipwh: a load is running; showing the history as of the last publish.");
            }
            var runs = RunHistory.Read(connection, result.GetValue(limit), new WarehousePaths(configuration.Warehouse));
            if (result.GetValue(format) == OutputFormat.Json)
            {
                WriteJson(runs, Console.Out);
            }
            else
            {
                WriteTable(runs, Console.Out);
            }
            return 0;
        });
        return command;
    }

    private static void WriteJson(IReadOnlyList<RunRecord> runs, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, RunHistory.JsonOptions))
        {
            RunHistory.WriteJson(runs, json);
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteTable(IReadOnlyList<RunRecord> runs, TextWriter output)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("批次 batch", "状态 status", "触发 trigger", "开始 started (UTC)", "用时 duration", "来源 sources (read / accepted / quarantined)");
        foreach (var run in runs)
        {
            var duration = run.FinishedAt is { } end ? $"{(end - run.StartedAt).TotalSeconds:F1} s" : "";
            var sources = string.Join("\n", run.Sources.Select(s => $"{s.Name} {s.Status}: {s.RowsRead:N0} / {s.RowsAccepted:N0} / {s.RowsQuarantined:N0}{Stale(s, run)}{Note(s)}"));
            table.AddRow(Markup.Escape(run.BatchId), run.Status + SnapshotText(run.SnapshotStatus), run.Trigger, run.StartedAt.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), duration, Markup.Escape(sources));
        }
        Terminal.For(output).Write(table);
    }

    /// The snapshot's status under the load's (快照 written, pending, failed, removed), short enough to keep the table's width.
    private static string SnapshotText(string? status) => status switch
    {
        null => "",
        SnapshotLedger.Failed => "\n[red]快照 failed[/]",
        _ => "\n快照 " + status,
    };

    /// What the load said about the source: why it failed, or what it loaded as written but wants looked at
    /// (free-text cells spanning lines, mapped columns not found).
    private static string Note(RunSourceRecord source) => source.Message is { Length: > 0 } message ? $"\n  说明 note: {message}" : "";

    /// A failed source's last good data stays published: say how old it is, so nobody mistakes it for tonight's.
    private static string Stale(RunSourceRecord source, RunRecord run) =>
        source.StaleDataAsOf is { } asOf && source.StaleAge(run.StartedAt) is { } age
            ? $"\n  陈旧 stale: data as of {asOf.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)} UTC ({age.TotalHours:F1} h old)"
            : "";
}
