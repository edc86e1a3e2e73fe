using System.Text;
using System.Text.Json;
using IpWarehouse.Etl.Configuration;
using Microsoft.Data.Sqlite;

namespace IpWarehouse.Etl.Tests.Demo;

public class DemoFileTests(DemoFixture demo) : IClassFixture<DemoFixture>
{
    [Fact]
    public void Patent_exports_are_GB18030_with_Chinese_headers()
    {
        var files = demo.FilesOf("patents").ToList();
        Assert.Equal(2, files.Count);
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(demo.PathOf(file.Path));
            Assert.False(System.Text.Unicode.Utf8.IsValid(bytes), $"{file.Path} decodes as UTF-8; it should be GB18030");
            Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes));
            var text = CsvText.Gb18030.GetString(bytes); // throws on a byte sequence GB18030 does not define
            var header = text[..text.IndexOf('\r', StringComparison.Ordinal)];
            Assert.Equal("序号,申请号,专利名称,专利类型,申请日,授权日,失效日,申请人,申请人类型,申请人地址,行政区划代码,统一社会信用代码,主分类号,高价值,代理机构,非正常申请认定日", header);
            Assert.Contains("甘肃省兰州市", text, StringComparison.Ordinal);
            Assert.Equal(file.Rows + 1, CsvText.Read(demo.PathOf(file.Path), CsvText.Gb18030).Count);
        }
    }

    [Fact]
    public void Trademark_workbook_has_a_title_row_above_the_header_and_real_dates()
    {
        var file = demo.FilesOf("trademarks").Single();
        var sheet = WorkbookText.Read(demo.PathOf(file.Path), "商标");

        Assert.Equal("甘肃省商标注册数据（2019—2024年）", sheet.Cell(1, 0)!.Text);
        Assert.False(sheet.Rows.ContainsKey(2));
        Assert.Equal("申请号", sheet.Cell(3, 0)!.Text);
        Assert.Equal("申请日", sheet.Cell(3, 5)!.Text);
        Assert.Equal("注册日", sheet.Cell(3, 6)!.Text);
        Assert.Equal(file.Rows, sheet.Rows.Keys.Count(r => r > 3));

        var dirtyRows = demo.Summary.DirtyRows.Where(d => d.Kind == "trademarks").Select(d => d.Row).ToHashSet();
        var applied = sheet.Rows.Where(r => r.Key > 3 && !dirtyRows.Contains(r.Key)).Select(r => r.Value[5]).ToList();
        var dates = applied.Where(c => !c.IsText).ToList();
        Assert.True(dates.Count > applied.Count * 0.95, "application dates should be Excel dates, not text");
        Assert.All(dates, c =>
        {
            Assert.True(c.IsDate, $"serial {c.Text} has no date style");
            Assert.InRange(c.AsDate(), new DateOnly(2019, 1, 1), new DateOnly(2024, 12, 31));
        });
        var registered = sheet.Rows.Where(r => r.Key > 3 && !dirtyRows.Contains(r.Key) && r.Value.ContainsKey(6)).Select(r => r.Value[6]).ToList();
        Assert.NotEmpty(registered);
        Assert.All(registered, c => Assert.True(c.IsDate && c.AsDate() <= demo.Summary.Today));
    }

    [Theory]
    [InlineData("population", "人口", "甘肃省分地区年末人口（2019—2024年）", "行政区划代码")]
    [InlineData("targets", "目标", "甘肃省知识产权工作主要目标任务分解表（2022—2024年及“十四五”规划目标）", "行政区划代码")]
    public void Planning_workbooks_have_a_title_and_a_note_above_the_header(string kind, string sheetName, string title, string firstHeader)
    {
        var file = demo.FilesOf(kind).Single();
        var sheet = WorkbookText.Read(demo.PathOf(file.Path), sheetName);
        Assert.Equal(title, sheet.Cell(1, 0)!.Text);
        Assert.NotNull(sheet.Cell(2, 0));
        Assert.Equal(firstHeader, sheet.Cell(3, 0)!.Text);
        Assert.Equal(file.Rows, sheet.Rows.Keys.Count(r => r > 3));
    }

    [Fact]
    public void Case_database_holds_the_rows_in_watermark_order()
    {
        var file = demo.FilesOf("cases").Single();
        using var connection = new SqliteConnection($"Data Source={demo.PathOf(file.Path)};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT CaseNo, UpdatedAt FROM IpCases ORDER BY rowid";
        using var reader = command.ExecuteReader();
        var rows = new List<(string CaseNo, string UpdatedAt)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }
        Assert.Equal(file.Rows, rows.Count);
        Assert.Equal(rows.Count, rows.Select(r => r.CaseNo).Distinct().Count());
        Assert.True(rows.Zip(rows.Skip(1)).All(p => string.CompareOrdinal(p.First.UpdatedAt, p.Second.UpdatedAt) <= 0),
            "rowid order must be UpdatedAt order, so full and incremental reads number rows alike");
        Assert.InRange(rows.Count, 140, 180);
    }

    [Fact]
    public void Config_parses_with_System_Text_Json_and_names_every_file()
    {
        var text = File.ReadAllText(demo.Summary.ConfigPath);
        Assert.StartsWith("//", text, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var root = json.RootElement;
        Assert.Equal("warehouse", root.GetProperty("warehouse").GetString());
        Assert.Equal("Asia/Shanghai", root.GetProperty("timeZone").GetString());
        Assert.Equal("0 30 1 * * ?", root.GetProperty("schedule").GetProperty("nightly").GetString());

        var sources = root.GetProperty("sources").EnumerateArray().ToList();
        Assert.Equal(Etl.Demo.DemoSummary.Kinds.OrderBy(k => k), sources.Select(s => s.GetProperty("kind").GetString()!).OrderBy(k => k));
        foreach (var file in demo.Summary.Files)
        {
            var source = sources.Single(s => s.GetProperty("name").GetString() == file.Source);
            Assert.Equal(file.Kind, source.GetProperty("kind").GetString());
            if (file.Format == "sqlite")
            {
                Assert.Equal("Data Source=" + file.Path, source.GetProperty("connection").GetString());
                Assert.Equal("IpCases", source.GetProperty("table").GetString());
                Assert.Equal("UpdatedAt", source.GetProperty("watermark").GetString());
                Assert.Equal("CaseNo", source.GetProperty("columns").GetProperty("case_no").GetString());
                continue;
            }
            var pattern = source.GetProperty("path").GetString()!;
            Assert.False(Path.IsPathRooted(pattern));
            var folder = Path.GetDirectoryName(Path.Combine(demo.Folder, pattern))!;
            var matches = Directory.GetFiles(folder, Path.GetFileName(pattern)).Select(p => Path.GetRelativePath(demo.Folder, p).Replace('\\', '/'));
            Assert.Contains(file.Path, matches);
        }
    }

    [Fact]
    public void Config_loads_with_the_project_config_loader()
    {
        var config = ConfigLoader.Load(demo.Summary.ConfigPath, _ => null);
        Assert.Equal(12, config.Sources.Count);
        Assert.Equal(Path.Combine(demo.Folder, "warehouse"), config.Warehouse);
        var cases = config.Sources.Single(s => s.Name == "case-system");
        Assert.Equal("UpdatedAt", cases.Watermark);
        Assert.Equal("关联编号", config.Sources.Single(s => s.Name == "finance").Columns["related_no"]);
    }
}
