namespace IpWarehouse.Etl.Demo.Internal;

/// 专利: a CNIPA search-platform export in GB18030 with Chinese headers, split in two files the way an
/// operator downloads it (the platform caps one export), dropped into drops/patents/.
internal sealed partial class PatentSource(DemoContext context)
{
    public const string Name = "cnipa-patents";
    public const string Kind = "patents";
    public const string Folder = "drops/patents";
    public const double AtScaleOne = 30_000;

    public static readonly string[] Header =
    [
        "序号", "申请号", "专利名称", "专利类型", "申请日", "授权日", "失效日", "申请人", "申请人类型", "申请人地址",
        "行政区划代码", "统一社会信用代码", "主分类号", "高价值", "代理机构",
        "非正常申请认定日",
    ];

    // The two exports: by application year, with the date style each export tool used.
    private static readonly (string File, int FirstYear, int LastYear, string DateFormat)[] Exports =
    [
        (Folder + "/cnipa_gansu_2019-2021.csv", 2019, 2021, "yyyy.MM.dd"),
        (Folder + "/cnipa_gansu_2022-2024.csv", 2022, 2024, "yyyy-MM-dd"),
    ];

    private const int NumberColumn = 1;

    public void Write()
    {
        var random = context.Stream(DemoStream.Patents);
        var drawn = Draw(random, context.Count(AtScaleOne, 400));
        context.Patents.AddRange(drawn.Select(d => d.Fact));
        var dirty = DirtyRows(random);
        var reconcileRandom = context.Stream(DemoStream.Reconciliation);
        var reconciliation = ReconciliationRows(reconcileRandom);
        context.Patents.AddRange(reconciliation.Valid.Select(d => d.Fact));

        // 非正常申请认定日 from a stream of its own, so that the rows drawn before the column existed stay the same
        var abnormalRandom = context.Stream(DemoStream.Abnormal);
        var files = Exports.Select(_ => new List<SourceRow<string?>>()).ToArray();
        for (var f = 0; f < Exports.Length; f++)
        {
            var export = Exports[f];
            files[f].AddRange(drawn
                .Where(d => d.Fact.ApplicationDate.Year >= export.FirstYear && d.Fact.ApplicationDate.Year <= export.LastYear)
                .OrderBy(d => d.Fact.ApplicationDate).ThenBy(d => d.Fact.Number, StringComparer.Ordinal)
                .Select(d => new SourceRow<string?>([.. Cells(d, export.DateFormat, random), AbnormalDate(d.Fact, abnormalRandom)])));
            SourceRows.Scatter(files[f], dirty.Where(d => d.File == f).Select(d => d.Row), random);
        }
        // the reconciliation rows are all of the last year, in the second export, placed by their own stream
        SourceRows.Scatter(files[1], [.. reconciliation.Rows, .. reconciliation.Dirty], reconcileRandom);
        SeparateDirtyLines(files, random);
        for (var f = 0; f < Exports.Length; f++)
        {
            files[f] = [.. files[f].Select(r => r.Cells.Length == Header.Length ? r : new SourceRow<string?>([.. r.Cells, null]) { Dirty = r.Dirty, Violation = r.Violation })];
        }

        for (var f = 0; f < Exports.Length; f++)
        {
            var rows = files[f];
            for (var i = 0; i < rows.Count; i++)
            {
                rows[i].Cells[0] = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            CsvFile.Write(context.PathOf(Exports[f].File), Header, rows.Select(r => r.Cells), CsvFile.Gb18030, byteOrderMark: false);
            context.Record(Name, Kind, Exports[f].File, "csv (GB18030)", rows, CsvFile.LineOf);
        }
    }

    /// Keeps the dirty rows of the two files on different line numbers, so that a check which knows only
    /// the source and the row (as `ipwh rejects` prints them) still finds each one unambiguously.
    /// Abnormal applications (非正常专利申请) were hunted down from 2021: about 2 % of the ungranted applications
    /// filed since, found 3 to 12 months after filing (never after today).
    private string? AbnormalDate(PatentFact fact, DemoRandom random)
    {
        var found = fact.ApplicationDate.AddDays(random.Between(90, 360));
        return random.Chance(0.02) && fact.GrantDate is null && fact.ApplicationDate.Year >= 2021 && found <= context.Today
            ? found.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            : null;
    }

    private static void SeparateDirtyLines(List<SourceRow<string?>>[] files, DemoRandom random)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var first = DirtyIndexes(files[0]).ToHashSet();
            var clash = DirtyIndexes(files[1]).FirstOrDefault(i => first.Contains(i), -1);
            if (clash < 0)
            {
                return;
            }
            var row = files[1][clash];
            files[1].RemoveAt(clash);
            files[1].Insert(random.Next(files[1].Count + 1), row);
        }
    }

    private static IEnumerable<int> DirtyIndexes(List<SourceRow<string?>> rows) =>
        Enumerable.Range(0, rows.Count).Where(i => rows[i].Dirty is not null);

    /// A drawn patent and how its row is written.
    private sealed record Drawn(PatentFact Fact, string Title, string Ipc, string? Flags, string? Agency);
}
