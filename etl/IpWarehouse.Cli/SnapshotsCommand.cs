using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using IpWarehouse.Etl.Loading;
using IpWarehouse.Etl.Snapshots;
using IpWarehouse.Etl.Warehouse;
using Spectre.Console;

namespace IpWarehouse.Cli;

/// <summary><c>ipwh snapshots verify [--deep] [AS-OF]</c>: reads a Parquet snapshot back with Parquet.Net and compares it with what was published.</summary>
internal static class SnapshotsCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    internal static Command Create()
    {
        var config = CommonOptions.Config();
        var format = CommonOptions.Format();
        var deep = new Option<bool>("--deep")
        {
            Description = "Also decode every value with Parquet.Net and compare each column's count, nulls, min, max and sum (or hash) with DuckDB's.",
        };
        var asOf = new Argument<string?>("AS-OF")
        {
            Description = "The snapshot: its folder name (e.g. 2026-11-21T020000) or its start (a day: the latest of that day). Default: the latest.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var verify = new Command("verify",
            "Open every file of a snapshot with Parquet.Net: columns, types, rows and batch metadata must equal the published tables (the current publish) or the snapshot's manifest (an older one).")
        {
            asOf, deep, config, format,
        };
        verify.SetAction(async (result, cancellationToken) =>
        {
            var configuration = CommonOptions.LoadConfig(result, config, checkFiles: false);
            var paths = new WarehousePaths(configuration.Warehouse);
            var snapshot = SnapshotFolder.Find(paths, result.GetValue(asOf));
            var report = await SnapshotVerifier.VerifyAsync(paths, snapshot, result.GetValue(deep), cancellationToken).ConfigureAwait(false);
            if (result.GetValue(format) == OutputFormat.Json)
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(JsonShape(snapshot, report), Json));
            }
            else
            {
                WriteTable(snapshot, report, Console.Out);
            }
            return report.Passed ? 0 : 1;
        });
        return new Command("snapshots",
            "The Parquet snapshot each publish is followed by: list them, pin/unpin one against retention, prune, write a failed one, verify one.")
        {
            verify, List(), Pin(pinned: true), Pin(pinned: false), Prune(), Write(),
        };
    }

    private static Command List()
    {
        var config = CommonOptions.Config();
        var format = CommonOptions.Format();
        var command = new Command("list", "Every publish and its snapshot: written, pending, failed or removed, its size, whether it is pinned and why retention keeps it.")
        {
            config, format,
        };
        command.SetAction(result =>
        {
            var configuration = CommonOptions.LoadConfig(result, config, checkFiles: false);
            var paths = new WarehousePaths(configuration.Warehouse);
            var entries = SnapshotLedger.Read(paths);
            var rule = SnapshotRetention.FromConfig(configuration);
            var kept = rule.Kept(entries, PublishedMarker.Read(paths)?.BatchId, DateTimeOffset.UtcNow, configuration.TimeZone);
            if (result.GetValue(format) == OutputFormat.Json)
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(entries.Select(e => new
                {
                    snapshot = e.Snapshot,
                    batch_id = e.BatchId,
                    as_of = e.AsOf,
                    published_at = e.PublishedAt,
                    snapshot_status = e.Status,
                    snapshot_finished_at = e.FinishedAt,
                    verification = e.Verification,
                    bytes = e.Bytes,
                    pinned = e.Pinned,
                    note = e.Note,
                    kept = kept.Contains(e.BatchId),
                    message = e.Message,
                }), Json));
                return 0;
            }
            var console = Terminal.For(Console.Out);
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumns("快照 snapshot", "批次 batch", "状态 status", "大小 size", "固定 pinned", "保留 kept");
            foreach (var e in entries)
            {
                table.AddRow(Markup.Escape(e.Snapshot ?? "—"), Markup.Escape(e.BatchId), SnapshotLedger.Label(e.Status),
                    e.Bytes is { } b && e.Status == SnapshotLedger.Written ? RetentionSize(b) : "",
                    e.Pinned ? Markup.Escape("📌 " + (e.Note ?? "")) : "", kept.Contains(e.BatchId) ? "是 yes" : "否 no");
            }
            console.Write(table);
            var written = entries.Where(e => e.Status == SnapshotLedger.Written).ToList();
            console.WriteLine($"{written.Count} 个快照 snapshots on disk, {RetentionSize(written.Sum(e => e.Bytes ?? 0))}; 保留策略 retention snapshots.keep = {rule}");
            return 0;
        });
        return command;
    }

    private static Command Pin(bool pinned)
    {
        var config = CommonOptions.Config();
        var asOf = new Argument<string>("AS-OF") { Description = "The snapshot: its folder name, its start (a day: the latest of that day) or its batch id." };
        var note = new Option<string?>("--note") { Description = "Why it is kept, e.g. \"2024年度考核上报\"." };
        var command = pinned
            ? new Command("pin", "Pin a snapshot: retention never removes it nor its published version.") { asOf, note, config }
            : new Command("unpin", "Unpin a snapshot: retention treats it like any other again (the next prune may remove it).") { asOf, config };
        command.SetAction(result =>
        {
            var configuration = CommonOptions.LoadConfig(result, config, checkFiles: false);
            var entry = SnapshotPins.Set(new WarehousePaths(configuration.Warehouse), result.GetValue(asOf)!, pinned, pinned ? result.GetValue(note) : null);
            Console.Out.WriteLine(pinned
                ? $"已固定 pinned: {entry.Snapshot ?? entry.BatchId} (batch {entry.BatchId}){(entry.Note is null ? "" : " · " + entry.Note)}"
                : $"已取消固定 unpinned: {entry.Snapshot ?? entry.BatchId} (batch {entry.BatchId}); retention may remove it at the next prune");
            return 0;
        });
        return command;
    }

    private static Command Prune()
    {
        var config = CommonOptions.Config();
        var command = new Command("prune", "Remove the snapshots and published versions retention no longer keeps (every load does this after publishing); prints what went and the space freed.")
        {
            config,
        };
        command.SetAction(result =>
        {
            var configuration = CommonOptions.LoadConfig(result, config, checkFiles: false);
            var report = new Loader(configuration).Prune();
            foreach (var snapshot in report.Snapshots)
            {
                Console.Out.WriteLine(snapshot.Snapshot is null
                    ? $"removed (never written, was {snapshot.Status}): batch {snapshot.BatchId}"
                    : $"removed snapshot {snapshot.Snapshot} (batch {snapshot.BatchId}): {RetentionSize(snapshot.Bytes)}");
            }
            foreach (var version in report.Versions)
            {
                Console.Out.WriteLine($"removed published version {version.BatchId}: {RetentionSize(version.Bytes)}");
            }
            Console.Out.WriteLine(report.Snapshots.Count + report.Versions.Count == 0 ? "nothing to remove; 0.0 MB freed" : report.Summary);
            return 0;
        });
        return command;
    }

    private static Command Write()
    {
        var config = CommonOptions.Config();
        var batch = new Argument<string>("BATCH") { Description = "The batch whose snapshot failed or was interrupted ('ipwh runs' shows snapshot_status)." };
        var command = new Command("write", "Write the snapshot of a publish from its published version (after a failed or interrupted snapshot).") { batch, config };
        command.SetAction(result =>
        {
            var configuration = CommonOptions.LoadConfig(result, config, checkFiles: false);
            var entry = new Loader(configuration).WriteSnapshot(result.GetValue(batch)!);
            Console.Out.WriteLine($"快照已写入 snapshot written: {entry.Snapshot} (batch {entry.BatchId}) · {entry.Verification} · {RetentionSize(entry.Bytes ?? 0)}");
            return 0;
        });
        return command;
    }

    private static string RetentionSize(long bytes) => RetentionReport.ByteSize(bytes);

    private static object JsonShape(SnapshotFolder snapshot, SnapshotReport report) => new
    {
        snapshot = snapshot.Name,
        batch_id = report.Expected.BatchId,
        as_of = report.Expected.AsOf,
        schema_version = report.Expected.SchemaVersion,
        compared_with = report.Expected.ComparedWith,
        deep_compared_with = report.DeepComparedWith,
        passed = report.Passed,
        files = report.Files,
        rows = report.Rows,
        seconds = Math.Round(report.Elapsed.TotalSeconds, 3),
        tables = report.Tables.Select(t => new { table = t.Table, files = t.Files, rows = t.Rows, expected_rows = t.ExpectedRows, columns = t.Columns }),
        problems = report.Problems.Select(p => new { file = p.File, table = p.Table, column = p.Column, check = p.Check, expected = p.Expected, found = p.Found, message = p.Message }),
        columns = report.DeepComparedWith is null ? null : report.Columns.Select(c => new { table = c.Table, column = c.Column, type = c.Type, equal = c.Equal, parquet = c.Parquet, reference = c.Reference }),
    };

    private static void WriteTable(SnapshotFolder snapshot, SnapshotReport report, TextWriter output)
    {
        var console = Terminal.For(output);
        console.WriteLine($"快照 snapshot {snapshot.Name} · 批次 batch {report.Expected.BatchId} · 数据截至 as of {report.Expected.AsOf}");
        console.WriteLine($"对照 compared with: {report.Expected.ComparedWith}");
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("表 table", "文件 files", "行数 rows (snapshot / expected)", "列 columns", "结果 result");
        foreach (var t in report.Tables)
        {
            var failed = report.Problems.Any(p => p.Table == t.Table);
            table.AddRow(Markup.Escape(t.Table), Count(t.Files), $"{Count(t.Rows)} / {Count(t.ExpectedRows)}", Count(t.Columns),
                failed ? "[red]不符 differs[/]" : "通过 ok");
        }
        console.Write(table);
        if (report.DeepComparedWith is not null)
        {
            var equal = report.Columns.Count(c => c.Equal);
            console.WriteLine($"逐值比对 every value decoded: {equal} of {report.Columns.Count} column(s) equal to {report.DeepComparedWith} (count, nulls, min, max, sum or hash)");
        }
        foreach (var problem in report.Problems)
        {
            console.WriteLine("✗ " + problem.Message);
        }
        var seconds = report.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
        console.WriteLine(report.Passed
            ? $"快照校验通过 / snapshot verified: {report.Tables.Count} tables, {Count(report.Files)} files, {Count(report.Rows)} rows, batch metadata in every file ({seconds} s)"
            : $"快照校验失败 / snapshot verification FAILED: {report.Problems.Count} problem(s) ({seconds} s)");
    }

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
