using DuckDB.NET.Data;
using IpWarehouse.Etl.Configuration;
using IpWarehouse.Etl.Demo.Internal;
using IpWarehouse.Etl.DuckDb;
using IpWarehouse.Etl.Loading;
using IpWarehouse.Etl.Tests.Demo;
using IpWarehouse.Etl.Tests.Infrastructure;

namespace IpWarehouse.Etl.Tests.Regions;

/// A real load of rows given under retired codes (SOURCES.md, region codes): 620824 华亭县 counts for 620881
/// 华亭市 with method code_succeeded and the given code kept; an address saying 华亭县 resolves there too; a code
/// split among several successors, and a merged code on a region-keyed row, are quarantined with a sentence
/// naming what the division lists show.
public sealed class CodeSuccessionLoadTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public async Task Retired_codes_are_followed_to_their_successor_or_quarantined_with_the_candidates()
    {
        var huatingByCode = IdentityCodes.PatentNumber(2016, 1, 1);
        var huatingByAddress = IdentityCodes.PatentNumber(2016, 1, 2);
        var nanning = IdentityCodes.PatentNumber(2016, 1, 3);
        folder.Write("drops/patents.csv", $"""
            申请号,申请人,申请日,行政区划代码,申请人地址
            {huatingByCode},华亭煤业集团有限责任公司,2016-03-01,620824,
            {huatingByAddress},华亭县某某合作社,2016-04-01,,甘肃省平凉市华亭县东华镇新华街1号
            {nanning},南宁某公司,2016-05-01,452100,

            """);
        folder.Write("drops/cases.csv", """
            案件编号,案件类型,立案日期,行政区划代码
            华市监处〔2017〕1号,商标侵权,2017-06-01,620824

            """);
        folder.Write("drops/population.csv", """
            行政区划代码,年份,人口
            620824,2016,190000
            371200,2018,1000000

            """);
        var config = folder.Write("ipwh.json", """
            {
              "warehouse": "warehouse",
              "sources": [
                { "name": "patents", "kind": "patents", "connector": "csv", "path": "drops/patents.csv" },
                { "name": "cases", "kind": "cases", "connector": "csv", "path": "drops/cases.csv" },
                { "name": "population", "kind": "population", "connector": "csv", "path": "drops/population.csv" }
              ]
            }
            """);

        var loader = new Loader(ConfigLoader.Load(config), FixedClock.Default);
        var report = await loader.RunAsync(new LoadRequest());
        Assert.Equal("succeeded", report.Status);

        using var work = DuckDbFactory.Open(loader.Paths.WorkDatabase);
        Assert.Equal(
            [
                [huatingByCode, "620881", "code_succeeded", "620824"],
                [huatingByAddress, "620881", "address", null],
            ],
            Schema.SchemaDatabase.Rows(work, "SELECT application_no, region_code, attribution_method, given_region_code FROM fact_patent ORDER BY application_no"));
        Assert.Equal([["620881", "code_succeeded", "620824"]],
            Schema.SchemaDatabase.Rows(work, "SELECT region_code, attribution_method, given_region_code FROM fact_case"));
        Assert.Equal([["620881", "2016", "620824"]],
            Schema.SchemaDatabase.Rows(work, "SELECT region_code, year, given_region_code FROM fact_population"));

        var rejects = Schema.SchemaDatabase.Rows(work, "SELECT source_name, raw_value, reason, message FROM etl_reject ORDER BY source_name");
        Assert.Equal(2, rejects.Count);
        Assert.Equal<string?[]>(["patents", "452100", "unknown_region"], rejects[0][..3]);
        Assert.Equal("region_code“452100”是南宁地区，至迟 2002-12-31 已撤销（拆分），没有唯一的继承代码：已分入 450100 南宁市, 451400 崇左市；请填写现行代码",
            rejects[0][3]);
        Assert.Equal<string?[]>(["population", "371200", "unknown_region"], rejects[1][..3]);
        Assert.Equal("region_code“371200”是莱芜市，至迟 2023-06-30 已并入 370100 济南市（合并）：部分地区的数值不能代表合并后的整体；请按 370100 填报",
            rejects[1][3]);
    }

    public void Dispose() => folder.Dispose();
}
