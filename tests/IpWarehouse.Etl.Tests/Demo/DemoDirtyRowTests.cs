using System.Globalization;
using System.Text;
using System.Text.Json;
using IpWarehouse.Etl.Layouts;
using Microsoft.Data.Sqlite;

namespace IpWarehouse.Etl.Tests.Demo;

/// The dirty-row list is a contract for the loader's tests: it must cover every reason and point at the
/// very row, as the operator counts rows, that holds the spoiled value.
public class DemoDirtyRowTests(DemoFixture demo) : IClassFixture<DemoFixture>
{
    [Fact]
    public void Every_quarantine_reason_is_covered()
    {
        Assert.Equal(Reasons.All.Order(), demo.Summary.DirtyRows.Select(d => d.Reason).Distinct().Order());
        Assert.All(DemoSummaryKinds, kind => Assert.True(demo.Summary.DirtyCounts[kind] >= 2, $"{kind} has fewer than two dirty rows"));
        Assert.Equal(demo.Summary.DirtyRows.Count, demo.Summary.Files.Sum(f => f.DirtyRows));
    }

    [Fact]
    public void Dirty_rows_of_one_source_have_distinct_row_numbers()
    {
        foreach (var group in demo.Summary.DirtyRows.GroupBy(d => d.Source))
        {
            Assert.Equal(group.Count(), group.Select(d => d.Row).Distinct().Count());
        }
    }

    [Fact]
    public void Each_dirty_row_number_points_at_the_spoiled_value()
    {
        foreach (var dirty in demo.Summary.DirtyRows)
        {
            var actual = dirty.Kind switch
            {
                "cases" => CaseValue(dirty.Row, dirty.Column),
                _ when dirty.File.EndsWith(".xlsx", StringComparison.Ordinal) => WorkbookValue(dirty),
                _ => CsvValue(dirty),
            };
            Assert.True(actual == (dirty.Value ?? ""), $"{dirty.Source} row {dirty.Row} {dirty.Column}: expected '{dirty.Value}', found '{actual}'");
        }
    }

    [Fact]
    public void Bad_dates_are_unreadable_before_1985_or_more_than_a_year_ahead()
    {
        var today = demo.Summary.Today;
        var formats = new[] { "yyyy-MM-dd", "yyyy.MM.dd", "yyyy/M/d", "yyyy年M月d日" };
        var kinds = new List<string>();
        foreach (var dirty in demo.Summary.DirtyRows.Where(d => d.Reason == "bad_date"))
        {
            if (!DateOnly.TryParseExact(dirty.Value, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                kinds.Add("unreadable");
            }
            else
            {
                Assert.True(date < new DateOnly(1985, 1, 1) || date > today.AddYears(2), $"{dirty.Source} row {dirty.Row}: {date} is a plausible date");
                kinds.Add(date.Year < 1985 ? "early" : "future");
            }
        }
        Assert.Equal(["early", "future", "unreadable"], kinds.Distinct().Order());
    }

    [Fact]
    public void Subsidy_rule_breakers_are_listed_with_their_lines()
    {
        var rules = demo.Summary.SubsidyViolations.Select(v => v.Rule).Distinct().Order().ToList();
        Assert.Equal(["paid_twice_across_levels", "patent_application_ended", "rights_protection_cap", "rights_protection_share"], rules);
        var file = demo.FilesOf("subsidies").Single();
        var rows = CsvText.Read(demo.PathOf(file.Path), Encoding.UTF8);
        foreach (var violation in demo.Summary.SubsidyViolations)
        {
            var cells = rows[(int)violation.Row - 1];
            Assert.Equal(violation.PaymentNo, cells[0]);
            Assert.Equal(violation.RegionCode, cells[9]);
        }
        // The second of two payments for one patent: the first one (another level) is on an earlier line.
        foreach (var twice in demo.Summary.SubsidyViolations.Where(v => v.Rule == "paid_twice_across_levels"))
        {
            var related = rows[(int)twice.Row - 1][10];
            Assert.Equal(2, rows.Count(r => r[10] == related));
        }
    }

    private static readonly string[] DemoSummaryKinds = [.. Etl.Demo.DemoSummary.Kinds];

    private string CsvValue(Etl.Demo.DemoDirtyRow dirty)
    {
        var encoding = dirty.Kind == "patents" ? CsvText.Gb18030 : Encoding.UTF8;
        var rows = CsvText.Read(demo.PathOf(dirty.File), encoding);
        var column = ColumnIndex(dirty.Kind, dirty.Column, rows[0]);
        return rows[(int)dirty.Row - 1][column];
    }

    private string WorkbookValue(Etl.Demo.DemoDirtyRow dirty)
    {
        var sheetName = dirty.Kind switch { "trademarks" => "商标", "population" => "人口", "gi_products" => "保护产品", _ => "目标" };
        var sheet = WorkbookText.Read(demo.PathOf(dirty.File), sheetName);
        var header = Enumerable.Range(0, sheet.Rows[3].Keys.Max() + 1).Select(c => sheet.Cell(3, c)?.Text ?? "").ToArray();
        var cell = sheet.Cell(dirty.Row, ColumnIndex(dirty.Kind, dirty.Column, header));
        return cell switch
        {
            null => "",
            { IsDate: true } => cell.AsDate().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => cell.Text,
        };
    }

    private string CaseValue(long ordinal, string canonical)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(demo.Summary.ConfigPath), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var mapping = json.RootElement.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("kind").GetString() == "cases").GetProperty("columns");
        var column = mapping.GetProperty(canonical).GetString();
        using var connection = new SqliteConnection($"Data Source={demo.PathOf("cases.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        // The loader reads the table in full in rowid order and numbers the rows 1..n.
        command.CommandText = $"SELECT \"{column}\" FROM IpCases ORDER BY rowid LIMIT 1 OFFSET {ordinal - 1}";
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
    }

    /// The source column a canonical column is read from: its canonical name or one of its aliases.
    private static int ColumnIndex(string kind, string canonical, IReadOnlyList<string> header)
    {
        Assert.True(LayoutCatalog.TryParseKind(kind, out var sourceKind));
        var column = LayoutCatalog.Get(sourceKind).Columns.Single(c => c.Name == canonical);
        var names = column.Aliases.Prepend(column.Name).ToList();
        var index = header.ToList().FindIndex(h => names.Contains(h.Trim()));
        Assert.True(index >= 0, $"{kind}: no header for {canonical} among {string.Join(",", header)}");
        return index;
    }
}
