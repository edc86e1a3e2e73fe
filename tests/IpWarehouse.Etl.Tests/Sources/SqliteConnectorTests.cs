using IpWarehouse.Etl.Configuration;
using IpWarehouse.Etl.Sources;
using IpWarehouse.Etl.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace IpWarehouse.Etl.Tests.Sources;

/// Real SQLite files, found through ipwh.json's relative Data Source.
public sealed class SqliteConnectorTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly StagingWarehouse warehouse = new();

    public SqliteConnectorTests()
    {
        Execute("""
            CREATE TABLE population (行政区划代码 TEXT, 年份 INTEGER, 常住人口 INTEGER, 备注 TEXT, density REAL, updated TEXT);
            INSERT INTO population VALUES ('622901', 2022, 250000, 'a', 12.5, '2024-01-01T08:00:00');
            INSERT INTO population VALUES ('622902', 2022, 180000, NULL, NULL, '2024-01-02T08:00:00');
            INSERT INTO population VALUES ('622903', 2023, 90000, '', 0.1, '2024-01-03T08:00:00');
            CREATE TABLE "weird ] name" ("year" INTEGER, region TEXT, persons INTEGER);
            INSERT INTO "weird ] name" VALUES (2023, '620000', 2490000);
            """);
    }

    public void Dispose()
    {
        warehouse.Dispose();
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }

    [Fact]
    public void Opening_a_sqlite_file_works_at_run_time()
    {
        // Microsoft.Data.Sqlite 10.0.14 restores with SQLitePCLRaw 3.0.3 on this mirror: prove the native library loads.
        using var connection = new SqliteConnection($"Data Source={folder.File("stats.db")}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version()";
        Assert.StartsWith("3.", (string)command.ExecuteScalar()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_table_lands_through_a_relative_data_source()
    {
        var source = Configs.Source(folder, "population", "sqlite", "\"connection\": \"Data Source=stats.db\", \"table\": \"population\"");

        var result = await Load(source);

        Assert.Equal(3, result.RowsRead);
        Assert.Equal(
            [
                ["stats", "population", "1", "622901", "2022", "250000", null],
                ["stats", "population", "2", "622902", "2022", "180000", null],
                ["stats", "population", "3", "622903", "2023", "90000", null],
            ],
            warehouse.Rows("SELECT 'stats', _file, _row, region_code, year, population, population_type FROM stg ORDER BY _row"));
    }

    [Fact]
    public async Task A_text_watermark_reads_only_newer_rows()
    {
        var source = Configs.Source(folder, "population", "sqlite",
            "\"connection\": \"Data Source=stats.db\", \"table\": \"population\", \"watermark\": \"updated\"");

        var first = await Load(source);
        Assert.Equal("2024-01-03T08:00:00", first.Watermark);

        var second = await Load(source, new SourceLoadOptions { PreviousWatermark = "2024-01-01T08:00:00" });
        Assert.Equal(2, second.RowsRead);
        Assert.Equal("2024-01-03T08:00:00", second.Watermark);
        Assert.Equal([["1", "622902"], ["2", "622903"]], warehouse.Rows("SELECT _row, region_code FROM stg ORDER BY _row"));
    }

    [Fact]
    public async Task A_query_with_a_mapping_and_an_awkward_table_name()
    {
        var source = Configs.Source(folder, "population", "sqlite",
            """
            "connection": "Data Source=stats.db", "query": "SELECT * FROM \"weird ] name\"",
            "columns": { "region_code": "region", "population": "persons" }
            """);

        var result = await Load(source);

        Assert.Equal(1, result.RowsRead);
        Assert.Equal([[null, "620000", "2023", "2490000"]], warehouse.Rows("SELECT _file, region_code, year, population FROM stg"));
    }

    [Fact]
    public async Task A_missing_file_is_not_created_but_reported()
    {
        var config = Configs.Load(folder,
            "{ \"sources\": [ { \"name\": \"stats\", \"kind\": \"population\", \"connector\": \"sqlite\", \"connection\": \"Data Source=gone.db\", \"table\": \"population\" } ] }",
            checkFiles: false);

        var error = await Assert.ThrowsAsync<SourceException>(() => Load(config.Sources[0]));

        Assert.False(File.Exists(folder.File("gone.db")));
        Assert.False(error.IsTransient);
        Assert.Contains("cannot connect", error.Message, StringComparison.Ordinal);
        var check = await SourceConnectors.CheckAsync(config.Sources[0]);
        Assert.Equal(SourceCheckStatus.Failed, check.Status);
    }

    [Fact]
    public async Task A_locked_database_is_transient()
    {
        using var writer = new SqliteConnection($"Data Source={folder.File("stats.db")}");
        writer.Open();
        using (var command = writer.CreateCommand())
        {
            command.CommandText = "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; UPDATE population SET 备注 = 'x';";
            command.ExecuteNonQuery();
        }
        var source = Configs.Source(folder, "population", "sqlite", "\"connection\": \"Data Source=stats.db;Default Timeout=1\", \"table\": \"population\"");

        var error = await Assert.ThrowsAsync<SourceException>(() => Load(source));

        Assert.True(error.IsTransient);
        Assert.Contains("the database is locked or busy: another process holds a lock on it", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("permission to read", error.Message, StringComparison.Ordinal);
        var check = await SourceConnectors.CheckAsync(source);
        Assert.Contains("locked or busy", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_is_ok_for_a_readable_table()
    {
        var source = Configs.Source(folder, "population", "sqlite", "\"connection\": \"Data Source=stats.db\", \"table\": \"population\"");
        var check = await SourceConnectors.CheckAsync(source);
        Assert.Equal(SourceCheckStatus.Ok, check.Status);
        Assert.Contains("3 of 4 population columns", check.Message, StringComparison.Ordinal);
    }

    private Task<SourceLoadResult> Load(SourceDefinition source, SourceLoadOptions? options = null) =>
        SourceConnectors.LoadAsync(source, warehouse.Connection, "stg", options);

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={folder.File("stats.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
