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
    [InlineData("SELECT 1; DROP TABLE dim_region", "SELECT")]
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
    [InlineData("SELECT * FROM read_csv('/etc/passwd')")]
    [InlineData("SELECT * FROM read_parquet('snapshots/x.parquet')")]
    [InlineData("SELECT content FROM read_text('secrets/id-salt')")]
    public void Reading_files_from_sql_is_refused_in_plain_words(string sql)
    {
        using var connection = WarehouseConnections.OpenPublished(paths);
        var error = Assert.Throws<QueryRefusedException>(() =>
        {
            using var reader = ReadOnlyQuery.Execute(connection, sql);
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

    [Fact]
    public void Several_statements_are_refused_one_query_at_a_time()
    {
        using var connection = WarehouseConnections.OpenPublished(paths);
        var error = Assert.Throws<QueryRefusedException>(() => ReadOnlyQuery.Execute(connection, "SELECT 1; SELECT 2"));
        Assert.Contains("One query at a time", error.Message, StringComparison.Ordinal);
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
