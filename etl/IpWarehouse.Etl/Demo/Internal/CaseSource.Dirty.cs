using System.Globalization;

namespace IpWarehouse.Etl.Demo.Internal;

/// Nine case rows that must end in quarantine, one problem each: they are drawn like any case and
/// numbered with the others, then one cell is spoiled.
internal sealed partial class CaseSource
{
    private const int CaseTypeColumn = 1;
    private const int FiledColumn = 3;
    private const int ClosedColumn = 4;
    private const int TransferredColumn = 5;
    private const int SuspendedColumn = 6;
    private const int RegionColumn = 8;
    private const int FineColumn = 10;

    private IEnumerable<CaseDraft> DirtyDrafts(DemoRandom random)
    {
        CaseDraft Draft(DateOnly filed, Func<object?[], DirtyTag> spoil)
        {
            var county = random.Pick(context.Gansu.Counties);
            var d = DrawOne(county, filed, random);
            return new CaseDraft
            {
                Type = "trademark_infringement",
                TypeLabel = "商标侵权",
                City = county.City,
                County = county,
                Filed = filed,
                Closed = filed.AddDays(random.Between(15, 50)),
                Involved = d.Involved ?? 5_000m,
                Fine = 3_000m,
                CreatedAt = d.CreatedAt,
                UpdatedAt = (filed.AddDays(60) < context.Today ? filed.AddDays(60) : context.Today).ToDateTime(new TimeOnly(10, 15)),
                Spoil = spoil,
            };
        }
        static DirtyTag Set(object?[] c, int column, object? value, string reason, string canonical, string why)
        {
            c[column] = value;
            return new DirtyTag(reason, canonical, value is null ? null : Convert.ToString(value, CultureInfo.InvariantCulture), why);
        }

        yield return Draft(new DateOnly(2019, 6, 12), c => Set(c, FiledColumn, null, Reasons.MissingRequired, "filed_date", "立案日期 never entered"));
        yield return Draft(new DateOnly(2021, 3, 1), c => Set(c, FiledColumn, "2021-02-30", Reasons.BadDate, "filed_date", "30 February"));
        yield return Draft(new DateOnly(2024, 9, 2), c => Set(c, ClosedColumn, Iso(context.FarFuture(random)), Reasons.BadDate, "closed_date",
            "closed more than a year after today"));
        yield return Draft(new DateOnly(2020, 7, 21), c => Set(c, CaseTypeColumn, "不正当竞争", Reasons.BadEnum, "case_type", "unfair competition is not an IP case type"));
        yield return Draft(new DateOnly(2022, 5, 9), c => Set(c, SuspendedColumn, "十二", Reasons.BadNumber, "suspended_days", "a count in Chinese numerals"));
        yield return Draft(new DateOnly(2023, 4, 26), c => Set(c, FineColumn, -5000m, Reasons.BadNumber, "fine_amount", "a negative fine"));
        yield return Draft(new DateOnly(2022, 11, 14), c => Set(c, ClosedColumn, "2022-10-31", Reasons.DateOrder, "closed_date", "closed before it was filed"));
        yield return Draft(new DateOnly(2023, 8, 8), c =>
        {
            c[ClosedColumn] = "2023-09-20";
            return Set(c, TransferredColumn, "2023-07-30", Reasons.DateOrder, "transferred_date", "transferred before it was filed");
        });
        yield return Draft(new DateOnly(2021, 12, 6), c => Set(c, RegionColumn, Reasons.UnknownRegionCode, Reasons.UnknownRegion, "region_code", "629999 is not a division"));
    }
}
