using System.Globalization;
using System.Text;
using System.Text.Json;
using IpWarehouse.Etl.Tests.Demo;
using IpWarehouse.Etl.Tests.Infrastructure;

namespace IpWarehouse.Cli.Tests;

/// `--format parquet --out FILE` as a planner or statistician runs it (the real process on a loaded demo): each
/// file read back with Parquet.Net and with DuckDB's read_parquet holds the same rows as the CSV/JSON answer,
/// explicit types, and the Chinese labels as column metadata.
[Collection(AnswerDemo.Name)]
public sealed class ParquetAnswerTests(PlanningDemo demo)
{
    public static TheoryData<string[], string, string, string> Reports => new()
    {
        // command, then a column with its Parquet type (as DuckDB reads it) and the label the XLSX header shows
        { ["rank", "--indicator", "valid_invention_per_10k", "--year", "2024", "--within", "620000"], "value", "DOUBLE", "每万人口发明专利拥有量（件）" },
        { ["rank", "--indicator", "patent_applications", "--year", "2024", "--within", "620000", "--level", "county"], "rank", "BIGINT", "排名" },
        { ["indicators", "--year", "2024", "--region", "620100"], "period_start", "DATE", "统计期起" },
        { ["targets", "--year", "2023"], "target_value", "DOUBLE", "目标值" },
        { ["explain", "--indicator", "patent_applications", "--year", "2024", "--region", "620100"], "event_date", "DATE", "日期" },
        { ["violations", "--year", "2023"], "paid_amount", "DECIMAL(18,2)", "支付金额（元）" },
        { ["trend", "--indicator", "valid_invention_per_10k", "--region", "620102"], "value", "DOUBLE", "每万人口发明专利拥有量（件）" },
        { ["profile", "--region", "620100", "--year", "2024"], "rank", "BIGINT", "在甘肃省内排名" },
        { ["reconcile", "--year", "2024", "--within", "622900"], "difference_pct", "DOUBLE", "差异率（%）" },
        { ["rank", "--indicator", "case_closure_rate", "--from-year", "2022", "--to-year", "2024", "--within", "620000"], "previous_rank", "BIGINT", "上一时段名次" },
    };

    [Theory]
    [MemberData(nameof(Reports))]
    public async Task A_report_in_parquet_holds_the_csv_rows_typed_with_the_chinese_labels(string[] command, string column, string type, string label)
    {
        var file = Parquet(command);
        var csv = CsvTable(command);

        var parquet = await ParquetFile.ReadAsync(file);
        Assert.Equal(csv.Header, parquet.Columns.Select(c => c.Name));
        Assert.NotEmpty(parquet.Rows);
        Assert.Equal(csv.Rows.Count, parquet.Rows.Count);
        for (var r = 0; r < csv.Rows.Count; r++)
        {
            for (var c = 0; c < csv.Header.Count; c++)
            {
                Assert.True(Same(csv.Rows[r][c], parquet.Rows[r][c]), $"row {r + 1}, {csv.Header[c]}: csv '{csv.Rows[r][c]}', parquet '{parquet.Rows[r][c]}'");
            }
        }
        Assert.Equal(label, parquet[column].Label);
        Assert.All(parquet.Columns, c => Assert.False(string.IsNullOrEmpty(c.Label), $"{c.Name} has no label"));
        Assert.Contains("数据截至", parquet.Metadata["ipwh.notes"], StringComparison.Ordinal);

        using var duckDb = new StagingWarehouse();
        var described = duckDb.Rows($"DESCRIBE SELECT * FROM read_parquet('{file}')").ToDictionary(r => r[0]!, r => r[1]!);
        Assert.Equal(type, described[column]);
        Assert.Equal(parquet.Rows.Count, (int)duckDb.Count($"read_parquet('{file}')"));
        var labels = duckDb.Rows($"SELECT path_in_schema, decode(map_extract(key_value_metadata, 'label'::BLOB)[1]) FROM parquet_metadata('{file}') WHERE row_group_id = 0 ORDER BY column_id");
        Assert.Equal(parquet.Columns.Select(c => (c.Name, c.Label)), labels.Select(r => (r[0]!, r[1])));
        var values = duckDb.Rows($"SELECT CAST(\"{column}\" AS VARCHAR) FROM read_parquet('{file}')").Select(r => r[0]);
        Assert.Equal(parquet.Values(column).Select(Canonical), values.Select(Canonical));
    }

