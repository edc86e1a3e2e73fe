using System.IO.Compression;
using IpWarehouse.Etl.Configuration;
using IpWarehouse.Etl.Sources;
using IpWarehouse.Etl.Tests.Infrastructure;
using static IpWarehouse.Etl.Tests.Infrastructure.XlsxBuilder;

namespace IpWarehouse.Etl.Tests.Sources;

/// Workbooks written by the test with DocumentFormat.OpenXml, read back through the connector.
public sealed class XlsxConnectorTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly StagingWarehouse warehouse = new();

    public void Dispose()
    {
        warehouse.Dispose();
        folder.Dispose();
    }

    [Fact]
    public async Task Title_rows_are_skipped_and_rows_keep_their_sheet_numbers()
    {
        var book = new XlsxBuilder();
        book.Sheet("说明").Row(1, "本工作簿为商标数据导出");
        book.Sheet("商标")
            .Row(1, "某市商标注册数据")
            .Row(2, "导出日期：", Date(2024, 6, 30))
            .Row(4, "序号", "申请号", "商标类型", "国际分类", "申请日", "注册日", "申请人", "地理标志")
            .Row(5, 1, "12345678", "普通", 35, Date(2023, 5, 6), Date(2024, 1, 20, ChineseDateStyle), "甲公司", false)
            .Row(6)
            .Row(7, 2, new Inline("G987654"), "集体", 29, Date(2022, 12, 31), null, new Inline("乙合作社"), true)
            .Row(8, null, " ", "\u3000")
            .Row(10, 3, 20231234567.0, "证明", 1, 45000, null, new Rich("丙", "协会"), null);
        var file = folder.File("drops/tm.xlsx");
        book.Save(file);

        var result = await Load("\"path\": \"drops/tm.xlsx\", \"sheet\": \"商标\"");

        Assert.Equal(3, result.RowsRead);
        Assert.Empty(result.MissingRequiredColumns);
        Assert.Equal(
            [
                ["s1", file, "5", "12345678", "普通", "35", "2023-05-06", "2024-01-20", "甲公司", "false"],
                ["s1", file, "7", "G987654", "集体", "29", "2022-12-31", null, "乙合作社", "true"],
                // 45000 in a General cell of a date column is a serial date; a 11-digit number stays whole.
                ["s1", file, "10", "20231234567", "证明", "1", "2023-03-15", null, "丙协会", null],
            ],
            warehouse.Rows("SELECT _source, _file, _row, application_no, mark_kind, nice_class, application_date, registration_date, applicant_name, is_gi FROM stg ORDER BY _row"));
    }

    [Fact]
    public async Task The_first_sheet_is_read_when_none_is_named()
    {
        var book = new XlsxBuilder();
        book.Sheet("Sheet1").Row(1, "申请号", "申请人", "申请日").Row(2, "A1", "甲", "2024-01-01");
        book.Sheet("Sheet2").Row(1, "申请号", "申请人", "申请日").Row(2, "B1", "乙", "2024-01-01");
        book.Save(folder.File("p.xlsx"));

        var result = await Load("\"path\": \"p.xlsx\"", "patents");

        Assert.Equal(1, result.RowsRead);
        Assert.Equal([["A1", "2", "2024-01-01"]], warehouse.Rows("SELECT application_no, _row, application_date FROM stg"));
    }

    [Fact]
    public async Task Numbers_are_invariant_text_and_dates_follow_the_cell_format()
    {
        var book = new XlsxBuilder();
        book.Sheet("案件")
            .Row(1, "案号", "案件类型", "立案日期", "中止天数", "涉案金额", "罚没款金额", "办案单位", "行政区划代码")
            .Row(2, "C1", "商标侵权", Date(2024, 3, 1), 0, 0.1 + 0.2, 1234567.5, Date(2024, 3, 2), 622901)
            // Serial 60 is Excel's non-existent 1900-02-29; serial 59 is 1900-02-28 and 61 is 1900-03-01.
            .Row(3, "C2", "假冒专利", 60, 1e-7, 1.5e20, -3, new Styled(61, DateStyle), 620000)
            .Row(4, "C3", "其他", 59, null, "1.5万", null, new Styled(45000.75, DateStyle), 6229);
        book.Save(folder.File("cases.xlsx"));

        await Load("\"path\": \"cases.xlsx\"", "cases");

        Assert.Equal(
            [
                ["C1", "2024-03-01", "0", "0.3", "1234567.5", "2024-03-02", "622901"],
                ["C2", "1900-02-29", "0.0000001", "150000000000000000000", "-3", "1900-03-01", "620000"],
                ["C3", "1900-02-28", null, "1.5万", null, "2023-03-15T18:00:00", "6229"],
            ],
            warehouse.Rows("SELECT case_no, filed_date, suspended_days, involved_amount, fine_amount, department, region_code FROM stg ORDER BY _row"));
    }

    [Fact]
    public async Task A_missing_sheet_names_the_sheets_there_are()
    {
        var book = new XlsxBuilder();
        book.Sheet("Sheet1").Row(1, "申请号");
        book.Sheet("数据").Row(1, "申请号");
        book.Save(folder.File("p.xlsx"));

        var error = await Assert.ThrowsAsync<SourceException>(() => Load("\"path\": \"p.xlsx\", \"sheet\": \"商标\"", "patents"));
        Assert.Contains("'商标'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Sheet1', '数据'", error.Message, StringComparison.Ordinal);
        Assert.Equal("sheet", error.Column);
    }

    [Fact]
    public async Task A_sheet_name_matches_ignoring_case_and_spaces()
    {
        var book = new XlsxBuilder();
        book.Sheet(" Patents ").Row(1, "申请号", "申请人", "申请日").Row(2, "A1", "甲", "2024-01-01");
        book.Save(folder.File("p.xlsx"));
        var result = await Load("\"path\": \"p.xlsx\", \"sheet\": \"patents\"", "patents");
        Assert.Equal(1, result.RowsRead);
    }

    [Fact]
    public async Task A_file_that_is_not_a_workbook_fails_and_loads_nothing()
    {
        var good = folder.File("drops/a.xlsx");
        var book = new XlsxBuilder();
        book.Sheet("S").Row(1, "申请号", "申请人", "申请日").Row(2, "A1", "甲", "2024-01-01");
        book.Save(good);
        var broken = folder.Write("drops/b.xlsx", "申请号,申请人\nA1,甲\n");

        var error = await Assert.ThrowsAsync<SourceException>(() => Load("\"path\": \"drops/*.xlsx\"", "patents"));

        Assert.Equal(broken, error.File);
        Assert.Contains(broken, error.Message, StringComparison.Ordinal);
        Assert.Contains("save it again as .xlsx", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.InnerException);
        Assert.False(error.IsTransient);
        Assert.Equal(0, warehouse.Count($"stg WHERE _file = '{broken}'"));
    }

    [Fact]
    public async Task A_sheet_broken_half_way_leaves_none_of_its_rows()
    {
        var book = new XlsxBuilder();
        var sheet = book.Sheet("S").Row(1, "申请号", "申请人", "申请日");
        for (var i = 2; i < 3000; i++)
        {
            sheet.Row(i, "A" + i, "甲", Date(2024, 1, 1));
        }
        var file = folder.File("p.xlsx");
        book.Save(file);
        TruncateSheetXml(file);

        var error = await Assert.ThrowsAsync<SourceException>(() => Load("\"path\": \"p.xlsx\"", "patents"));

        Assert.Contains("not a readable XLSX", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, warehouse.Count("stg"));
    }

    [Fact]
    public async Task Check_reports_the_header_and_the_missing_columns()
    {
        var book = new XlsxBuilder();
        book.Sheet("S").Row(1, "标题").Row(2, "申请号", "申请日", "备注").Row(3, "A1", Date(2024, 1, 1), "x");
        book.Save(folder.File("p.xlsx"));
        folder.Write("bad.xlsx", "not a workbook");

        var connector = SourceConnectors.For(ConnectorKind.Xlsx);
        var partial = await connector.CheckAsync(Configs.Source(folder, "patents", "xlsx", "\"path\": \"p.xlsx\""));
        var bad = await connector.CheckAsync(Configs.Source(folder, "patents", "xlsx", "\"path\": \"bad.xlsx\""));

        Assert.Equal(SourceCheckStatus.Failed, partial.Status);
        Assert.Contains("has no column for required applicant_name", partial.Message, StringComparison.Ordinal);
        Assert.Contains("Found: '申请号', '申请日', '备注'", partial.Message, StringComparison.Ordinal);
        Assert.Equal(SourceCheckStatus.Failed, bad.Status);
        Assert.Contains("bad.xlsx", bad.Message, StringComparison.Ordinal);
    }

    /// Cuts the sheet XML in the middle of a row, as a copy interrupted mid-way would.
    private static void TruncateSheetXml(string file)
    {
        using var zip = ZipFile.Open(file, ZipArchiveMode.Update);
        var entry = zip.Entries.Single(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal));
        string xml;
        using (var reader = new StreamReader(entry.Open()))
        {
            xml = reader.ReadToEnd();
        }
        entry.Delete();
        var replacement = zip.CreateEntry(entry.FullName);
        using var writer = new StreamWriter(replacement.Open());
        writer.Write(xml[..(xml.Length * 2 / 3)]);
    }

    private Task<SourceLoadResult> Load(string members, string kind = "trademarks") =>
        SourceConnectors.LoadAsync(Configs.Source(folder, kind, "xlsx", members), warehouse.Connection, "stg");
}
