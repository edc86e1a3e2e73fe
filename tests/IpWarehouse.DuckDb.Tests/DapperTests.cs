using Dapper;

namespace IpWarehouse.DuckDb.Tests;

public sealed class DapperTests : IDisposable
{
    private readonly DuckDBConnection connection = Db.Open("DataSource=:memory:");

    public DapperTests()
    {
        connection.Run("""
            CREATE TABLE region (code VARCHAR, name VARCHAR, level VARCHAR, population BIGINT, established DATE, area DECIMAL(10,1));
            INSERT INTO region VALUES
              ('620000', '甘肃省', 'province', 24651000, NULL, 425800.0),
              ('622900', '临夏回族自治州', 'city', 2109000, DATE '1956-11-19', 8169.0),
              ('622901', '临夏市', 'county', 363000, DATE '1983-09-06', 88.6);
            """);
    }

    public void Dispose() => connection.Dispose();

    public sealed record RegionRecord(string Code, string Name, string Level, long Population, DateOnly? Established, decimal Area);

    public sealed class RegionClass
    {
        public string Code { get; set; } = string.Empty;
        public string Name { get; set; } = string.Empty;
        public long? Population { get; set; }
        public DateOnly? Established { get; set; }
    }

    [Fact]
    public void Query_maps_rows_to_records_with_anonymous_parameters()
    {
        var rows = connection.Query<RegionRecord>(
            "SELECT code, name, level, population, established, area FROM region WHERE level <> $level ORDER BY code",
            new { level = "province" }).ToList();

        Assert.Equal(2, rows.Count);
        Assert.Equal(new RegionRecord("622900", "临夏回族自治州", "city", 2109000, new DateOnly(1956, 11, 19), 8169.0m), rows[0]);
        Assert.Equal("临夏市", rows[1].Name);
    }

    [Fact]
    public void Query_maps_rows_to_classes_and_nulls_to_null()
    {
        var rows = connection.Query<RegionClass>("SELECT code, name, population, established FROM region ORDER BY code").ToList();
        Assert.Equal(3, rows.Count);
        Assert.Null(rows[0].Established);
        Assert.Equal(new DateOnly(1983, 9, 6), rows[2].Established);
        Assert.Equal(24651000L, rows[0].Population);
    }

    [Fact]
    public void QuerySingle_and_scalar_forms_work()
    {
        var region = connection.QuerySingle<RegionClass>("SELECT code, name FROM region WHERE code = $code", new { code = "622901" });
        Assert.Equal("临夏市", region.Name);
        Assert.Equal(3L, connection.ExecuteScalar<long>("SELECT count(*) FROM region"));
        Assert.Throws<InvalidOperationException>(() => connection.QuerySingle<RegionClass>("SELECT code FROM region"));
    }

    [Fact]
    public void Execute_takes_parameter_objects_and_lists_of_them()
    {
        var inserted = connection.Execute(
            "INSERT INTO region (code, name, level, population) VALUES ($Code, $Name, 'county', $Population)",
            new[]
            {
                new { Code = "622921", Name = "临夏县", Population = 350000L },
                new { Code = "622926", Name = "东乡族自治县", Population = 300000L },
            });
        Assert.Equal(2, inserted);
        Assert.Equal(650000L, connection.ExecuteScalar<long>("SELECT sum(population)::BIGINT FROM region WHERE code IN ('622921', '622926')"));
    }
}
