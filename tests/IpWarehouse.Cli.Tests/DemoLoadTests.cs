using System.Text.Json;
using IpWarehouse.Etl.Demo;

namespace IpWarehouse.Cli.Tests;

/// The nightly load end to end on a small demo: the real `ipwh` process, real files, a real SQLite
/// "case system", DuckDB files on disk.
public sealed class DemoLoadTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly DemoSummary demo;

    public DemoLoadTests()
    {
        demo = DemoGenerator.Generate(folder.Path, seed: 7, scale: 0.02, TimeProvider.System);
    }

    public void Dispose() => folder.Dispose();

    private Ipwh.Result Run(params string[] args) => Ipwh.Run(folder.Path, null, [.. args, "--config", demo.ConfigPath]);

    private JsonElement Json(params string[] args)
    {
        var result = Run([.. args, "--format", "json"]);
        Assert.True(result.ExitCode == 0, $"ipwh {string.Join(' ', args)} failed: {result.Stderr}");
        return JsonDocument.Parse(result.Stdout).RootElement;
    }

    [Fact]
    public void Every_dirty_row_is_quarantined_with_its_reason_and_nothing_else_is()
    {
        var load = Run("load");
        Assert.True(load.ExitCode == 0, load.Stdout + load.Stderr);

        var rejects = Json("rejects").EnumerateArray()
            .Select(r => (Source: r.GetProperty("source").GetString()!, Row: r.GetProperty("row").GetInt64(),
                          Column: r.GetProperty("column").GetString()!, Reason: r.GetProperty("reason").GetString()!))
            .ToList();

        var missing = demo.DirtyRows
            .Where(d => !rejects.Contains((d.Source, d.Row, d.Column, d.Reason)))
            .Select(d => $"{d.Source} row {d.Row} {d.Column} {d.Reason} ({d.Why})")
            .ToList();
        Assert.True(missing.Count == 0, "dirty rows not quarantined as expected:\n" + string.Join("\n", missing));

        var unexpected = rejects
            .Where(r => !demo.DirtyRows.Any(d => d.Source == r.Source && d.Row == r.Row))
            .Select(r => $"{r.Source} row {r.Row} {r.Column} {r.Reason}")
            .ToList();
        Assert.True(unexpected.Count == 0, "good rows quarantined:\n" + string.Join("\n", unexpected.Take(20)));

        var reasons = rejects.Select(r => r.Reason).ToHashSet();
        foreach (var reason in new[] { "missing_required", "bad_date", "bad_number", "bad_enum", "bad_check_digit", "date_order", "unknown_region", "region_unresolved" })
        {
            Assert.Contains(reason, reasons);
        }
    }

    [Fact]
    public void Rows_read_equal_rows_accepted_plus_quarantined_for_every_source()
    {
        Assert.Equal(0, Run("load").ExitCode);
        var run = Json("runs")[0];
        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        var sources = run.GetProperty("sources").EnumerateArray().ToList();
        Assert.Equal(demo.Files.Select(f => f.Source).Distinct().Count(), sources.Count);
        foreach (var source in sources)
        {
            var name = source.GetProperty("name").GetString()!;
            var read = source.GetProperty("rows_read").GetInt64();
            Assert.Equal(read, source.GetProperty("rows_accepted").GetInt64() + source.GetProperty("rows_quarantined").GetInt64());
            Assert.Equal(demo.Files.Where(f => f.Source == name).Sum(f => f.Rows), read);
            Assert.Equal(demo.Files.Where(f => f.Source == name).Sum(f => f.DirtyRows), source.GetProperty("rows_quarantined").GetInt64());
        }
    }

    [Fact]
    public void Loading_the_same_inputs_again_changes_nothing()
    {
        Assert.Equal(0, Run("load").ExitCode);
        var before = Checksums();
        var second = Run("load", "--full");
        Assert.True(second.ExitCode == 0, second.Stderr);
        Assert.Equal(before, Checksums());
        Assert.Equal(2, Json("runs").GetArrayLength());
    }

    [Fact]
    public void Sql_reads_the_published_warehouse_and_cannot_touch_files()
    {
        Assert.Equal(0, Run("load").ExitCode);
        var rows = Json("sql", "SELECT count(*) AS n, count(DISTINCT region_code) AS regions FROM fact_patent");
        Assert.True(rows[0].GetProperty("n").GetInt64() > 0);

        foreach (var forbidden in new[]
        {
            "SELECT * FROM read_csv('/etc/passwd')",
            "COPY fact_patent TO '/tmp/ipwh-stolen.csv'",
            "CREATE TABLE x AS SELECT 1",
            "SET enable_external_access = true",
        })
        {
            var result = Run("sql", forbidden);
            Assert.True(result.ExitCode != 0, $"'{forbidden}' was allowed: {result.Stdout}");
            Assert.StartsWith("ipwh: ", result.Stderr, StringComparison.Ordinal);
        }
        Assert.False(File.Exists("/tmp/ipwh-stolen.csv"));
    }

    [Fact]
    public void Natural_persons_id_numbers_reach_neither_the_published_warehouse_nor_the_snapshot()
    {
        Assert.Equal(0, Run("load").ExitCode);
        var masks = Json("sql", "SELECT recipient_id_mask, recipient_id_hash FROM fact_subsidy_payment WHERE recipient_type = 'natural_person'");
        Assert.True(masks.GetArrayLength() > 0);
        foreach (var row in masks.EnumerateArray())
        {
            Assert.Matches("^[0-9]{6}\\*{8}[0-9]{3}[0-9X]$", row.GetProperty("recipient_id_mask").GetString()!);
            Assert.Matches("^[0-9a-f]{64}$", row.GetProperty("recipient_id_hash").GetString()!);
        }
        var columns = Json("sql", "SELECT table_name, column_name FROM duckdb_columns() WHERE column_name ILIKE '%id_number%' OR column_name = 'recipient_id'");
        Assert.Equal(0, columns.GetArrayLength());

        var warehouse = Path.Combine(folder.Path, "warehouse");
        var snapshot = Directory.GetDirectories(Path.Combine(warehouse, "snapshots")).Single();
        Assert.True(File.Exists(Path.Combine(snapshot, "manifest.json")));
        Assert.True(Directory.Exists(Path.Combine(snapshot, "fact_patent")), "fact_patent is partitioned by year");
        Assert.NotEmpty(Directory.GetDirectories(Path.Combine(snapshot, "fact_patent"), "year=*"));
        var salt = File.ReadAllText(Path.Combine(warehouse, "secrets", "id-salt")).Trim();
        foreach (var file in Directory.EnumerateFiles(snapshot, "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain(salt, File.ReadAllText(file), StringComparison.Ordinal);
        }
    }

    private static readonly string[] CheckedTables =
    [
        "fact_patent", "fact_trademark", "fact_case", "fact_subsidy_payment", "fact_population", "fact_target",
        "fact_designation", "fact_training", "dim_party", "bridge_patent_party",
    ];

    /// A checksum per fact table over every column, lineage included.
    private string Checksums()
    {
        var sql = string.Join(" UNION ALL ", CheckedTables.Select(t => $"SELECT '{t}' AS t, count(*) AS n, coalesce(bit_xor(hash(x)), 0) AS h FROM {t} AS x"));
        return Json("sql", sql + " ORDER BY t").ToString();
    }
}