    [Fact]
    public async Task Sql_in_parquet_keeps_every_type_exactly_as_duckdb_has_it()
    {
        const string Query = """
            SELECT 42::HUGEINT AS huge, -123456789012.34::DECIMAL(18,2) AS money, 1234567890.1234567890::DECIMAL(38,10) AS wide,
                   DATE '2024-02-29' AS day, TIMESTAMP '2024-01-02 03:04:05.123456' AS local_time,
                   TIMESTAMPTZ '2024-01-02 03:04:05.5+08' AS instant, 7::SMALLINT AS small, 2147483647::INTEGER AS int,
                   9007199254740993::BIGINT AS big, 18446744073709551615::UBIGINT AS unsigned, 0.1::DOUBLE AS ratio,
                   '甘肃省 "兰州"' AS text, true AS flag, NULL::DATE AS nothing
            """;
        var file = Path.Combine(demo.Folder, $"sql-{Guid.NewGuid():N}.parquet");
        Ok("sql", "--format", "parquet", "--out", file, Query);

        using var duckDb = new StagingWarehouse();
        // DuckDB reading the file sees the query's own types (HUGEINT as DECIMAL(38,0)) and values
        var fileTypes = duckDb.Rows($"DESCRIBE SELECT * FROM read_parquet('{file}')").Select(r => $"{r[0]} {r[1]}");
        var queryTypes = duckDb.Rows($"DESCRIBE {Query}").Select(r => $"{r[0]} {r[1]}".Replace("huge HUGEINT", "huge DECIMAL(38,0)", StringComparison.Ordinal));
        Assert.Equal(queryTypes, fileTypes);
        var columns = string.Join(", ", duckDb.Rows($"DESCRIBE {Query}").Select(r => $"CAST(\"{r[0]}\" AS VARCHAR)"));
        Assert.Equal(duckDb.Rows($"SELECT {columns} FROM ({Query})").Single(), duckDb.Rows($"SELECT {columns} FROM read_parquet('{file}')").Single());

        var parquet = await ParquetFile.ReadAsync(file);
        var instant = Assert.IsType<Parquet.Schema.DateTimeDataField>(parquet["instant"].Field);
        var local = Assert.IsType<Parquet.Schema.DateTimeDataField>(parquet["local_time"].Field);
        Assert.True(instant.IsAdjustedToUTC);
        Assert.False(local.IsAdjustedToUTC);
        Assert.Equal("UTC", parquet["instant"].ChunkMetadata[0]["time_zone"]);
        Assert.Equal("2024-01-01 19:04:05.500000", parquet.Values("instant").Single());
        Assert.Equal("2024-01-02 03:04:05.123456", parquet.Values("local_time").Single());
        Assert.Equal("42", parquet.Values("huge").Single());
        Assert.Equal("-123456789012.34", parquet.Values("money").Single());
        Assert.Equal("1234567890.1234567890", parquet.Values("wide").Single());
        Assert.Equal("HUGEINT", parquet["huge"].ChunkMetadata[0]["duckdb_type"]);
        Assert.Null(parquet.Values("nothing").Single());
    }

    [Fact]
    public async Task Sql_labels_come_from_the_data_dictionary_and_a_large_result_streams_in_bounded_row_groups()
    {
        const string Province = "SELECT name, level, valid_from FROM dim_region WHERE region_code = '620000'";
        var labelled = Path.Combine(demo.Folder, $"regions-{Guid.NewGuid():N}.parquet");
        Ok("sql", "--format", "parquet", "--out", labelled, Province);
        var json = JsonDocument.Parse(Ok("sql", "--format", "json", Province)).RootElement[0];
        var regions = await ParquetFile.ReadAsync(labelled);
        // level is 层级 in dim_region but 级别 in fact_designation: a result column gets no label rather than a wrong one
        Assert.Equal(["名称", null, "生效日期"], regions.Columns.Select(c => c.Label));
        Assert.Equal($"甘肃省|province|{json.GetProperty("valid_from").GetString()}", string.Join("|", regions.Rows.Single()));

        var large = Path.Combine(demo.Folder, $"large-{Guid.NewGuid():N}.parquet");
        Ok("sql", "--format", "parquet", "--out", large, "SELECT range AS n, '行' || range AS s FROM range(120000)");
        var file = await ParquetFile.ReadAsync(large);
        Assert.Equal(3, file.RowGroups); // 50 000 + 50 000 + 20 000: never the whole result in memory
        Assert.Equal(Enumerable.Range(0, 120_000).Select(i => i.ToString(CultureInfo.InvariantCulture)), file.Values("n"));
        using var duckDb = new StagingWarehouse();
        Assert.Equal("119999 行119999", string.Join(' ', duckDb.Rows($"SELECT n, s FROM read_parquet('{large}') ORDER BY n DESC LIMIT 1").Single()));
    }

