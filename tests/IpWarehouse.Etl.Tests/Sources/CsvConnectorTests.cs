using System.Text;
using IpWarehouse.Etl.Configuration;
using IpWarehouse.Etl.Sources;
using IpWarehouse.Etl.Tests.Infrastructure;

namespace IpWarehouse.Etl.Tests.Sources;

/// CSV files written by the test, read by DuckDB's read_csv through the connector.
public sealed class CsvConnectorTests : IDisposable
{
    private const string Patents = "申请号,申请人,申请日,备注\r\nCN202310123456.7,甲科技有限公司,2023-05-06,x\r\n202320654321.X,\"乙大学, 化学院\",2023/7/8,\r\n";

    private static readonly Encoding Gb18030;

    private readonly TempFolder folder = new();
    private readonly StagingWarehouse warehouse = new();

    static CsvConnectorTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Gb18030 = Encoding.GetEncoding(54936);
    }

    public void Dispose()
    {
        warehouse.Dispose();
        folder.Dispose();
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("auto")]
    public async Task Utf8_without_bom_lands_as_text_with_line_numbers(string encoding)
    {
        var file = folder.WriteBytes("p.csv", Encoding.UTF8.GetBytes(Patents));
        var result = await Load($"\"path\": \"p.csv\", \"encoding\": \"{encoding}\"");

        Assert.Equal(2, result.RowsRead);
        Assert.Equal([file], result.Files);
        Assert.Empty(result.MissingRequiredColumns);
        AssertPatents(file);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("auto")]
    public async Task Utf8_with_bom_reads_the_first_header_cleanly(string encoding)
    {
        var file = folder.WriteBytes("p.csv", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Patents)]);
        var result = await Load($"\"path\": \"p.csv\", \"encoding\": \"{encoding}\"");
        Assert.Equal(2, result.RowsRead);
        AssertPatents(file);
    }

    [Theory]
    [InlineData("gb18030")]
    [InlineData("auto")]
    public async Task Gb18030_is_transcoded_and_the_temp_copy_removed(string encoding)
    {
        var file = folder.WriteBytes("p.csv", Gb18030.GetBytes(Patents));
        Assert.False(IsValidUtf8(File.ReadAllBytes(file)));
        var temp = Path.Combine(folder.Path, "wh", "tmp");

        var result = await Load($"\"path\": \"p.csv\", \"encoding\": \"{encoding}\"", new SourceLoadOptions { TempFolder = temp });

        Assert.Equal(2, result.RowsRead);
        AssertPatents(file);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp));
    }

    [Fact]
    public async Task Auto_decides_per_file()
    {
        folder.WriteBytes("drops/a.csv", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("申请号,申请人,申请日\nA1,甲,2023-01-01\n")]);
        folder.WriteBytes("drops/b.csv", Gb18030.GetBytes("申请人,申请号,申请日\n乙公司,B1,2023-01-02\n丙公司,B2,2023-01-03\n"));
        folder.WriteBytes("drops/c.csv", Encoding.UTF8.GetBytes("申请号,申请人,申请日\nC1,丁,2023-01-04\n"));

        var result = await Load("\"path\": \"drops/*.csv\"");

        Assert.Equal(4, result.RowsRead);
        Assert.Equal(3, result.Files.Count);
        Assert.Equal(
            [["a.csv", "2", "A1", "甲"], ["b.csv", "2", "B1", "乙公司"], ["b.csv", "3", "B2", "丙公司"], ["c.csv", "2", "C1", "丁"]],
            warehouse.Rows("SELECT parse_filename(_file), _row, application_no, applicant_name FROM stg ORDER BY _file, _row"));
    }

    [Fact]
    public async Task Title_rows_blank_rows_and_multi_line_cells_keep_the_operators_line_numbers()
    {
        var file = folder.Write("p.csv", string.Join("\n",
            "2024年专利申请明细",                 // 1 title
            "",                                   // 2 blank
            "统计日期：2024-06-30,,",             // 3 title
            "申请号,申请人,申请日",               // 4 header
            "A1,甲,2024-01-01",                   // 5
            "",                                   // 6 blank
            "A2,\"乙",                            // 7 a cell over two lines
            "分公司\",2024-01-02",                // 8
            ",,",                                 // 9 blank row of empty cells
            "  ,\u3000, ",                        // 10 blank row of spaces
            "A3,丙,2024-01-03",                   // 11
            "\"A4\",\"丁\"\"引号\"\"\",2024-01-04", // 12 quoted, with doubled quotes
            "A5,戊",                              // 13 short row
            "A6,己,2024-01-06,多余",              // 14 long row
            "",
            ""));

        var result = await Load("\"path\": \"p.csv\"");

        Assert.Equal(6, result.RowsRead);
        Assert.Equal(2, result.RowsBadShape);
        Assert.Equal(
            [
                ["5", "A1", "甲", "2024-01-01"],
                ["7", "A2", "乙\n分公司", "2024-01-02"],
                ["11", "A3", "丙", "2024-01-03"],
                ["12", "A4", "丁\"引号\"", "2024-01-04"],
            ],
            warehouse.Rows("SELECT _row, application_no, applicant_name, application_date FROM stg ORDER BY _row"));
        // The short and the long row are not padded or cut: they wait beside the staging table for the quarantine.
        Assert.Equal(
            [
                ["13", "_row", "A5,戊", "第 13 行有 2 个字段，表头有 3 个，各值无法对应到列（2 fields, header has 3, line 13）"],
                ["14", "_row", "A6,己,2024-01-06,多余", "第 14 行有 4 个字段，表头有 3 个，各值无法对应到列（4 fields, header has 3, line 14）"],
            ],
            warehouse.Rows("SELECT _row, column_name, raw_value, message FROM stg_shape ORDER BY _row"));
        Assert.Equal(result.RowsRead, warehouse.Count("stg") + warehouse.Count("stg_shape"));
        Assert.Single(result.Warnings, w => w.Contains("1 row(s) with free-text cells spanning lines, first on line 7", StringComparison.Ordinal));
        _ = file;
    }

    [Fact]
    public async Task A_stray_quote_inside_a_cell_is_kept_as_text()
    {
        folder.Write("p.csv", "申请号,申请人,申请日\nA1,甲\"乙\"丙,2024-01-01\nA2,丁,2024-01-02\n");
        var result = await Load("\"path\": \"p.csv\"");
        Assert.Equal(2, result.RowsRead);
        Assert.Empty(result.Warnings);
        Assert.Equal([["2", "A1", "甲\"乙\"丙"], ["3", "A2", "丁"]], warehouse.Rows("SELECT _row, application_no, applicant_name FROM stg ORDER BY _row"));
    }

    [Fact]
    public async Task A_file_name_with_glob_characters_is_read_as_itself()
    {
        var file = folder.Write("drops/专利[2024].csv", "申请号,申请人,申请日\nA1,甲,2024-01-01\n");
        var result = await Load("\"path\": \"drops/*.csv\"");
        Assert.Equal(1, result.RowsRead);
        Assert.Equal([[file, "A1"]], warehouse.Rows("SELECT _file, application_no FROM stg"));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(folder.Path, "tmp")));
    }

    [Fact]
    public async Task Crlf_files_count_lines_like_lf_files()
    {
        folder.Write("p.csv", "申请号,申请人,申请日\r\n\r\nA1,甲,2024-01-01\r\nA2,\"乙\r\n分\",2024-01-02\r\nA3,丙,2024-01-03\r\n");
        await Load("\"path\": \"p.csv\"");
        Assert.Equal([["3", "A1"], ["4", "A2"], ["6", "A3"]], warehouse.Rows("SELECT _row, application_no FROM stg ORDER BY _row"));
    }

    [Theory]
    [InlineData(";")]
    [InlineData("\t")]
    [InlineData("|")]
    public async Task Other_delimiters_are_found_by_the_header(string delimiter)
    {
        folder.Write("p.csv", $"申请号{delimiter}申请人{delimiter}申请日\nA1{delimiter}甲, 乙{delimiter}2024-01-01\n");
        var result = await Load("\"path\": \"p.csv\"");
        Assert.Equal(1, result.RowsRead);
        Assert.Equal([["A1", "甲, 乙", "2024-01-01"]], warehouse.Rows("SELECT application_no, applicant_name, application_date FROM stg"));
    }

    [Fact]
    public async Task A_columns_mapping_wins()
    {
        folder.Write("p.csv", "No,申请号,Owner,地址,申请日\nP-1,ignored,甲,兰州,2024-01-01\n");
        var result = await Load("\"path\": \"p.csv\", \"columns\": { \"application_no\": \"No\", \"applicant_name\": \"Owner\" }");

        Assert.Equal(1, result.RowsRead);
        Assert.Equal([["P-1", "甲", "兰州", "2024-01-01"]], warehouse.Rows("SELECT application_no, applicant_name, applicant_address, application_date FROM stg"));
    }

    [Fact]
    public async Task A_required_column_absent_from_the_header_fails_the_file_listing_expected_and_found_headers()
    {
        // The path points at the wrong file: a training list instead of patents. Today every row loaded as missing_required.
        var file = folder.Write("p.csv", "活动编号,日期,人次\nT1,2024-03-01,30\n");
        var error = await Assert.ThrowsAsync<SourceException>(() => Load("\"path\": \"p.csv\""));

        Assert.Equal(file, error.File);
        Assert.Contains("has no column for required application_no, application_date, applicant_name, so nothing of the file was loaded", error.Message, StringComparison.Ordinal);
        Assert.Contains("Expected headers: application_no (申请号), application_date (申请日), applicant_name (申请人/第一申请人/专利权人)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Found: '活动编号', '日期', '人次'", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, warehouse.Count("stg"));
    }

    [Theory]
    [InlineData("活动编号,日期,行政区划代码,人次,person_times\n", "'人次' (column 4) and 'person_times' (column 5) both name person_times", "\"columns\": { \"person_times\": \"人次\" }")]
    [InlineData("活动编号,日期,行政区划代码,人次,人次\n", "'人次' (column 4) and '人次' (column 5) both name person_times", "Rename one of the two columns in the file")]
    public async Task Two_headers_naming_one_column_fail_the_file_naming_both_and_the_mapping_that_settles_it(string header, string clash, string fix)
    {
        folder.Write("t.csv", header + "T1,2024-03-01,620102,30,31\n");
        var error = await Assert.ThrowsAsync<SourceException>(() => SourceConnectors.LoadAsync(
            Configs.Source(folder, "training", "csv", "\"path\": \"t.csv\""), warehouse.Connection, "stg"));
        Assert.Contains(clash, error.Message, StringComparison.Ordinal);
        Assert.Contains(fix, error.Message, StringComparison.Ordinal);
        Assert.Contains("“人次”与", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_columns_mapping_settles_two_headers_naming_one_column()
    {
        folder.Write("t.csv", "活动编号,日期,行政区划代码,人次,person_times\nT1,2024-03-01,620102,30,31\n");
        await SourceConnectors.LoadAsync(
            Configs.Source(folder, "training", "csv", "\"path\": \"t.csv\", \"columns\": { \"person_times\": \"person_times\" }"), warehouse.Connection, "stg");
        Assert.Equal([["31"]], warehouse.Rows("SELECT person_times FROM stg"));
    }

    [Fact]
    public async Task A_utf8_file_declared_gb18030_is_called_utf8_not_neither()
    {
        folder.WriteBytes("p.csv", Encoding.UTF8.GetBytes(Patents));
        var error = await Assert.ThrowsAsync<SourceException>(() => Load("\"path\": \"p.csv\", \"encoding\": \"gb18030\""));
        Assert.Contains("is UTF-8 text, but ipwh.json declares \"encoding\": \"gb18030\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("Set \"encoding\": \"utf-8\"", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("neither", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_bytes_under_encoding_auto_do_not_advise_setting_auto()
    {
        // A UTF-8 byte-order mark (which auto trusts), then a row in GB18030.
        folder.WriteBytes("p.csv", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("申请号,申请人,申请日\nA1,甲,2024-01-01\n"), .. Gb18030.GetBytes("A2,乙公司,2024-01-02\n")]);
        var error = await Assert.ThrowsAsync<SourceException>(() => Load("\"path\": \"p.csv\", \"encoding\": \"auto\""));
        Assert.Contains("starts with a UTF-8 byte-order mark", error.Message, StringComparison.Ordinal);
        Assert.Contains("(line 3)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("(or \"auto\")", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_binary_file_fails_with_the_file_named_and_loads_nothing()
    {
        folder.Write("drops/a.csv", "申请号,申请人,申请日\nA1,甲,2024-01-01\n");
        var binary = folder.WriteBytes("drops/b.csv", [0x00, 0x01, 0x02, 0x03, 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46]);

        var error = await Assert.ThrowsAsync<SourceException>(() => Load("\"path\": \"drops/*.csv\""));

        Assert.Equal(binary, error.File);
        Assert.Equal("s1", error.SourceName);
        Assert.Contains(binary, error.Message, StringComparison.Ordinal);
        Assert.Contains("not CSV", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsTransient);
        Assert.Equal(0, warehouse.Count($"stg WHERE _file = '{binary}'"));
    }

    [Fact]
    public async Task A_workbook_in_the_csv_folder_is_named_as_such()
    {
        var book = new XlsxBuilder();
        book.Sheet("Sheet1").Row(1, "申请号");
        book.Save(folder.File("p.csv"));
        var error = await Assert.ThrowsAsync<SourceException>(() => Load("\"path\": \"p.csv\""));
        Assert.Contains("connector xlsx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nul_byte_far_into_the_file_is_caught_by_the_scan()
    {
        var text = new StringBuilder("申请号,申请人,申请日\n");
        for (var i = 0; i < 5000; i++)
        {
            text.Append('A').Append(i).Append(",甲,2024-01-01\n");
        }
        folder.WriteBytes("p.csv", [.. Encoding.UTF8.GetBytes(text.ToString()), 0, 0, (byte)'\n']);
        var error = await Assert.ThrowsAsync<SourceException>(() => Load("\"path\": \"p.csv\""));
        Assert.Contains("NUL", error.Message, StringComparison.Ordinal);
        Assert.Equal(5002, error.Row);
    }

    [Fact]
    public async Task A_gb18030_file_declared_utf8_fails_with_the_fix()
    {
        folder.WriteBytes("p.csv", Gb18030.GetBytes(Patents));
        var error = await Assert.ThrowsAsync<SourceException>(() => Load("\"path\": \"p.csv\", \"encoding\": \"utf-8\""));
        Assert.Contains("gb18030", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.InnerException);
        Assert.Equal(0, warehouse.Count("stg"));
    }

    [Fact]
    public async Task A_file_that_is_neither_utf8_nor_gb18030_fails()
    {
        folder.WriteBytes("p.csv", [.. Encoding.UTF8.GetBytes("申请号,申请人\nA1,"), 0xFF, 0xFF, (byte)'\n']);
        var error = await Assert.ThrowsAsync<SourceException>(() => Load("\"path\": \"p.csv\""));
        Assert.Contains("neither UTF-8 nor GB18030", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unclosed_quote_names_its_line()
    {
        folder.Write("p.csv", "申请号,申请人,申请日\nA1,甲,2024-01-01\nA2,\"乙,2024-01-02\nA3,丙,2024-01-03\n");
        var error = await Assert.ThrowsAsync<SourceException>(() => Load("\"path\": \"p.csv\""));
        Assert.Equal(3, error.Row);
        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_file_loads_no_rows()
    {
        folder.Write("p.csv", "");
        var result = await Load("\"path\": \"p.csv\"");
        Assert.Equal(0, result.RowsRead);
        Assert.Equal(0, warehouse.Count("stg"));
    }

    [Theory]
    [InlineData(false)] // read by DuckDB's parallel scanner
    [InlineData(true)] // cells spanning lines: read single-threaded
    public async Task A_large_file_reconciles_and_keeps_line_numbers(bool multiLineCells)
    {
        // Blank lines (and two-line cells) scattered through 200 000 rows: the rowid-to-line mapping must
        // hold. About 20 MB, so DuckDB's parallel scanner (8 MB per task) splits the file.
        var text = new StringBuilder("专利数据导出\n申请号,申请人,申请日,备注\n");
        var filler = new string('注', 20);
        var expected = new Dictionary<string, long>();
        long line = 3;
        for (var i = 0; i < 200_000; i++)
        {
            if (i % 997 == 0)
            {
                text.Append('\n');
                line++;
            }
            var id = "N" + i;
            expected[id] = line;
            if (multiLineCells && i % 1511 == 0)
            {
                text.Append(id).Append(",\"申请人\n第二行\",2024-01-01,\n");
                line += 2;
            }
            else
            {
                text.Append(id).Append(",申请人").Append(i).Append(",2024-01-01,").Append(filler).Append('\n');
                line++;
            }
        }
        folder.Write("big.csv", text.ToString());

        var result = await Load("\"path\": \"big.csv\"");

        Assert.Equal(200_000, result.RowsRead);
        Assert.Equal(200_000, warehouse.Count("stg"));
        Assert.Equal(multiLineCells ? ["133 row(s) with free-text cells spanning lines, first on line 4"] : [],
            result.Warnings.Select(w => w[(w.IndexOf('(', StringComparison.Ordinal) + 1)..^2]));
        var rows = warehouse.Rows("SELECT application_no, _row FROM stg");
        Assert.All(rows, r => Assert.Equal(expected[r[0]!].ToString(System.Globalization.CultureInfo.InvariantCulture), r[1]));
    }

    [Fact]
    public async Task Check_reports_ok_warning_and_failure()
    {
        folder.Write("good/p.csv", Patents);
        folder.Write("partial/p.csv", "申请号,备注\nA1,x\n");
        folder.WriteBytes("bad/p.csv", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00]);
        folder.WriteBytes("gbk/p.csv", Gb18030.GetBytes(Patents));

        var connector = SourceConnectors.For(ConnectorKind.Csv);
        var good = await connector.CheckAsync(Source("\"path\": \"good/*.csv\""));
        var gbk = await connector.CheckAsync(Source("\"path\": \"gbk/*.csv\""));
        var partial = await connector.CheckAsync(Source("\"path\": \"partial/*.csv\""));
        var bad = await connector.CheckAsync(Source("\"path\": \"bad/*.csv\""));

        Assert.Equal(SourceCheckStatus.Ok, good.Status);
        Assert.Equal(SourceCheckStatus.Ok, gbk.Status);
        Assert.Equal(SourceCheckStatus.Failed, partial.Status);
        Assert.Contains("has no column for required application_date, applicant_name", partial.Message, StringComparison.Ordinal);
        Assert.Contains("Found: '申请号', '备注'", partial.Message, StringComparison.Ordinal);
        Assert.Equal(SourceCheckStatus.Failed, bad.Status);
        Assert.Contains("ZIP", bad.Message, StringComparison.Ordinal);
    }

    private void AssertPatents(string file)
    {
        Assert.Equal(
            [
                ["s1", file, "2", "CN202310123456.7", "甲科技有限公司", "2023-05-06", null],
                ["s1", file, "3", "202320654321.X", "乙大学, 化学院", "2023/7/8", null],
            ],
            warehouse.Rows("SELECT _source, _file, _row, application_no, applicant_name, application_date, ipc_main FROM stg ORDER BY _row"));
        Assert.Equal(["_source", "_file", "_row", "application_no", "patent_type", "application_date", "grant_date", "lapse_date",
            "applicant_name", "applicant_type", "applicant_address", "region_code", "credit_code", "ipc_main",
            "is_pct_national_phase", "high_value_flags", "abnormal_date"], warehouse.Columns("stg"));
    }

    private SourceDefinition Source(string members) => Configs.Source(folder, "patents", "csv", members);

    private Task<SourceLoadResult> Load(string members, SourceLoadOptions? options = null) =>
        SourceConnectors.LoadAsync(Source(members), warehouse.Connection, "stg", options ?? new SourceLoadOptions { TempFolder = Path.Combine(folder.Path, "tmp") });

    private static bool IsValidUtf8(byte[] bytes) => System.Text.Unicode.Utf8.IsValid(bytes);
}
