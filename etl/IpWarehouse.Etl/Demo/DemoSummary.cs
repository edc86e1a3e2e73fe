using System.Globalization;
using System.Text;

namespace IpWarehouse.Etl.Demo;

/// <summary>What <see cref="DemoGenerator.Generate"/> wrote: the files, their rows, and the rows meant to be quarantined.</summary>
public sealed class DemoSummary
{
    /// <summary>The kinds in the order of SOURCES.md.</summary>
    public static IReadOnlyList<string> Kinds { get; } =
        ["patents", "trademarks", "cases", "subsidies", "population", "targets", "designations", "training", "official_figures",
         "pledges", "copyrights", "gi_products"];

    /// <summary>The demo folder (absolute).</summary>
    public required string Directory { get; init; }

    /// <summary>The ipwh.json written into <see cref="Directory"/>.</summary>
    public required string ConfigPath { get; init; }

    /// <summary>The seed used; the same seed, scale and day give the same files.</summary>
    public required int Seed { get; init; }

    /// <summary>The volume multiplier (1 ≈ 30 000 patents, 100 000 trademarks, 3 000 cases, 5 000 payments).</summary>
    public required double Scale { get; init; }

    /// <summary>"Today" in Asia/Shanghai by the clock given: no valid event date lies after it.</summary>
    public required DateOnly Today { get; init; }

    /// <summary>Every data file and the case database, in the order of ipwh.json.</summary>
    public required IReadOnlyList<DemoFile> Files { get; init; }

    /// <summary>Every row written to be quarantined, with its source, row number and expected reason.</summary>
    public required IReadOnlyList<DemoDirtyRow> DirtyRows { get; init; }

    /// <summary>Payments that load but break a subsidy rule (expected in <c>subsidy_violations</c>).</summary>
    public required IReadOnlyList<DemoViolation> SubsidyViolations { get; init; }

    /// <summary>How long generation took, by the clock given.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>Data rows per kind, dirty rows included.</summary>
    public IReadOnlyDictionary<string, int> RowCounts => Kinds.ToDictionary(k => k, k => Files.Where(f => f.Kind == k).Sum(f => f.Rows));

    /// <summary>Dirty rows per kind.</summary>
    public IReadOnlyDictionary<string, int> DirtyCounts => Kinds.ToDictionary(k => k, k => DirtyRows.Count(d => d.Kind == k));

    /// <summary>A short report for the command line: files, rows, dirty rows.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Demo of 甘肃省 written to {Directory} (seed {Seed}, scale {Scale}, today {Today:yyyy-MM-dd}, {Elapsed.TotalSeconds:0.0} s).\n");
        foreach (var file in Files)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {file.Path,-42} {file.Source,-17} {file.Format,-14} {file.Rows,8:N0} rows, {file.DirtyRows} dirty\n");
        }
        text.Append(CultureInfo.InvariantCulture, $"  {Path.GetFileName(ConfigPath),-42} configuration\n");
        text.Append(CultureInfo.InvariantCulture,
            $"{DirtyRows.Count} rows are dirty on purpose and should be quarantined; {SubsidyViolations.Count} payments break a subsidy rule.\n");
        return text.ToString();
    }
}
