using System.CommandLine;
using System.Globalization;
using System.Text.Json;
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
        return new Command("snapshots", "The Parquet snapshots every publish writes: verify one with an independent reader.") { verify };
    }

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
