using IpWarehouse.Etl.Configuration;
using IpWarehouse.Etl.Layouts;
using IpWarehouse.Etl.Sources;
using IpWarehouse.Etl.Tests.Infrastructure;

namespace IpWarehouse.Etl.Tests.Sources;

/// Against the throwaway PostgreSQL cluster of test.sh (IPWH_TEST_POSTGRES); each test makes its own tables.
public sealed class PostgresConnectorTests : IAsyncDisposable
{
    private readonly PostgresDatabase database = new();
    private readonly StagingWarehouse warehouse = new();

    public async ValueTask DisposeAsync()
    {
        warehouse.Dispose();
        await database.DisposeAsync();
    }

    [PostgresFact]
    public async Task A_table_with_chinese_columns_lands_as_invariant_text()
    {
        var table = database.NewTable("payments");
        await PostgresDatabase.ExecuteAsync($"""
            CREATE TABLE "{table}" (支付编号 text, 项目 text, 受助人 text, 受助人类型 text, 金额 numeric(12,2), 支付日期 date,
                资金层级 text, 行政区划代码 integer, 涉外或重大 boolean, 经办人 text, updated_at timestamp);
            INSERT INTO "{table}" VALUES
                ('P-1', '专利授权资助', '甲公司', '法人', 1500.00, '2024-03-01', '县级', 622901, true, '张三', '2024-03-01 10:00:00'),
                ('P-2', '维权补助', '李四', '自然人', 0.5, '2024-03-02', '市级', 622900, NULL, NULL, '2024-03-02 11:30:00.25');
            """);

        var result = await Load(Source("subsidies", table: table));

        Assert.Equal(2, result.RowsRead);
        Assert.Null(result.Watermark);
        Assert.Empty(result.MissingRequiredColumns);
        Assert.Equal(
            [
                ["pg", table, "1", "P-1", "专利授权资助", "甲公司", "法人", "1500.00", "2024-03-01", "县级", "622901", "true"],
                ["pg", table, "2", "P-2", "维权补助", "李四", "自然人", "0.50", "2024-03-02", "市级", "622900", null],
            ],
            warehouse.Rows("SELECT _source, _file, _row, payment_no, program, recipient_name, recipient_type, paid_amount, paid_date, gov_level, region_code, is_foreign_or_major FROM stg ORDER BY _row"));
    }

    [PostgresFact]
    public async Task A_watermark_reads_only_newer_rows_and_returns_the_largest_value()
    {
        var table = database.NewTable("cases");
        await PostgresDatabase.ExecuteAsync($"""
            CREATE TABLE "{table}" ("CaseNo" text, "Kind" text, "FiledOn" date, region text, "UpdatedAt" timestamptz);
            INSERT INTO "{table}" VALUES
                ('C-1', '商标侵权', '2024-01-05', '622901', '2024-03-01 10:00:00+08'),
                ('C-2', '假冒专利', '2024-01-06', '622901', '2024-03-02 10:00:00+08'),
                ('C-3', '其他', '2024-01-07', '622901', NULL);
            """);
        var source = Source("cases", table: table, watermark: "UpdatedAt",
            columns: new() { ["case_no"] = "CaseNo", ["case_type"] = "Kind", ["filed_date"] = "FiledOn", ["region_code"] = "region" });

        var first = await Load(source);
        Assert.Equal(3, first.RowsRead);
        Assert.Equal("2024-03-02T02:00:00.0000000Z", first.Watermark);

        await PostgresDatabase.ExecuteAsync($"""
            INSERT INTO "{table}" VALUES ('C-4', '其他', '2024-01-08', '622901', '2024-03-03 09:00:00+08');
            UPDATE "{table}" SET "Kind" = '商标侵权' WHERE "CaseNo" = 'C-2';
            """);
        var second = await Load(source, new SourceLoadOptions { PreviousWatermark = first.Watermark });

        Assert.Equal(1, second.RowsRead);
        Assert.Equal("2024-03-03T01:00:00.0000000Z", second.Watermark);
        Assert.Equal([["1", "C-4", "2024-01-08"]], warehouse.Rows("SELECT _row, case_no, filed_date FROM stg"));

        var third = await Load(source, new SourceLoadOptions { PreviousWatermark = second.Watermark });
        Assert.Equal(0, third.RowsRead);
        Assert.Null(third.Watermark);
    }

    [PostgresFact]
    public async Task An_integer_watermark_round_trips()
    {
        var table = database.NewTable("training");
        await PostgresDatabase.ExecuteAsync($"""
            CREATE TABLE "{table}" (id bigint, 活动编号 text, 日期 date, 行政区划代码 text, 人次 integer);
            INSERT INTO "{table}" SELECT g, 'E-' || g, DATE '2024-01-01' + g, '622901', g * 10 FROM generate_series(1, 50) g;
            """);
        var source = Source("training", table: table, watermark: "ID");

        var first = await Load(source);
        Assert.Equal(50, first.RowsRead);
        Assert.Equal("50", first.Watermark);
        var second = await Load(source, new SourceLoadOptions { PreviousWatermark = "45" });
        Assert.Equal(5, second.RowsRead);
        Assert.Equal([["1", "E-46", "460"]], warehouse.Rows("SELECT _row, event_id, person_times FROM stg ORDER BY _row LIMIT 1"));
    }

