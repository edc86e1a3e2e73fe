using System.Text.Json.Nodes;
using IpWarehouse.Etl.Snapshots;
using IpWarehouse.Etl.Tests.Infrastructure;
using IpWarehouse.Etl.Warehouse;

namespace IpWarehouse.Etl.Tests.Snapshots;

/// `ipwh snapshots verify` on a real publish's snapshot: it passes as written, and every kind of tampering a
/// footer or a value can show fails with the file, table, column and what differed.
public sealed class SnapshotVerifierTests(SnapshotDemo demo) : IClassFixture<SnapshotDemo>, IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private (WarehousePaths Paths, SnapshotFolder Snapshot, SnapshotManifest Manifest) Copy()
    {
        var paths = demo.CopyTo(folder);
        var snapshot = SnapshotFolder.Find(paths, null);
        return (paths, snapshot, snapshot.ReadManifest());
    }

    [Fact]
    public async Task The_snapshot_a_publish_wrote_verifies_against_the_published_warehouse_by_footer_and_by_every_value()
    {
        var (paths, snapshot, manifest) = Copy();

        var footers = await SnapshotVerifier.VerifyAsync(paths, snapshot, deep: false);
        Assert.True(footers.Passed, string.Join("\n", footers.Problems.Select(p => p.Message)));
        Assert.Contains("published warehouse", footers.Expected.ComparedWith, StringComparison.Ordinal);
        Assert.Equal(manifest.Tables.Select(t => t.Name), footers.Tables.Select(t => t.Table));
        Assert.All(footers.Tables, t => Assert.Equal(t.ExpectedRows, t.Rows));
        var patents = footers.Tables.Single(t => t.Table == "fact_patent");
        Assert.True(patents is { Files: > 1, Rows: > 0 }, $"fact_patent is partitioned by year: {patents}");

        var deep = await SnapshotVerifier.VerifyAsync(paths, snapshot, deep: true);
        Assert.True(deep.Passed, string.Join("\n", deep.Problems.Select(p => p.Message)));
        Assert.Equal(manifest.Tables.Sum(t => t.Columns.Count), deep.Columns.Count);
        Assert.All(deep.Columns, c => Assert.True(c.Equal, $"{c.Table}.{c.Column}"));
        var amount = deep.Columns.Single(c => c.Table == "fact_subsidy_payment" && c.Column == "paid_amount");
        Assert.Equal("DECIMAL(18,2)", amount.Type);
        Assert.Matches(@"^\d+\.\d\d$", amount.Parquet.Sum);
    }

    [Fact]
    public async Task An_older_snapshot_is_compared_with_its_manifest_and_with_duckdb_reading_the_same_files()
    {
        var (paths, snapshot, _) = Copy();
        var marker = JsonNode.Parse(File.ReadAllText(paths.PublishedMarker))!;
        marker["batch_id"] = "20990101T000000-0000"; // a later publish is current now
        File.WriteAllText(paths.PublishedMarker, marker.ToJsonString());

        var deep = await SnapshotVerifier.VerifyAsync(paths, snapshot, deep: true);

        Assert.True(deep.Passed, string.Join("\n", deep.Problems.Select(p => p.Message)));
        Assert.Equal("manifest.json", deep.Expected.ComparedWith);
        Assert.Contains("read_parquet", deep.DeepComparedWith, StringComparison.Ordinal);
        Assert.NotEmpty(deep.Columns);
    }

    [Fact]
    public async Task A_partition_with_a_row_missing_fails_with_the_table_and_both_row_counts()
    {
        var (paths, snapshot, manifest) = Copy();
        var file = Directory.GetFiles(Path.Combine(snapshot.Path, "fact_patent"), "*.parquet", SearchOption.AllDirectories)[0];
        SnapshotTampering.Rewrite(file, "SELECT * FROM {old} LIMIT (SELECT count(*) - 1 FROM {old})");
        var rows = manifest.Tables.Single(t => t.Name == "fact_patent").Rows;

        var report = await SnapshotVerifier.VerifyAsync(paths, snapshot, deep: false);

        var problem = Assert.Single(report.Problems);
        Assert.Equal(("fact_patent/", "fact_patent", null, "row_count"), (problem.File, problem.Table, problem.Column, problem.Check));
        Assert.Equal($"{rows:N0} rows", problem.Expected);
        Assert.StartsWith($"{rows - 1:N0} rows in ", problem.Found, StringComparison.Ordinal);
        Assert.Contains("行数不同 row count differs", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_renamed_column_fails_naming_the_file_the_column_and_both_names()
    {
        var (paths, snapshot, manifest) = Copy();
        SnapshotTampering.Rewrite(Path.Combine(snapshot.Path, "dim_region.parquet"), "SELECT * RENAME (name AS region_name) FROM {old}");

        var report = await SnapshotVerifier.VerifyAsync(paths, snapshot, deep: true);

        var problem = Assert.Single(report.Problems);
        Assert.Equal(("dim_region.parquet", "dim_region", "name", "column_name", "region_name"),
            (problem.File, problem.Table, problem.Column, problem.Check, problem.Found));
        Assert.Equal("dim_region.parquet: dim_region.name: 列名不同 column name differs: expected column 2 named name, found region_name", problem.Message);
        Assert.DoesNotContain(report.Columns, c => c.Table == "dim_region"); // a table whose footer differs is not decoded
    }

    [Fact]
    public async Task A_column_of_another_type_fails_naming_both_types()
    {
        var (paths, snapshot, manifest) = Copy();
        SnapshotTampering.Rewrite(Path.Combine(snapshot.Path, "dim_region.parquet"), "SELECT * REPLACE (CAST(valid_from AS VARCHAR) AS valid_from) FROM {old}");

        var problem = Assert.Single((await SnapshotVerifier.VerifyAsync(paths, snapshot, deep: false)).Problems);

        Assert.Equal(("dim_region", "valid_from", "column_type", "DATE", "VARCHAR"), (problem.Table, problem.Column, problem.Check, problem.Expected, problem.Found));
    }

    [Fact]
    public async Task A_file_without_the_batch_metadata_fails_naming_each_missing_key()
    {
        var (paths, snapshot, manifest) = Copy();
        SnapshotTampering.Rewrite(Path.Combine(snapshot.Path, "etl_batch.parquet"), "SELECT * FROM {old}", keepMetadata: false);

        var report = await SnapshotVerifier.VerifyAsync(paths, snapshot, deep: false);

        Assert.Equal(["no batch_id", "no as_of", "no schema_version"], report.Problems.Select(p => p.Found));
        Assert.All(report.Problems, p => Assert.Equal(("etl_batch.parquet", "metadata"), (p.File, p.Check)));
        Assert.Equal($"batch_id={manifest.BatchId}", report.Problems[0].Expected);
    }

    [Fact]
    public async Task A_changed_value_passes_the_footers_and_fails_the_deep_check_on_its_column_only()
    {
        var (paths, snapshot, manifest) = Copy();
        var file = Directory.GetFiles(Path.Combine(snapshot.Path, "fact_subsidy_payment"), "*.parquet", SearchOption.AllDirectories)[0];
        SnapshotTampering.Rewrite(file,
            "SELECT * REPLACE (CASE WHEN row_number() OVER () = 1 THEN paid_amount + 0.01 ELSE paid_amount END AS paid_amount) FROM {old}");

        Assert.True((await SnapshotVerifier.VerifyAsync(paths, snapshot, deep: false)).Passed);
        var deep = await SnapshotVerifier.VerifyAsync(paths, snapshot, deep: true);

        var problem = Assert.Single(deep.Problems);
        Assert.Equal(("fact_subsidy_payment", "paid_amount", "values"), (problem.Table, problem.Column, problem.Check));
        Assert.Contains("数值不同 decoded values differ", problem.Message, StringComparison.Ordinal);
        Assert.NotEqual(problem.Expected, problem.Found);
    }

    [Fact]
    public async Task A_missing_table_and_a_stray_file_are_both_named()
    {
        var (paths, snapshot, _) = Copy();
        File.Move(Path.Combine(snapshot.Path, "fact_target.parquet"), Path.Combine(snapshot.Path, "fact_targets.parquet"));

        var report = await SnapshotVerifier.VerifyAsync(paths, snapshot, deep: false);

        Assert.Equal(
            [("fact_target.parquet", "file_missing"), ("fact_targets.parquet", "file_unexpected")],
            report.Problems.Select(p => (p.File, p.Check)));
    }

    [Fact]
    public async Task A_file_that_is_not_parquet_is_named_unreadable()
    {
        var (paths, snapshot, _) = Copy();
        var file = Path.Combine(snapshot.Path, "fact_target.parquet");
        File.WriteAllBytes(file, File.ReadAllBytes(file)[..100]); // cut short, as a full disk leaves it

        var problem = Assert.Single((await SnapshotVerifier.VerifyAsync(paths, snapshot, deep: true)).Problems);

        Assert.Equal(("fact_target.parquet", "fact_target", "unreadable"), (problem.File, problem.Table, problem.Check));
        Assert.Contains("无法读取 Parquet.Net cannot read the file", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_snapshot_name_lists_the_snapshots_there_are()
    {
        var (paths, snapshot, _) = Copy();

        var error = Assert.Throws<SnapshotException>(() => SnapshotFolder.Find(paths, "1999-01-01"));

        Assert.Contains("No snapshot matches '1999-01-01'", error.Message, StringComparison.Ordinal);
        Assert.Contains(snapshot.Name, error.Message, StringComparison.Ordinal);
        Assert.Equal(snapshot, SnapshotFolder.Find(paths, snapshot.Name[..10]));
    }
}
