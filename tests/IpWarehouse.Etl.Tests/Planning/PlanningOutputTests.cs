using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using IpWarehouse.Etl.Indicators;
using IpWarehouse.Etl.Planning;
using IpWarehouse.Etl.Regions;
using static IpWarehouse.Etl.Tests.Indicators.IndicatorWarehouse;
using static IpWarehouse.Etl.Tests.Planning.PlanningWarehouse;

namespace IpWarehouse.Etl.Tests.Planning;

/// The output contracts: JSON shapes (snapshot), CSV with BOM and unrounded numbers, and XLSX that passes
/// the OpenXml SDK's validator with a title, Chinese headers, units, number formats and a frozen header.
public sealed class PlanningOutputTests : IDisposable
{
    private static readonly DateOnly Day = new(2024, 6, 30);
    private static readonly PublishInfo Publish = new("20240701T010000-abcd", new DateTimeOffset(2024, 6, 30, 17, 0, 0, TimeSpan.Zero));
    private readonly PlanningWarehouse fixture = new();

    public PlanningOutputTests()
    {
        var w = fixture.Warehouse;
        // 2023 inventions: 临夏市 1 of 3 filings, 临夏县 2; 康乐县 none (no population: missing)
        w.Patent("P1", "invention", "2023-03-01", region: LinxiaCity);
        w.Patent("P2", "design", "2023-03-02", region: LinxiaCity);
        w.Patent("P3", "design", "2023-03-03", region: LinxiaCity);
        w.Patent("P4", "invention", "2023-03-01", region: LinxiaCounty);
        w.Patent("P5", "invention", "2023-03-05", region: LinxiaCounty);
        w.Population(LinxiaCity, 2023, 300_000);
        w.Population(LinxiaCounty, 2023, 600_000);
        w.Population(Yongjing, 2023, 100_000);
        w.Population(Linxia, 2023, 2_000_000);
    }