    [PostgresFact]
    public async Task A_query_is_wrapped_as_a_subquery()
    {
        var table = database.NewTable("pop");
        await PostgresDatabase.ExecuteAsync($"""
            CREATE TABLE "{table}" (code text, y integer, persons bigint, kind text);
            INSERT INTO "{table}" VALUES ('622901', 2023, 123456, '常住'), ('622902', 2023, 98765, '户籍'), ('622903', 2022, 1, '常住');
            """);
        var source = Source("population",
            query: $"-- one year only\nSELECT code AS 行政区划代码, y AS 年份, persons AS 人口, kind AS 人口类型 FROM \"{table}\" WHERE y = 2023 ORDER BY code; ");

        var result = await Load(source);

        Assert.Equal(2, result.RowsRead);
        Assert.Equal([["622901", "2023", "123456", "常住", null], ["622902", "2023", "98765", "户籍", null]],
            warehouse.Rows("SELECT region_code, year, population, population_type, _file FROM stg ORDER BY _row"));
    }

    [PostgresFact]
    public async Task A_missing_table_is_not_transient_and_names_the_fix()
    {
        var error = await Assert.ThrowsAsync<SourceException>(() => Load(Source("cases", table: "public.NoSuchTable")));
        Assert.False(error.IsTransient);
        Assert.Equal("pg", error.SourceName);
        Assert.Contains("\"public\".\"NoSuchTable\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("case-sensitive", error.Message, StringComparison.Ordinal);
        Assert.Contains("42P01", error.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task A_syntax_error_in_the_query_is_not_transient()
    {
        var error = await Assert.ThrowsAsync<SourceException>(() => Load(Source("cases", query: "SELEC 1")));
        Assert.False(error.IsTransient);
        Assert.Contains("\"query\"", error.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task A_refused_connection_is_transient()
    {
        var source = Source("cases", table: "t", connection: "Host=127.0.0.1;Port=1;Username=postgres;Timeout=5");
        var error = await Assert.ThrowsAsync<SourceException>(() => Load(source));
        Assert.True(error.IsTransient);
        Assert.Contains("cannot connect", error.Message, StringComparison.Ordinal);
        Assert.Contains("retried", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.InnerException);
    }

    [PostgresFact]
    public async Task An_unknown_login_is_not_transient()
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(PostgresDatabase.RequiredConnectionString) { Username = "no_such_role_ipwh" };
        var error = await Assert.ThrowsAsync<SourceException>(() => Load(Source("cases", table: "t", connection: builder.ConnectionString)));
        Assert.False(error.IsTransient);
        Assert.Contains("connection string", error.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Check_runs_a_zero_row_query()
    {
        var table = database.NewTable("cases");
        await PostgresDatabase.ExecuteAsync($"CREATE TABLE \"{table}\" (案号 text, 案件类型 text, 立案日期 date); INSERT INTO \"{table}\" VALUES ('C-1', '其他', '2024-01-01');");
        var connector = SourceConnectors.For(ConnectorKind.Postgres);

        var partial = await connector.CheckAsync(Source("cases", table: table));
        var refused = await connector.CheckAsync(Source("cases", table: table, connection: "Host=127.0.0.1;Port=1;Username=postgres;Timeout=5"));
        var badWatermark = await connector.CheckAsync(Source("cases", table: table, watermark: "updated_at"));

        Assert.Equal(SourceCheckStatus.Warning, partial.Status);
        Assert.Equal(["region_code"], partial.MissingRequiredColumns);
        Assert.StartsWith("reachable", partial.Message, StringComparison.Ordinal);
        Assert.Equal(SourceCheckStatus.Failed, refused.Status);
        Assert.True(refused.IsTransient);
        Assert.Equal(SourceCheckStatus.Failed, badWatermark.Status);
        Assert.Contains("watermark", badWatermark.Message, StringComparison.Ordinal);
    }

    private Task<SourceLoadResult> Load(SourceDefinition source, SourceLoadOptions? options = null) =>
        SourceConnectors.LoadAsync(source, warehouse.Connection, "stg", options);

    private static SourceDefinition Source(
        string kind, string? table = null, string? query = null, string? watermark = null,
        Dictionary<string, string>? columns = null, string? connection = null)
    {
        Assert.True(LayoutCatalog.TryParseKind(kind, out var sourceKind));
        return new SourceDefinition
        {
            Name = "pg",
            Kind = sourceKind,
            Connector = ConnectorKind.Postgres,
            Connection = connection ?? PostgresDatabase.RequiredConnectionString,
            Table = table,
            Query = query,
            Watermark = watermark,
            Columns = columns ?? [],
        };
    }
}
