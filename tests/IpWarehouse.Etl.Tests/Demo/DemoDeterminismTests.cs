using IpWarehouse.Etl.Demo;
using IpWarehouse.Etl.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace IpWarehouse.Etl.Tests.Demo;

public class DemoDeterminismTests
{
    [Fact]
    public void Same_seed_writes_byte_identical_files_and_the_same_case_rows()
    {
        using var a = new TempFolder();
        using var b = new TempFolder();
        var first = DemoGenerator.Generate(a.Path, 11, 0.05, FixedClock.Default);
        var second = DemoGenerator.Generate(b.Path, 11, 0.05, FixedClock.Default);

        foreach (var file in first.Files.Where(f => f.Format != "sqlite").Select(f => f.Path).Append("ipwh.json"))
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(a.Path, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(b.Path, file))),
                $"{file} differs between two runs with the same seed");
        }
        Assert.Equal(CaseRows(a.Path), CaseRows(b.Path));
        Assert.Equal(first.Files, second.Files);
        Assert.Equal(first.DirtyRows, second.DirtyRows);
        Assert.Equal(first.SubsidyViolations, second.SubsidyViolations);
    }

    [Fact]
    public void Another_seed_writes_other_data()
    {
        using var a = new TempFolder();
        using var b = new TempFolder();
        var first = DemoGenerator.Generate(a.Path, 11, 0.05, FixedClock.Default);
        DemoGenerator.Generate(b.Path, 12, 0.05, FixedClock.Default);

        foreach (var file in first.Files.Where(f => f.Kind is "patents" or "trademarks" or "subsidies" or "training").Select(f => f.Path))
        {
            Assert.False(
                File.ReadAllBytes(Path.Combine(a.Path, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(b.Path, file))),
                $"{file} is the same for seeds 11 and 12");
        }
        Assert.NotEqual(CaseRows(a.Path), CaseRows(b.Path));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(11.0)]
    public void A_scale_out_of_range_is_refused(double scale)
    {
        using var folder = new TempFolder();
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => DemoGenerator.Generate(folder.Path, 1, scale, FixedClock.Default));
        Assert.Equal("scale", error.ParamName);
    }

    [Fact]
    public void A_clock_before_the_last_demo_year_is_over_is_refused()
    {
        using var folder = new TempFolder();
        var clock = new FixedClock(new DateTimeOffset(2024, 12, 31, 15, 59, 0, TimeSpan.Zero)); // 23:59 in Shanghai
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => DemoGenerator.Generate(folder.Path, 1, 0.05, clock));
        Assert.Equal("clock", error.ParamName);
    }

    /// Every case row as text, in rowid order.
    private static List<string> CaseRows(string folder)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "cases.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM IpCases ORDER BY rowid";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }
        return rows;
    }
}
