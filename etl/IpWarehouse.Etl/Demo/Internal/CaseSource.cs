using System.Globalization;

namespace IpWarehouse.Etl.Demo.Internal;

/// 执法案件: the bureau's case-handling system, a SQLite database with its own English column names that
/// ipwh.json maps to the canonical ones, and an UpdatedAt column for incremental reads.
internal sealed partial class CaseSource(DemoContext context)
{
    public const string Name = "case-system";
    public const string Kind = "cases";
    public const string File = "cases.db";
    public const string Table = "IpCases";
    public const string Watermark = "UpdatedAt";
    public const double AtScaleOne = 3_000;

    /// canonical → source column, written into ipwh.json.
    public static readonly (string Canonical, string Column)[] Mapping =
    [
        ("case_no", "CaseNo"), ("case_type", "CaseType"), ("campaign", "Campaign"), ("filed_date", "FiledOn"),
        ("closed_date", "ClosedOn"), ("transferred_date", "TransferredOn"), ("suspended_days", "SuspendedDays"),
        ("is_online", "IsOnline"), ("region_code", "RegionCode"), ("involved_amount", "InvolvedAmount"),
        ("fine_amount", "FineAmount"), ("department", "Department"),
    ];

    // Column order of the table after CaseId; the mapped ones first, then what the loader ignores.
    public static readonly string[] Columns =
    [
        "CaseNo", "CaseType", "Campaign", "FiledOn", "ClosedOn", "TransferredOn", "SuspendedDays", "IsOnline", "RegionCode",
        "InvolvedAmount", "FineAmount", "Department", "Handler", "Status", "Summary", "CreatedAt", "UpdatedAt",
    ];

    public void Write()
    {
        var random = context.Stream(DemoStream.Cases);
        var drafts = Draw(random, context.Count(AtScaleOne, 60));
        drafts.AddRange(DirtyDrafts(random));
        Number(drafts);
        var rows = drafts.Select(d =>
        {
            var cells = Cells(d, random);
            return new SourceRow<object?>(cells) { Dirty = d.Spoil?.Invoke(cells) };
        }).ToList();
        // Written in UpdatedAt order, so rowid order and UpdatedAt order agree: a full read and an
        // incremental read (ORDER BY UpdatedAt) number the rows alike.
        rows.Sort((a, b) => string.CompareOrdinal((string)a.Cells[^1]! + a.Cells[0], (string)b.Cells[^1]! + b.Cells[0]));
        CaseDatabase.Write(context.PathOf(File), rows.Select(r => r.Cells).ToList());
        context.Record(Name, Kind, File, "sqlite", rows, i => i + 1);
        context.Cases.AddRange(drafts.Where(d => d.Spoil is null)
            .Select(d => new CaseFact(d.CaseNo, d.Type, d.Filed, d.Closed, d.City, d.County)));
    }

    private static object?[] Cells(CaseDraft d, DemoRandom random)
    {
        var status = d.Transferred is not null ? "已移送" : d.Closed is not null ? "已结案" : "办理中";
        return
        [
            d.CaseNo, d.TypeLabel, d.Campaign, Iso(d.Filed), Iso(d.Closed), Iso(d.Transferred),
            d.SuspendedDays, d.Online ? 1 : 0, random.Chance(0.1) ? d.RegionCode + "000000" : d.RegionCode,
            d.Involved, d.Fine, Department(d), Handlers(d, random), status, Summary(d, random),
            Stamp(d.CreatedAt), Stamp(d.UpdatedAt),
        ];
    }

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Stamp(DateTime time) => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