    [Fact]
    public void The_json_shapes_match_the_snapshot()
    {
        var actual = new List<string>();
        Section(actual, "rank", new RankRow(1, "622901", "临夏市", "invention_share", 2024, "year", 33.3, "%", 30.0, 2, 1, "622900", 40.0, false));
        Section(actual, "indicators", new IndicatorValue("622901", "临夏市", "county", "invention_share", "发明专利申请占比", "%", 2024, "year",
            new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), 33.3, 1, 3));
        Section(actual, "targets", new TargetRow("622901", "临夏市", "patent_applications", "专利申请量", "件", 2024, ">=", 100, "622900", 500, 40,
            "ytd", Day, 80, "seasonal", TargetStatus.AtRisk, "《规划》", "说明")
        {
            PlanPeriod = "2021-2025", YearValue = 40, YearTarget = 60, Progress = 66.7, ValueSource = "official",
        });
        using var settings = JsonDocument.Parse(IndicatorSettings.Default.ToJson());
        Section(actual, "explain", new Explanation("622901", "临夏市", "valid_invention_per_10k", "每万人口发明专利拥有量", "件", "…", 2024,
            new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), 0.5, 15, "有效发明专利量", 300_000, "常住人口", settings.RootElement.Clone(),
            [new ExplainRule("populationType", "常住人口")], DateTimeOffset.UnixEpoch,
            new PopulationRow("622901", 2024, "resident", 300_000, "stats", "pop.xlsx", 7, "b1"), "valid_invention_patents", 15,
            [new IndicatorFact("fact_patent", "2019100000001", new DateOnly(2020, 1, 1), 1, "622901", "cnipa", "p.csv", 2, "b1")], Publish)
        {
            Period = "2021-2024",
        });
        Section(actual, "violations", new SubsidyViolation("PAY-1", "rights_protection_cap", new DateOnly(2021, 7, 1), "支付 …", "rights_protection",
            "legal_entity", "ZL1", "county", "622901", "临夏市", new DateOnly(2024, 5, 1), 12000.5, 10000, "PAY-0", "finance", 3, "b1"));
        Section(actual, "trend", new TrendRow("622921", "临夏县", "patent_applications", 2023, 2, "件", "622900", "临夏回族自治州", 8, 2, 4, ">=", 5));
        Section(actual, "profile", new ProfileRow("622921", "临夏县", "patent_applications", "专利申请量", "件", "+", 2023, 2, 1, 1, 2, 4, 3,
            "622900", "临夏回族自治州", 8, false, ">=", 5, TargetStatus.Missed, [new YearValue(2023, 2)]));
        Section(actual, "map", new MapRow(1, "622901", "临夏市", "county", "patent_applications", 2023, 3, "件", "622900", 8, "lx.json", "临夏市"));
        Section(actual, "regions", new RegionNode("620000", "甘肃省", "province", [new RegionNode("622900", "临夏回族自治州", "city", [])]));
        Section(actual, "region_history", new RegionChange("620824", "华亭县", "620881", "华亭市", new DateOnly(2017, 12, 31), new DateOnly(2019, 4, 30),
            "撤县设市", ["620881"], true));
        using var reconcileSettings = JsonDocument.Parse(IndicatorSettings.Default.ToJson());
        Section(actual, "reconcile", new ReconcileRow("622921", "临夏县", "patent_applications", "专利申请量", "件", 2023, "year", 8, 4, -4, -50, "differs",
            "《统计公报》", new DateOnly(2024, 3, 1), new ReconcileExplanation(4, [new AttributionShare("address", 1, 25)], 25,
                [new QuarantineCount("bad_date", 1)], 1, ["622927"], reconcileSettings.RootElement.Clone(), [new ExplainRule("attribution", "…")], "…")));

        var expected = File.ReadAllLines(SnapshotPath()).Where(l => !l.StartsWith('#')).ToList();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Json_numbers_are_unrounded_and_missing_values_are_null()
    {
        using var queries = fixture.Queries();
        var json = PlanningJson.Serialize(queries.Rank("invention_applications_per_100k", 2023, Linxia).Rows);
        using var document = JsonDocument.Parse(json);
        var rows = document.RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("region_code").GetString()!);

        // 1 / 300 000 × 100 000 = 0.333…, written in full; 康乐县 has no population
        Assert.Equal(1.0 / 300_000 * 100_000, rows[LinxiaCity].GetProperty("value").GetDouble());
        Assert.True(rows[LinxiaCity].GetProperty("value").GetRawText().Length > 10);
        Assert.Equal(JsonValueKind.Null, rows[Kangle].GetProperty("value").ValueKind);
        Assert.Equal(JsonValueKind.Null, rows[Kangle].GetProperty("rank").ValueKind);
    }

    [Fact]
    public void Csv_is_utf8_with_bom_and_keys_as_headers()
    {
        using var queries = fixture.Queries();
        var report = PlanningReports.Rank(queries.Rank("invention_applications_per_100k", 2023, Linxia), TimeZoneInfo.Utc);
        using var writer = new StringWriter();
        ReportCsv.Write(report, writer);
        var bytes = new UTF8Encoding(false).GetBytes(writer.ToString());

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = writer.ToString()[1..].Split("\r\n");
        Assert.Equal("rank,rank_change,region_code,region_name,value,previous_rank,previous_value,parent_value,above_parent", lines[0]);
        // 临夏县 2 / 600 000 × 100 000 = 0.333… ties 临夏市; the row order is rank, then code
        Assert.StartsWith("1,,622901,临夏市,0.3333333333333333,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("1,,622921,临夏县,0.3333333333333333,", lines[2], StringComparison.Ordinal);
        Assert.StartsWith(",,622922,康乐县,,", lines[4], StringComparison.Ordinal);
    }

    [Fact]
    public void Xlsx_passes_the_validator_with_title_headers_units_formats_and_a_frozen_header()
    {
        using var queries = fixture.Queries();
        var ranking = queries.Rank("invention_applications_per_100k", 2023, Linxia);
        using var stream = new MemoryStream();
        ReportXlsx.Write(PlanningReports.Rank(ranking, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")), stream);

        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var rows = sheet.Descendants<Row>().ToList();
        // empty cells are not written: find a cell by its reference
        string Text(Row row, int column) =>
            row.Elements<Cell>().SingleOrDefault(c => c.CellReference == $"{(char)('A' + column)}{row.RowIndex}")?.InnerText ?? "";
        Assert.Contains("每十万人口发明专利申请量", Text(rows[0], 0), StringComparison.Ordinal);
        Assert.Contains("2023", Text(rows[0], 0), StringComparison.Ordinal);
        Assert.Contains("数据截至 2024-03-01 08:00 批次 b1", string.Join("\n", rows.Take(3).Select(r => Text(r, 0))), StringComparison.Ordinal);
        var header = rows.Single(r => r.Elements<Cell>().Any(c => c.InnerText == "排名"));
        Assert.Contains("每十万人口发明专利申请量（件）", header.Elements<Cell>().Select(c => c.InnerText));

        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(header.RowIndex!.Value, (uint)pane.VerticalSplit!.Value);

        // the data rows: rank and unrounded value, as numbers with a number format
        var data = rows.Where(r => r.RowIndex!.Value > header.RowIndex!.Value).ToList();
        Assert.Equal(ranking.Rows.Select(r => r.RegionCode), data.Select(r => Text(r, 2)));
        var value = data[0].Elements<Cell>().Single(c => c.CellReference == $"E{data[0].RowIndex}");
        Assert.Equal(1.0 / 300_000 * 100_000, double.Parse(value.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture));
        var formats = document.WorkbookPart.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var numberFormat = formats[(int)value.StyleIndex!.Value].NumberFormatId!.Value;
        var codes = document.WorkbookPart.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<NumberingFormat>()
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value);
        Assert.Equal("#,##0.00", codes[numberFormat]);
    }

    [Theory]
    [InlineData("rank")]
    [InlineData("indicators")]
    [InlineData("targets")]
    [InlineData("explain")]
    [InlineData("violations")]
    [InlineData("reconcile")]
    [InlineData("region_history")]
    public void Every_report_passes_the_validator(string which)
    {
        fixture.Target(LinxiaCity, 2023, "invention_share", ">=", 25);
        fixture.Target(LinxiaCity, 2023, "valid_invention_per_10k", ">parent_avg", null);
        fixture.PlanTarget(LinxiaCity, 2021, 2025, "patent_applications", ">=", 20);
        fixture.Official(LinxiaCity, "patent_applications", 2023, "year", 4);
        using var queries = fixture.Queries();
        var zone = TimeZoneInfo.Utc;
        var report = which switch
        {
            "rank" => PlanningReports.Rank(queries.Rank("patent_applications", 2023, Gansu, "county"), zone),
            "indicators" => PlanningReports.Indicators(queries.Indicators(2023), 2023, null, queries.Publish, zone),
            "targets" => PlanningReports.Targets(queries.Targets(2023), zone),
            "explain" => PlanningReports.Explain(queries.Explain("invention_applications_per_100k", 2023, Linxia), zone),
            "reconcile" => PlanningReports.Reconcile(queries.Reconcile(2023), zone),
            "region_history" => PlanningAnswer.RegionHistory("620824", Regions.Shipped.Catalog, RegionSuccession.LoadDefault()).Report(),
            _ => PlanningReports.Violations(queries.Violations(2023), 2023, queries.Publish, zone),
        };
        using var stream = new MemoryStream();
        ReportXlsx.Write(report, stream);
        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, false);

        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private static void Section<T>(List<string> lines, string name, T row)
    {
        lines.Add($"[{name}]");
        using var document = JsonDocument.Parse(PlanningJson.Serialize([row]));
        Shape(lines, document.RootElement[0], "");
    }

    private static void Shape(List<string> lines, JsonElement element, string prefix)
    {
        foreach (var property in element.EnumerateObject())
        {
            lines.Add($"{prefix}{property.Name}: {Kind(property.Value)}");
            if (property.Value.ValueKind == JsonValueKind.Object && property.Name != "settings")
            {
                Shape(lines, property.Value, $"{prefix}{property.Name}.");
            }
            else if (property.Value.ValueKind == JsonValueKind.Array && property.Value.GetArrayLength() > 0)
            {
                if (property.Value[0].ValueKind == JsonValueKind.Object)
                {
                    Shape(lines, property.Value[0], $"{prefix}{property.Name}[].");
                }
                else
                {
                    lines.Add($"{prefix}{property.Name}[]: {Kind(property.Value[0])}");
                }
            }
        }
    }

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => "number",
        JsonValueKind.String => "string",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        _ => "null",
    };

    private static string SnapshotPath()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "IpWarehouse.sln")))
            {
                return Path.Combine(folder.FullName, "tests", "IpWarehouse.Etl.Tests", "Planning", "planning-json.snapshot.txt");
            }
        }
        Assert.Fail($"No IpWarehouse.sln above {AppContext.BaseDirectory}: the snapshot test runs from the repository.");
        return "";
    }

    public void Dispose() => fixture.Dispose();
}
