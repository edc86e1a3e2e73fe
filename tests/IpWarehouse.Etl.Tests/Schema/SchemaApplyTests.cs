using DuckDB.NET.Data;
using IpWarehouse.Etl.Warehouse;
using WarehouseSchema = IpWarehouse.Etl.Warehouse.Schema;

namespace IpWarehouse.Etl.Tests.Schema;

public sealed class SchemaApplyTests : IDisposable
{
    private readonly SchemaDatabase database = new();

    [Fact]
    public void Apply_creates_every_table_and_records_the_version()
    {
        Assert.Equal(WarehouseSchema.Tables.Order(StringComparer.Ordinal), SchemaDatabase.TableNames(database.Connection));
        Assert.Equal(
            [["3", "2024-01-14 17:30:00Z"]],
            database.Rows("SELECT version, strftime(applied_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M:%SZ') FROM schema_version"));
        Assert.Equal(WarehouseSchema.Version, WarehouseSchema.AppliedVersion(database.Connection));
    }

    [Fact]
    public void Applying_twice_to_a_file_changes_nothing_and_keeps_the_rows()
    {
        var surface = SchemaSurface.Lines(database.Connection);
        database.Execute("""
            INSERT INTO etl_batch (batch_id, status, trigger, started_at) VALUES ('b1', 'running', 'cli', TIMESTAMPTZ '2024-01-15 01:30:00+08');
            INSERT INTO fact_training (event_id, event_date, region_code, person_times, source_name, batch_id, source_row, first_loaded_batch, updated_batch)
            VALUES ('T-1', DATE '2024-01-10', '622901', 120, 'training', 'b1', 2, 'b1', 'b1');
            """);
        database.Reopen();

        WarehouseSchema.Apply(database.Connection, TimeProvider.System);
        database.Reopen();
        WarehouseSchema.Apply(database.Connection);

        Assert.Equal(surface, SchemaSurface.Lines(database.Connection));
        Assert.Equal(
            [["3", "2024-01-14 17:30:00Z"]],
            database.Rows("SELECT version, strftime(applied_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M:%SZ') FROM schema_version"));
        Assert.Equal([["T-1", "120"]], database.Rows("SELECT event_id, person_times FROM fact_training"));
        Assert.Equal([["b1"]], database.Rows("SELECT batch_id FROM etl_batch"));
    }

    [Fact]
    public void Apply_refuses_a_warehouse_of_a_newer_schema_and_leaves_it_unchanged()
    {
        database.Execute("INSERT INTO schema_version VALUES (4, now())");
        database.Execute("COMMENT ON TABLE fact_patent IS 'written by version 4'");

        var error = Assert.Throws<SchemaException>(() => WarehouseSchema.Apply(database.Connection));

        Assert.Equal(4, error.WarehouseVersion);
        Assert.Contains("schema version 4, newer than this program's version 3", error.Message, StringComparison.Ordinal);
        Assert.Contains(database.Path, error.Message, StringComparison.Ordinal);
        Assert.False(error.IsTransient);
        Assert.Equal("written by version 4", database.Rows("SELECT comment FROM duckdb_tables() WHERE table_name = 'fact_patent'")[0][0]);
    }

    [Fact]
    public void A_failing_file_is_named_and_nothing_is_applied()
    {
        using var fresh = new SchemaDatabase(apply: false);
        // An object of another kind under a table's name makes that table's file fail.
        fresh.Execute("CREATE VIEW fact_case AS SELECT 1 AS case_no");

        var error = Assert.Throws<SchemaException>(() => WarehouseSchema.Apply(fresh.Connection));

        Assert.Equal("schema/130_fact_case.sql", error.SqlFile);
        Assert.Contains("warehouse-sql/schema/130_fact_case.sql", error.Message, StringComparison.Ordinal);
        Assert.IsType<DuckDBException>(error.InnerException);
        Assert.Empty(SchemaDatabase.TableNames(fresh.Connection));
        Assert.Null(WarehouseSchema.AppliedVersion(fresh.Connection));
    }

