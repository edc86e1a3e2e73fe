using IpWarehouse.Etl.Configuration;
using IpWarehouse.Etl.Demo.Internal;
using IpWarehouse.Etl.DuckDb;
using IpWarehouse.Etl.Loading;
using IpWarehouse.Etl.Tests.Demo;
using IpWarehouse.Etl.Tests.Infrastructure;

namespace IpWarehouse.Etl.Tests.Loading;

/// A source written into an empty fact skips the comparison with the fact (marts/_insert_new.sql); into a
/// fact that holds rows it is merged (marts/_merge.sql). Both must leave the same facts, bridge and parties:
/// the same files are loaded once into an empty warehouse and once after a seed source that puts one of
/// their rows (identical values) in each fact first, so that the files go through the merge.
public sealed class FirstLoadPathTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Writing_into_an_empty_fact_gives_what_the_merge_gives()
    {
        var random = new DemoRandom(15, 1);
        var company = IdentityCodes.CreditCode("91", "620102", random);
        var university = IdentityCodes.CreditCode("12", "620100", random);
        var p1 = IdentityCodes.PatentNumber(2021, 1, 1);
        var p2 = IdentityCodes.PatentNumber(2021, 2, 2);
        var p3 = IdentityCodes.PatentNumber(2022, 1, 3);
        var patentHeader = "申请号,专利类型,申请人,统一社会信用代码,申请日,授权公告日,行政区划代码,申请人地址,高价值";
        var patentSeed = $"{p1},发明,兰州某科技有限公司;兰州大学,{company},2021-03-01,2023-05-06,620102,,sei";
        folder.Write("drops/patents.csv", $"""
            {patentHeader}
            {patentSeed}
            {p2},实用新型,张三,,2021-04-01,,620103,,
            {p3},发明,兰州大学；兰州某科技有限公司；张三,{university},2022-01-05,,,甘肃省兰州市城关区天水南路222号,
            {p2},实用新型,张三 ,,2021-04-01,2021-12-01,620103,,
            {IdentityCodes.PatentNumber(2022, 1, 4)},发明,（兰州）某某 研究所,,2022-02-01,,620104,,award

            """);
        var markHeader = "申请号,商标类型,国际分类,申请日,注册公告日,申请人,统一社会信用代码,行政区划代码";
        var markSeed = $"60000001,普通,9,2020-01-02,2021-01-07,兰州某科技有限公司,{company},620102";
        folder.Write("drops/trademarks.csv", $"""
            {markHeader}
            {markSeed}
            60000002,集体,29,2020-02-03,,兰州某合作社,,620123
            60000002,集体,29,2020-02-03,2021-03-04,兰州某合作社,,620123
            60000003,普通,35,2021-05-06,,李四,,620104

            """);
        folder.Write("seed/patents.csv", $"{patentHeader}\n{patentSeed}\n");
        folder.Write("seed/trademarks.csv", $"{markHeader}\n{markSeed}\n");

        var empty = await Load("empty", """
            { "name": "patents", "kind": "patents", "connector": "csv", "path": "../drops/patents.csv" },
            { "name": "trademarks", "kind": "trademarks", "connector": "csv", "path": "../drops/trademarks.csv" }
            """);
        var merged = await Load("merged", """
            { "name": "seed-patents", "kind": "patents", "connector": "csv", "path": "../seed/patents.csv" },
            { "name": "seed-trademarks", "kind": "trademarks", "connector": "csv", "path": "../seed/trademarks.csv" },
            { "name": "patents", "kind": "patents", "connector": "csv", "path": "../drops/patents.csv" },
            { "name": "trademarks", "kind": "trademarks", "connector": "csv", "path": "../drops/trademarks.csv" }
            """);

        string[] queries =
        [
            "SELECT * EXCLUDE (source_name, source_file, source_row, batch_id, first_loaded_batch, updated_batch) FROM fact_patent ORDER BY application_no",
            "SELECT * EXCLUDE (source_name, source_file, source_row, batch_id, first_loaded_batch, updated_batch) FROM fact_trademark ORDER BY application_no",
            "SELECT application_no, seq, party_name, party_id FROM bridge_patent_party ORDER BY application_no, seq",
            "SELECT party_id, name, normalized_name, party_type, credit_code FROM dim_party ORDER BY party_id",
        ];
        foreach (var sql in queries)
        {
            var expected = Rows(empty, sql);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, Rows(merged, sql));
        }

        // What the rows say, by hand: the last row of a repeated number wins, lists are split in order, and
        // a party is the same party whichever row names it.
        Assert.Equal(
            [
                [p1, "1", "兰州某科技有限公司"], [p1, "2", "兰州大学"],
                [p3, "1", "兰州大学"], [p3, "2", "兰州某科技有限公司"], [p3, "3", "张三"],
            ],
            Rows(empty, $"SELECT application_no, seq, party_name FROM bridge_patent_party WHERE application_no IN ('{p1}', '{p3}') ORDER BY application_no, seq"));
        Assert.Equal([["2021-12-01"]], Rows(empty, $"SELECT CAST(grant_date AS VARCHAR) FROM fact_patent WHERE application_no = '{p2}'"));
        Assert.Equal([["2021-03-04"]], Rows(empty, "SELECT CAST(registration_date AS VARCHAR) FROM fact_trademark WHERE application_no = '60000002'"));
        Assert.Equal([["1"]], Rows(empty, """
            SELECT count(DISTINCT party_id) FROM bridge_patent_party WHERE party_name = '张三'
            """));
        Assert.Equal([["2"]], Rows(empty, """
            SELECT count(DISTINCT f.first_applicant_party_id)
            FROM fact_patent AS f
            WHERE f.first_applicant_name IN ('兰州某科技有限公司', '兰州大学')
            """));
        Assert.Equal([["1"]], Rows(empty, """
            SELECT count(*) FROM fact_patent AS p JOIN fact_trademark AS t ON t.applicant_party_id = p.first_applicant_party_id
            """));
    }

    private async Task<string> Load(string name, string sources)
    {
        var config = folder.Write($"{name}/ipwh.json", $$"""
            { "warehouse": "warehouse", "sources": [ {{sources}} ] }
            """);
        var loader = new Loader(ConfigLoader.Load(config), FixedClock.Default);
        var report = await loader.RunAsync(new LoadRequest());
        Assert.True(report.Status == "succeeded", report.Message);
        return loader.Paths.WorkDatabase;
    }

    private static List<string?[]> Rows(string database, string sql)
    {
        using var connection = DuckDbFactory.Open(database);
        return Schema.SchemaDatabase.Rows(connection, sql);
    }
}
