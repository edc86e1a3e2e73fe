using System.Text.Json;
using IpWarehouse.Etl.DuckDb;
using IpWarehouse.Etl.Tests.DuckDb;
using IpWarehouse.Etl.Tests.Infrastructure;
using IpWarehouse.Etl.Warehouse;

namespace IpWarehouse.Etl.Tests.Warehouse;

/// Every DuckDB type reaches ipwh sql's and /api/sql's JSON and CSV (DuckDB.NET alone cannot read several of
/// them: a LIST with a NULL, a MAP with a NULL, UNION, INTERVAL with months, DECIMAL(38), infinite dates).
public sealed class QueryOutputTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly WarehousePaths paths;

    public QueryOutputTests()
    {
        paths = new WarehousePaths(folder.Path);
        using var writer = DuckDbFactory.Open(paths.PublishedDatabase);
        DuckDbFactoryTests.Execute(writer, "CREATE TABLE t AS SELECT 1 AS i");
    }

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Every_type_renders_in_json()
    {
        using var connection = WarehouseConnections.OpenPublished(paths);
        using var result = ReadOnlyQuery.Execute(connection, TypeCases.Query);
        using var output = new StringWriter();
        QueryOutput.WriteJson(result, output);

        var row = Assert.Single(JsonDocument.Parse(output.ToString()).RootElement.EnumerateArray());
        foreach (var (column, _, json, _) in TypeCases.All)
        {
            Assert.True(row.TryGetProperty(column, out var value), $"{column} is missing");
            Assert.True(json == value.GetRawText(), $"{column}: expected {json}, got {value.GetRawText()}");
        }
    }

    [Fact]
    public void Every_type_renders_in_csv()
    {
        using var connection = WarehouseConnections.OpenPublished(paths);
        using var result = ReadOnlyQuery.Execute(connection, TypeCases.Query);
        using var output = new StringWriter();
        QueryOutput.WriteCsv(result, output);

        var lines = TypeCases.ParseCsv(output.ToString().TrimStart('\uFEFF'));
        Assert.Equal(TypeCases.All.Select(c => c.Column), lines[0]);
        for (var i = 0; i < TypeCases.All.Count; i++)
        {
            Assert.True(TypeCases.All[i].Text == lines[1][i], $"{TypeCases.All[i].Column}: expected {TypeCases.All[i].Text}, got {lines[1][i]}");
        }
    }

    [Fact]
    public void Columns_of_plain_types_are_read_as_they_are_and_the_rest_rendered_by_DuckDB()
    {
        Assert.Equal(ColumnRendering.Native, ResultColumns.RenderingOf("BIGINT"));
        Assert.Equal(ColumnRendering.Native, ResultColumns.RenderingOf("DECIMAL(28,4)"));
        Assert.Equal(ColumnRendering.Native, ResultColumns.RenderingOf("ENUM('a', 'b')"));
        Assert.Equal(ColumnRendering.Number, ResultColumns.RenderingOf("DECIMAL(29,4)"));
        Assert.Equal(ColumnRendering.Number, ResultColumns.RenderingOf("BIGNUM"));
        Assert.Equal(ColumnRendering.Json, ResultColumns.RenderingOf("STRUCT(a INTEGER[])"));
        Assert.Equal(ColumnRendering.Json, ResultColumns.RenderingOf("VARCHAR[3]"));
        Assert.Equal(ColumnRendering.Text, ResultColumns.RenderingOf("TIMESTAMP WITH TIME ZONE"));
        Assert.Equal(ColumnRendering.Text, ResultColumns.RenderingOf("SOME_FUTURE_TYPE"));
    }
}
