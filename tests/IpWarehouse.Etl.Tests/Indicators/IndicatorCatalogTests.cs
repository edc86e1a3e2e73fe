using System.Text;
using IpWarehouse.Etl.Indicators;

namespace IpWarehouse.Etl.Tests.Indicators;

/// The catalogue is a contract (INDICATORS.md): codes, Chinese names, units and directions are compared
/// with catalogue.snapshot.txt, written by hand from the document, never generated from the code.
public sealed class IndicatorCatalogTests
{
    private const string SnapshotFileName = "catalogue.snapshot.txt";

    [Fact]
    public void The_catalogue_matches_the_snapshot_of_INDICATORS_md()
    {
        var path = SnapshotPath();
        var expected = File.ReadAllLines(path).Where(line => line.Length > 0 && !line.StartsWith('#')).ToList();
        var actual = IndicatorCatalog.All.Select(Line).ToList();

        Assert.True(expected.SequenceEqual(actual, StringComparer.Ordinal), Diff(path, expected, actual));
    }

    [Fact]
    public void The_diff_names_what_differs()
    {
        var message = Diff("snapshot.txt", ["a | 甲 | 件 | +", "b | 乙 | 件 | +"], ["a | 甲 | 件 | -", "b | 乙 | 件 | +"]);

        Assert.Contains("  - a | 甲 | 件 | +", message, StringComparison.Ordinal);
        Assert.Contains("  + a | 甲 | 件 | -", message, StringComparison.Ordinal);
        Assert.DoesNotContain("b | 乙", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Codes_are_unique_and_found_by_code()
    {
        Assert.Equal(IndicatorCatalog.Codes.Count, IndicatorCatalog.Codes.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("每万人口发明专利拥有量", IndicatorCatalog.Get("valid_invention_per_10k").ChineseName);
        Assert.False(IndicatorCatalog.TryGet("Valid_Patents", out _));
        var error = Assert.Throws<KeyNotFoundException>(() => IndicatorCatalog.Get("patents"));
        Assert.Contains("valid_patents", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Natures_and_date_rules_follow_the_definitions()
    {
        foreach (var indicator in IndicatorCatalog.All)
        {
            switch (indicator.Nature)
            {
                case IndicatorNature.PerCapita:
                    Assert.True(indicator.DateRules.HasFlag(IndicatorDateRules.PopulationOfYear), indicator.Code);
                    Assert.Contains("population", indicator.Definition, StringComparison.Ordinal);
                    break;
                case IndicatorNature.Growth:
                    Assert.True(indicator.DateRules.HasFlag(IndicatorDateRules.SamePeriodYearBefore), indicator.Code);
                    Assert.Equal("%", indicator.Unit);
                    break;
                case IndicatorNature.Ratio:
                    Assert.Equal("%", indicator.Unit);
                    break;
                case IndicatorNature.Stock when indicator.Code != "ip_enterprises":
                    Assert.True(indicator.DateRules.HasFlag(IndicatorDateRules.StockAtPeriodEnd), indicator.Code);
                    break;
            }
            Assert.Equal(indicator.Code.StartsWith("trademark_", StringComparison.Ordinal) || indicator.Code.Contains("_trademarks", StringComparison.Ordinal)
                || indicator.Code == "madrid_registrations",
                indicator.UsesTrademarkYear);
        }
        Assert.Equal(["subsidy_violations", "abnormal_applications", "abnormal_share", "overdue_open_cases"],
            IndicatorCatalog.All.Where(i => i.Direction == IndicatorDirection.LowerIsBetter).Select(i => i.Code));
    }

    [Fact]
    public void Target_sources_accept_exactly_the_catalogue_codes_and_names()
    {
        // reference/enums.csv maps a target's indicator (code or Chinese name) to its code
        var aliases = File.ReadAllLines(Path.Combine(WarehouseSql.Root, "reference", "enums.csv"))
            .Select(line => line.Split(','))
            .Where(cells => cells[0] == "targets" && cells[1] == "indicator")
            .Select(cells => (Alias: cells[2], Code: cells[3]))
            .ToList();

        Assert.Equal(IndicatorCatalog.Codes.Order(StringComparer.Ordinal), aliases.Select(a => a.Code).Distinct().Order(StringComparer.Ordinal));
        foreach (var indicator in IndicatorCatalog.All)
        {
            Assert.Contains((indicator.ChineseName, indicator.Code), aliases);
        }
    }

    private static string Line(IndicatorDefinition indicator) =>
        $"{indicator.Code} | {indicator.ChineseName} | {indicator.Unit} | {indicator.DirectionSymbol}";

    private static string Diff(string path, List<string> expected, List<string> actual)
    {
        var message = new StringBuilder();
        message.Append("IndicatorCatalog differs from ").Append(path)
            .Append(", the catalogue of INDICATORS.md (code | 中文 | unit | dir). Fix the code, or, when INDICATORS.md changed, the snapshot.\n");
        var missing = expected.Except(actual, StringComparer.Ordinal).ToList();
        var added = actual.Except(expected, StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            message.Append("In the snapshot but not in the catalogue:\n");
            missing.ForEach(line => message.Append("  - ").Append(line).Append('\n'));
        }
        if (added.Count > 0)
        {
            message.Append("In the catalogue but not in the snapshot:\n");
            added.ForEach(line => message.Append("  + ").Append(line).Append('\n'));
        }
        if (missing.Count == 0 && added.Count == 0)
        {
            var index = Enumerable.Range(0, Math.Min(expected.Count, actual.Count)).FirstOrDefault(i => expected[i] != actual[i]);
            message.Append("Same lines in a different order; first difference at line ").Append(index + 1)
                .Append(": snapshot '").Append(expected.ElementAtOrDefault(index)).Append("', catalogue '")
                .Append(actual.ElementAtOrDefault(index)).Append("'.\n");
        }
        return message.ToString();
    }

    private static string SnapshotPath()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "IpWarehouse.sln")))
            {
                var path = Path.Combine(folder.FullName, "tests", "IpWarehouse.Etl.Tests", "Indicators", SnapshotFileName);
                Assert.True(File.Exists(path), $"The snapshot {path} is missing; it is the contract of the indicator catalogue and is checked in.");
                return path;
            }
        }
        Assert.Fail($"No IpWarehouse.sln above {AppContext.BaseDirectory}: the snapshot test runs from the repository.");
        return "";
    }
}
