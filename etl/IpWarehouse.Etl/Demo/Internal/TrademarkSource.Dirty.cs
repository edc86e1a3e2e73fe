using System.Globalization;

namespace IpWarehouse.Etl.Demo.Internal;

/// Nine trademark rows that must end in quarantine, one problem each.
internal sealed partial class TrademarkSource
{
    private List<SourceRow<XlsxValue>> DirtyRows(DemoRandom random)
    {
        var dirty = new List<SourceRow<XlsxValue>>();
        void Add(DateOnly applied, Func<XlsxValue[], DirtyTag> spoil, bool person = false)
        {
            var county = random.Pick(context.Gansu.Counties);
            var applicant = person ? context.Parties.Person(county, random) : context.Parties.Enterprise(county, random);
            var cells = Row(NewNumber(applied, random), MarkName(random), "普通", false, 35, applied, applicant, random).Cells;
            cells[ApplicationDateColumn] = XlsxValue.Of(applied);
            cells[AddressColumn] = XlsxValue.Of(Addresses.Full(applicant));
            cells[RegionColumn] = XlsxValue.Empty;
            cells[CreditColumn] = XlsxValue.Of(applicant.CreditCode);
            dirty.Add(new SourceRow<XlsxValue>(cells) { Dirty = spoil(cells) });
        }
        DirtyTag Text(XlsxValue[] c, int column, string? text, string reason, string canonical, string why)
        {
            c[column] = XlsxValue.Of(text);
            return new DirtyTag(reason, canonical, text, why);
        }
        DirtyTag Date(XlsxValue[] c, int column, DateOnly date, string reason, string canonical, string why)
        {
            c[column] = XlsxValue.Of(date);
            return new DirtyTag(reason, canonical, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), why);
        }

        Add(new DateOnly(2021, 5, 12), c => Text(c, ApplicantColumn, null, Reasons.MissingRequired, "applicant_name", "申请人 left empty"));
        Add(new DateOnly(2021, 8, 3), c => Text(c, RegistrationDateColumn, "2022-02-30", Reasons.BadDate, "registration_date", "30 February, typed as text"));
        Add(context.FarFuture(random), c =>
        {
            c[RegistrationDateColumn] = c[ExpiryColumn] = XlsxValue.Empty;
            return Date(c, ApplicationDateColumn, context.FarFuture(random), Reasons.BadDate, "application_date", "more than a year after today");
        });
        Add(new DateOnly(2020, 9, 30), c => Text(c, KindColumn, "特殊商标", Reasons.BadEnum, "mark_kind", "not ordinary, collective or certification"));
        Add(new DateOnly(2022, 4, 18), c => Text(c, ClassColumn, "三十五", Reasons.BadNumber, "nice_class", "a class written in Chinese numerals"));
        Add(new DateOnly(2023, 1, 9), c => Text(c, CreditColumn, IdentityCodes.BreakCheck(c[CreditColumn].Text!, IdentityCodes.UsccCharset, random),
            Reasons.BadCheckDigit, "credit_code", "wrong GB 32100-2015 check character"));
        Add(new DateOnly(2022, 10, 17), c =>
        {
            c[ExpiryColumn] = c[ExpiryColumn + 1] = XlsxValue.Empty;
            return Date(c, RegistrationDateColumn, new DateOnly(2022, 6, 20), Reasons.DateOrder, "registration_date", "registered before it was filed");
        });
        Add(new DateOnly(2020, 2, 24), c => Text(c, RegionColumn, Reasons.UnknownRegionCode, Reasons.UnknownRegion, "region_code", "629999 is not a division"));
        Add(new DateOnly(2024, 3, 5), c =>
        {
            c[CreditColumn] = XlsxValue.Empty;
            return Text(c, AddressColumn, "某某路88号", Reasons.RegionUnresolved, "applicant_address", "no code, and the address names no region");
        }, person: true);
        return dirty;
    }
}
