using DuckDB.NET.Data;
using IpWarehouse.Etl.DuckDb;
using IpWarehouse.Etl.Tests.Infrastructure;
using IpWarehouse.Etl.Warehouse;

namespace IpWarehouse.Etl.Tests.Warehouse;

/// What a statistician may do on the published warehouse (ipwh sql, POST /api/sql) and the data
/// dictionary beside it, on a published file made from the repository's own schema DDL.
public sealed class PublishedQueryTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly WarehousePaths paths;

    public PublishedQueryTests()
    {
        paths = new WarehousePaths(folder.Path);
        using var writer = DuckDbFactory.Open(paths.PublishedDatabase);
        Etl.Warehouse.Schema.Apply(writer);
        using var insert = writer.CreateCommand();
        insert.CommandText = "INSERT INTO dim_region VALUES ('620000', '甘肃省', '甘肃', 'province', NULL, '620000', NULL, FALSE, DATE '2023-01-01', NULL, TRUE)";
        insert.ExecuteNonQuery();
    }

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData("SELECT name FROM dim_region")]
    [InlineData("  -- a comment first\n WITH r AS (SELECT * FROM dim_region) SELECT name FROM r")]
    [InlineData("FROM dim_region SELECT name")]
    public void Queries_run(string sql)
    {
        using var connection = WarehouseConnections.OpenPublished(paths);
        using var reader = ReadOnlyQuery.Execute(connection, sql);
        Assert.True(reader.Read());
        Assert.Equal("甘肃省", reader.GetValue(0));
    }

    [Theory]
    [InlineData("COPY dim_region TO 'out.csv'", "COPY")]
    [InlineData("ATTACH 'other.duckdb' AS o", "ATTACH")]
    [InlineData("INSTALL httpfs", "INSTALL")]
    [InlineData("LOAD httpfs", "LOAD")]
    [InlineData("SET threads = 1", "SET")]
    [InlineData("DELETE FROM dim_region", "DELETE")]
    [InlineData("CREATE TABLE x AS SELECT 1", "CREATE")]
    [InlineData("PRAGMA enable_profiling", "PRAGMA")]
    public void Anything_but_a_query_is_refused_before_it_runs_and_the_refusal_names_it(string sql, string keyword)
    {
        using var connection = WarehouseConnections.OpenPublished(paths);
        var error = Assert.Throws<QueryRefusedException>(() => ReadOnlyQuery.Execute(connection, sql));
        Assert.Contains($"not {keyword}", error.Message, StringComparison.Ordinal);
        Assert.Contains("只允许查询", error.Message, StringComparison.Ordinal);
        Assert.Equal(1L, Convert.ToInt64(Scalar(connection, "SELECT count(*) FROM dim_region"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("SELECT * FROM read_csv('/etc/passwd')", "read_csv")]
    [InlineData("SELECT * FROM read_parquet('snapshots/x.parquet')", "read_parquet")]
    [InlineData("SELECT content FROM read_text('secrets/id-salt')", "read_text")]
    public void Reading_files_from_sql_is_refused_by_name(string sql, string function)
    {
        using var connection = WarehouseConnections.OpenPublished(paths);
        var error = Assert.Throws<QueryRefusedException>(() => ReadOnlyQuery.Execute(connection, sql));
        Assert.Contains($"不允许调用表函数 {function}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_named_as_a_table_is_refused_in_plain_words()
    {
        using var connection = WarehouseConnections.OpenPublished(paths);
        var error = Assert.Throws<QueryRefusedException>(() =>
        {
            using var reader = ReadOnlyQuery.Execute(connection, "SELECT * FROM '/etc/passwd.csv'");
            reader.Read();
        });
        Assert.Contains("不允许从 SQL 读写文件", error.Message, StringComparison.Ordinal);
        Assert.IsType<DuckDBException>(error.InnerException);
    }

    [Fact]
    public async Task A_query_over_its_time_limit_is_stopped_with_a_message_that_says_so()
    {
        using var connection = WarehouseConnections.OpenPublished(paths);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var run = Task.Run(() =>
        {
            using var reader = ReadOnlyQuery.Execute(connection,
                "SELECT count(*) FROM range(100000000000) a, range(100000) b WHERE a.range * b.range % 7 = 3", TimeSpan.FromSeconds(1));
            reader.Read();
        });
        if (await Task.WhenAny(run, Task.Delay(TimeSpan.FromMinutes(1))) != run)
        {
            // Stop it before failing: disposing a connection under a running query would take the test host down.
            connection.NativeConnection.Interrupt();
            await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(30)));
            Assert.Fail("the query ran on past its limit of 1 s (DuckDB.NET ignores CommandTimeout)");
        }

        var error = await Assert.ThrowsAsync<QueryTimeLimitException>(() => run);
        Assert.Contains("time limit of 1 s", error.Message, StringComparison.Ordinal);
        Assert.Contains("时间限制", error.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"stopped after {watch.Elapsed}");
    }

    [Fact]
    public void Rows_stream_the_first_arrives_before_the_query_has_finished()
    {
        // The error is raised at the 5 000 000th row: a materialised result fails before giving any row.
        using var connection = WarehouseConnections.OpenPublished(paths);
        using var reader = ReadOnlyQuery.Execute(connection, "SELECT CASE WHEN i = 5000000 THEN error('late') ELSE i END AS i FROM range(5000001) t(i)");

        Assert.True(reader.Read());
        Assert.Equal(0L, reader.GetValue(0));
        var error = Assert.ThrowsAny<DuckDBException>(() =>
        {
            while (reader.Read())
            {
            }
        });
        Assert.Contains("late", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT 1; SELECT 2")]
    [InlineData("SELECT 1; COPY dim_region TO 'out.csv'")]
    [InlineData("SELECT 1; DROP TABLE dim_region")]
    public void Several_statements_are_refused_saying_how_many(string sql)
    {
        using var connection = WarehouseConnections.OpenPublished(paths);
        var error = Assert.Throws<QueryRefusedException>(() => ReadOnlyQuery.Execute(connection, sql));
        Assert.Contains("One statement per request: the SQL holds 2 statements", error.Message, StringComparison.Ordinal);
        Assert.Contains("一次只能执行一条语句", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT * FROM enable_logging(storage='file', storage_path='logs')", "enable_logging")]
    [InlineData("SELECT * FROM enable_logging()", "enable_logging")]
    [InlineData("FROM disable_logging()", "disable_logging")]
    [InlineData("FROM truncate_duckdb_logs()", "truncate_duckdb_logs")]
    [InlineData("SELECT * FROM checkpoint()", "checkpoint")]
    [InlineData("SELECT * FROM force_checkpoint()", "force_checkpoint")]
    [InlineData("SELECT * FROM duckdb_settings()", "duckdb_settings")]
    [InlineData("SELECT * FROM duckdb_databases()", "duckdb_databases")]
    [InlineData("SELECT * FROM query('SELECT * FROM duckdb_logs')", "query")]
    [InlineData("SELECT * FROM dim_region WHERE name IN (SELECT path FROM main.glob('*'))", "glob")]
    [InlineData("EXPLAIN ANALYZE SELECT * FROM enable_logging()", "enable_logging")]
    [InlineData("SELECT message FROM duckdb_logs", "duckdb_logs")]
    [InlineData("SELECT * FROM pg_catalog.pg_settings", "pg_catalog.pg_settings")]
    [InlineData("SELECT * FROM pragma_database_list", "pragma_database_list")]
    [InlineData("WITH duckdb_logs AS (SELECT * FROM duckdb_logs) SELECT * FROM duckdb_logs", "duckdb_logs")]
    [InlineData("SELECT * FROM (WITH duckdb_logs AS (SELECT 1) SELECT * FROM duckdb_logs), duckdb_logs", "duckdb_logs")]
    [InlineData("SELECT write_log('x')", "write_log")]
    [InlineData("SELECT current_setting('temp_directory')", "current_setting")]
    [InlineData("SELECT name FROM dim_region WHERE sleep_ms(10) IS NULL", "sleep_ms")]
    public void Table_functions_views_and_functions_off_the_allow_list_are_refused_by_name_before_they_run(string sql, string name)
    {
        using var connection = WarehouseConnections.OpenPublished(paths);
        var error = Assert.Throws<QueryRefusedException>(() => ReadOnlyQuery.Execute(connection, sql));
        Assert.Contains(name, error.Message, StringComparison.Ordinal);
        Assert.Contains("不允许", error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, Convert.ToInt64(Scalar(connection, "SELECT count(*) FROM duckdb_logs"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("SELECT count(*) FROM range(3)", "3")]
    [InlineData("SELECT count(*) FROM generate_series(1, 4)", "4")]
    [InlineData("SELECT count(*) FROM unnest([1, 2])", "2")]
    [InlineData("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'dim_region'", "1")]
    [InlineData("SELECT count(*) FROM duckdb_columns WHERE table_name = 'dim_region' AND column_name = 'name'", "1")]
    [InlineData("SELECT count(*) FROM information_schema.tables WHERE table_name = 'dim_region'", "1")]
    [InlineData("WITH a AS (SELECT name FROM dim_region), b AS (SELECT * FROM a) SELECT count(*) FROM b", "1")]
    [InlineData("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5) SELECT count(*) FROM n", "5")]
    [InlineData("SELECT count(*) FROM dim_region WHERE random() < 2", "1")]
    [InlineData("PIVOT (SELECT level FROM dim_region) ON level IN ('province', 'city') USING count(*)", "1")]
    public void Allowed_functions_catalogue_views_ctes_and_pivot_run(string sql, string first)
    {
        using var connection = WarehouseConnections.OpenPublished(paths);
        using var reader = ReadOnlyQuery.Execute(connection, sql);
        Assert.True(reader.Read());
        Assert.Equal(first, QueryOutput.Text(reader.GetValue(0)));
    }

    [Fact]
    public void Explain_shows_the_plan()
    {
        using var connection = WarehouseConnections.OpenPublished(paths);
        using var reader = ReadOnlyQuery.Execute(connection, "-- plan\nEXPLAIN SELECT name FROM dim_region");
        Assert.True(reader.Read());
        Assert.Contains("dim_region", QueryOutput.Text(reader.GetValue(1)), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("SELEC name FROM dim_region", "Parser Error", "LINE 1: SELEC name FROM dim_region")]
    [InlineData("SELECT name FROM no_such_table", "Catalog Error", "LINE 1: SELECT name FROM no_such_table")]
    [InlineData("SELECT no_such_column, region_date FROM dim_region", "Binder Error", "LINE 1: SELECT no_such_column")]
    public void A_query_DuckDB_cannot_read_gets_DuckDBs_message_about_the_statisticians_own_SQL(string sql, string kind, string quoted)
    {
        using var connection = WarehouseConnections.OpenPublished(paths);
        var error = Assert.ThrowsAny<DuckDBException>(() =>
        {
            using var reader = ReadOnlyQuery.Execute(connection, sql);
            reader.Read();
        });
        Assert.StartsWith(kind, error.Message, StringComparison.Ordinal);
        Assert.Contains(quoted, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("query(", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_query_is_refused_with_an_example()
    {
        using var connection = WarehouseConnections.OpenPublished(paths);
        var error = Assert.Throws<QueryRefusedException>(() => ReadOnlyQuery.Execute(connection, "  \n "));
        Assert.Contains("SELECT * FROM", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_dictionary_lists_every_published_table_and_column_with_its_comment()
    {
        using var connection = WarehouseConnections.OpenPublished(paths);
        var tables = WarehouseCatalog.Read(connection);
        Assert.Contains(tables, t => t.Table == "dim_region");
        foreach (var table in Etl.Warehouse.Schema.Tables)
        {
            var entry = Assert.Single(tables, t => t.Table == table);
            Assert.False(string.IsNullOrWhiteSpace(entry.Comment), $"{table} has no comment");
            Assert.All(entry.Columns, c => Assert.False(string.IsNullOrWhiteSpace(c.Comment), $"{table}.{c.Name} has no comment"));
        }
        var region = tables.Single(t => t.Table == "dim_region");
        Assert.Equal("region_code", region.Columns[0].Name);
        Assert.Equal("VARCHAR", region.Columns[0].Type);
    }

    private static object? Scalar(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