    [Fact]
    public async Task Rejects_in_parquet_are_the_json_rows_with_the_consoles_labels()
    {
        var json = JsonDocument.Parse(Ok("rejects", "--format", "json")).RootElement.EnumerateArray().ToList();
        var file = Path.Combine(demo.Folder, $"rejects-{Guid.NewGuid():N}.parquet");
        Ok("rejects", "--format", "parquet", "--out", file);

        var parquet = await ParquetFile.ReadAsync(file);
        Assert.NotEmpty(json);
        Assert.Equal(json.Count, parquet.Rows.Count);
        Assert.Equal(json.Select(r => r.GetProperty("reason").GetString()), parquet.Values("reason"));
        Assert.Equal(json.Select(r => r.GetProperty("row").ToString()), parquet.Values("row"));
        Assert.Equal(["批次", "数据源", "文件", "行", "列", "原值", "原因", "说明"], parquet.Columns.Select(c => c.Label));
        using var duckDb = new StagingWarehouse();
        Assert.Equal("BIGINT", duckDb.Rows($"DESCRIBE SELECT \"row\" FROM read_parquet('{file}')").Single()[1]);
    }

    [Fact]
    public void Parquet_needs_a_file_and_the_query_connection_still_cannot_write_one()
    {
        var noFile = demo.Run("sql", "--format", "parquet", "SELECT 1");
        Assert.NotEqual(0, noFile.ExitCode);
        Assert.Contains("--format parquet writes a file: add --out FILE", noFile.Stdout + noFile.Stderr, StringComparison.Ordinal);

        var answer = Path.Combine(demo.Folder, $"answer-{Guid.NewGuid():N}.parquet");
        var copied = Path.Combine(demo.Folder, $"copied-{Guid.NewGuid():N}.parquet");
        var copy = demo.Run("sql", "--format", "parquet", "--out", answer, $"COPY (SELECT 1) TO '{copied}' (FORMAT parquet)");
        Assert.Equal(1, copy.ExitCode);
        Assert.Contains("只允许查询", copy.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(copied));
        Assert.False(File.Exists(answer));

        var runs = demo.Run("runs", "--format", "parquet");
        Assert.NotEqual(0, runs.ExitCode);
    }

    private string Ok(params string[] args)
    {
        var result = demo.Run(args);
        Assert.True(result.ExitCode == 0, $"ipwh {string.Join(' ', args)} failed ({result.ExitCode}): {result.Stderr}");
        return result.Stdout;
    }

    private string Parquet(string[] command)
    {
        var file = Path.Combine(demo.Folder, $"{command[0]}-{Guid.NewGuid():N}.parquet");
        Ok([.. command, "--format", "parquet", "--out", file]);
        return file;
    }

    /// The report's table as its CSV has it (a summary above it, as explain writes, is skipped).
    private (List<string> Header, List<string[]> Rows) CsvTable(string[] command)
    {
        var file = Path.Combine(demo.Folder, $"{command[0]}-{Guid.NewGuid():N}.csv");
        Ok([.. command, "--format", "csv", "--out", file]);
        var text = File.ReadAllText(file, Encoding.UTF8).TrimStart('\uFEFF');
        var lines = text.Split("\r\n\r\n")[^1].Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(CsvText.Split).ToList();
        return (lines[0].ToList(), lines.Skip(1).ToList());
    }

    /// The CSV's text and Parquet's value agree: both missing, equal numbers (8000 and 8000.00), or equal text.
    private static bool Same(string csv, string? parquet) =>
        parquet is null ? csv.Length == 0
        : decimal.TryParse(csv, NumberStyles.Float, CultureInfo.InvariantCulture, out var a) && decimal.TryParse(parquet, NumberStyles.Float, CultureInfo.InvariantCulture, out var b)
            ? a == b
            : csv == parquet;

    private static string? Canonical(string? text) =>
        text is not null && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number.ToString("G29", CultureInfo.InvariantCulture)
        : text is not null && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time.ToString("s", CultureInfo.InvariantCulture)
        : text;
}
