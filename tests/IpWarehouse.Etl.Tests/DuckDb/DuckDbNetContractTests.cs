using Dapper;
using DuckDB.NET.Data;
using IpWarehouse.Etl.DuckDb;

namespace IpWarehouse.Etl.Tests.DuckDb;

/// What the product relies on from DuckDB.NET, through connections of the factory: the appender across chunks
/// (staging, address resolution), parameters bound per statement (warehouse-sql files name only some), NULL
/// parameters, and Dapper's mapping (source connectors).
public sealed class DuckDbNetContractTests : IDisposable
{
    private readonly DuckDBConnection connection = DuckDbFactory.OpenInMemory();

    public void Dispose() => connection.Dispose();

    [Fact]
    public void Appended_rows_across_many_chunks_arrive_whole_and_in_order()
    {
        connection.Execute("CREATE TABLE patent (application_no VARCHAR, applied DATE, fee DECIMAL(18,2), claims BIGINT, applicant VARCHAR)");
        const int Rows = 10_000; // four chunks of 2 048 and a partial one
        using (var appender = connection.CreateAppender("patent"))
        {
            for (var i = 0; i < Rows; i++)
            {
                // AppendRow with a state (the product's way: one reused row object) and CreateRow alike.
                if (i % 2 == 0)
                {
                    appender.AppendRow(i, static (row, i) => Fill(row, i));
                }
                else
                {
                    Fill(appender.CreateRow(), i).EndRow();
                }
            }
        }

        Assert.Equal(Rows, connection.ExecuteScalar<long>("SELECT count(*) FROM patent"));
        Assert.Equal((long)Rows * (Rows - 1) / 2, connection.ExecuteScalar<long>("SELECT sum(claims)::BIGINT FROM patent"));
        Assert.Equal((Rows + 6) / 7, connection.ExecuteScalar<long>("SELECT count(*) FROM patent WHERE fee IS NULL"));
        Assert.Equal(99.99m, connection.ExecuteScalar<decimal>("SELECT fee FROM patent WHERE claims = 9999"));
        Assert.Equal("兰州大学", connection.ExecuteScalar<string>("SELECT applicant FROM patent WHERE claims = 4098"));
        Assert.Equal(0L, connection.ExecuteScalar<long>("SELECT count(*) FROM (SELECT claims, row_number() OVER () - 1 AS n FROM patent) WHERE claims <> n"));
    }

    [Fact]
    public void A_row_with_too_few_values_is_refused_and_names_the_table()
    {
        connection.Execute("CREATE TABLE staging_t (a VARCHAR, b VARCHAR)");
        using (var appender = connection.CreateAppender("staging_t"))
        {
            var error = Assert.Throws<InvalidOperationException>(() => appender.CreateRow().AppendValue("x").EndRow());
            Assert.Contains("staging_t has 2 columns", error.Message, StringComparison.Ordinal);
        }
        using (var appender = connection.CreateAppender("staging_t"))
        {
            var error = Assert.Throws<InvalidOperationException>(() => appender.AppendRow("x", static (row, x) => row.AppendValue(x)));
            Assert.Contains("staging_t has 2 columns", error.Message, StringComparison.Ordinal);
        }
        Assert.Equal(0L, connection.ExecuteScalar<long>("SELECT count(*) FROM staging_t"));
    }

    private static IDuckDBAppenderRow Fill(IDuckDBAppenderRow row, int i)
    {
        row = row.AppendValue($"2023{i:D8}").AppendValue((DateOnly?)new DateOnly(2023, 1, 1).AddDays(i % 365));
        row = i % 7 == 0 ? row.AppendNullValue() : row.AppendValue((decimal?)(i / 100m));
        return row.AppendValue((long?)i).AppendValue(i % 3 == 0 ? "兰州大学" : null);
    }

    [Fact]
    public void Named_parameters_bind_in_each_statement_that_names_them_and_others_are_ignored()
    {
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE t (x INTEGER); INSERT INTO t VALUES ($v); INSERT INTO t VALUES ($v + $w); SELECT sum(x)::BIGINT FROM t";
        command.Parameters.Add(new DuckDBParameter("v", 10));
        command.Parameters.Add(new DuckDBParameter("w", 1));
        command.Parameters.Add(new DuckDBParameter("unused", "never named"));
        Assert.Equal(21L, command.ExecuteScalar());
    }

    [Fact]
    public void Null_parameters_are_SQL_NULL()
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT $a IS NULL AND $b IS NULL";
        command.Parameters.Add(new DuckDBParameter("a", DBNull.Value));
        command.Parameters.Add(new DuckDBParameter("b", null));
        Assert.Equal(true, command.ExecuteScalar());
    }

    public sealed record RegionRecord(string Code, string Name, long Population, DateOnly? Established, decimal Area);

    [Fact]
    public void Dapper_maps_rows_and_binds_parameter_objects()
    {
        connection.Execute("""
            CREATE TABLE region (code VARCHAR, name VARCHAR, population BIGINT, established DATE, area DECIMAL(10,1));
            INSERT INTO region VALUES ('620000', '甘肃省', 24651000, NULL, 425800.0), ('622901', '临夏市', 363000, DATE '1983-09-06', 88.6);
            """);
        var inserted = connection.Execute("INSERT INTO region (code, name, population) VALUES ($Code, $Name, $Population)",
            new[] { new { Code = "622921", Name = "临夏县", Population = 350000L }, new { Code = "622926", Name = "东乡族自治县", Population = 300000L } });
        Assert.Equal(2, inserted);

        var rows = connection.Query<RegionRecord>(
            "SELECT code, name, population, established, area FROM region WHERE code LIKE $prefix AND area IS NOT NULL ORDER BY code", new { prefix = "62%" }).ToList();
        Assert.Equal([new RegionRecord("620000", "甘肃省", 24651000, null, 425800.0m), new RegionRecord("622901", "临夏市", 363000, new DateOnly(1983, 9, 6), 88.6m)], rows);
        Assert.Equal("临夏县", connection.QuerySingle<string>("SELECT name FROM region WHERE code = $code", new { code = "622921" }));
    }
}