    [Fact]
    public void A_warehouse_that_crashed_before_its_checkpoint_opens_with_its_schema()
    {
        // Copy the file and its write-ahead log while the connection is open: what a killed loader leaves.
        using var fresh = new SchemaDatabase(apply: false);
        WarehouseSchema.Apply(fresh.Connection);
        Assert.True(File.Exists(fresh.Path + ".wal"), "the DDL should still be in the write-ahead log");
        var copy = fresh.Folder.File("crashed/warehouse.duckdb");
        File.Copy(fresh.Path, copy);
        File.Copy(fresh.Path + ".wal", copy + ".wal");

        // DuckDB 1.5.6 replays COMMENT ON by rebinding the table's CHECK constraints, which fails for a CHECK
        // that calls a function; the schema's checks are IN lists so that this open succeeds.
        DuckDBConnection reopened;
        try
        {
            reopened = SchemaDatabase.Open(copy);
        }
        catch (DuckDBException error)
        {
            Assert.Fail("A warehouse left by a crash after Schema.Apply does not open. If the error is about replaying the WAL, " +
                "a CHECK constraint in warehouse-sql/schema/ probably calls a function (regexp_full_match, LIKE, +); keep checks to IN lists " +
                $"and comparisons. DuckDB: {error.Message.Split('\n')[0]}");
            throw;
        }
        using var disposeReopened = reopened;

        Assert.Equal(WarehouseSchema.Tables.Order(StringComparer.Ordinal), SchemaDatabase.TableNames(reopened));
        Assert.Empty(SchemaCommentTests.Uncommented(reopened));
        Assert.Equal(WarehouseSchema.Version, WarehouseSchema.AppliedVersion(reopened));
    }

    [Fact]
    public void The_files_that_run_are_the_files_of_the_schema_folder_in_number_order()
    {
        var onDisk = Directory.GetFiles(Path.Combine(WarehouseSql.Root, "schema"), "*.sql")
            .Select(path => "schema/" + Path.GetFileName(path))
            .Order(StringComparer.Ordinal);

        Assert.Equal(onDisk, WarehouseSchema.Files);
        Assert.All(WarehouseSchema.Files, file => Assert.Matches(@"^schema/\d{3}_[a-z_]+\.sql$", file));
    }

    [Fact]
    public void Every_table_but_the_loader_state_is_published()
    {
        Assert.Equal(["etl_watermark"], WarehouseSchema.Tables.Except(WarehouseSchema.PublishedTables));
        Assert.Empty(WarehouseSchema.PublishedTables.Except(WarehouseSchema.Tables));
        Assert.Equal(WarehouseSchema.PublishedTables.Count, WarehouseSchema.PublishedTables.Distinct().Count());
    }

    [Fact]
    public void Each_file_opens_with_its_grain_and_key_and_creates_its_own_table()
    {
        Assert.Equal(WarehouseSchema.Files.Count, WarehouseSchema.Tables.Count);
        for (var i = 0; i < WarehouseSchema.Files.Count; i++)
        {
            var file = WarehouseSchema.Files[i];
            var table = WarehouseSchema.Tables[i];
            var text = WarehouseSql.Read(file);
            Assert.EndsWith($"_{table}.sql", file, StringComparison.Ordinal);
            Assert.StartsWith($"-- {table}: ", text, StringComparison.Ordinal);
            Assert.Contains("-- Grain: ", text, StringComparison.Ordinal);
            Assert.Contains("-- Key: ", text, StringComparison.Ordinal);
            Assert.Contains("-- Constraints: ", text, StringComparison.Ordinal);
            Assert.Contains($"CREATE TABLE IF NOT EXISTS {table} (", text, StringComparison.Ordinal);
        }
    }

    public void Dispose() => database.Dispose();
}
