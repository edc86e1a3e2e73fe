using System.Globalization;

namespace IpWarehouse.Etl.Demo.Internal;

/// Ten patent rows that must end in quarantine, one problem each. Each starts as a valid row of a real
/// county and then has exactly one cell spoiled, so the reason cannot depend on column order.
internal sealed partial class PatentSource
{
    private const int TypeColumn = 3;
    private const int ApplicationDateColumn = 4;
    private const int GrantDateColumn = 5;
    private const int LapseDateColumn = 6;
    private const int ApplicantColumn = 7;
    private const int AddressColumn = 9;
    private const int RegionColumn = 10;
    private const int CreditColumn = 11;

    private List<(int File, SourceRow<string?> Row)> DirtyRows(DemoRandom random)
    {
        var dirty = new List<(int, SourceRow<string?>)>();
        void Add(DateOnly date, Func<string?[], DirtyTag> spoil, PartyKind kind = PartyKind.Enterprise, bool granted = false)
        {
            var county = random.Pick(context.Gansu.Counties);
            var applicant = kind == PartyKind.Individual ? context.Parties.Person(county, random) : context.Parties.Enterprise(county, random);
            var type = PatentTypes.UtilityModel;
            var fact = new PatentFact(NewNumber(date, 2, random), type, false, date,
                granted ? date.AddDays(random.Between(200, 300)) : null, null, applicant, [], county);
            var file = date.Year <= Exports[0].LastYear ? 0 : 1;
            var drawn = new Drawn(fact, PatentTitles.Make(type, applicant.Domain ?? Domains.All[0], random).Title, applicant.Domain?.Ipc ?? "A01B 49/04", null, null);
            var cells = Cells(drawn, Exports[file].DateFormat, random);
            cells[NumberColumn] = "CN" + fact.Number;
            cells[AddressColumn] = Addresses.Full(applicant);
            cells[RegionColumn] = null;
            cells[CreditColumn] = applicant.CreditCode;
            dirty.Add((file, new SourceRow<string?>(cells) { Dirty = spoil(cells) }));
        }
        string? Format(DateOnly date, int file) => date.ToString(Exports[file].DateFormat, CultureInfo.InvariantCulture);

        Add(new DateOnly(2020, 3, 17), c => Spoil(c, ApplicantColumn, null, Reasons.MissingRequired, "applicant_name", "申请人 left empty"));
        Add(new DateOnly(2023, 6, 2), c => Spoil(c, ApplicationDateColumn, "2023-13-45", Reasons.BadDate, "application_date", "month 13, day 45"));
        Add(new DateOnly(2021, 9, 8), c =>
        {
            // A pre-2003 number (8 digits + check) with a date before China's patent law took effect.
            c[NumberColumn] = IdentityCodes.OldPatentNumber(1985, 1, random.Between(100, 9999));
            c[TypeColumn] = "发明";
            return Spoil(c, ApplicationDateColumn, "1984-12-31", Reasons.BadDate, "application_date", "before 1985-01-01");
        });
        Add(new DateOnly(2023, 2, 14), c => Spoil(c, GrantDateColumn, Format(context.FarFuture(random), 1),
            Reasons.BadDate, "grant_date", "more than a year after today"), granted: true);
        Add(new DateOnly(2021, 4, 20), c => Spoil(c, TypeColumn, "植物新品种", Reasons.BadEnum, "patent_type", "a plant variety is not a patent type"));
        Add(new DateOnly(2022, 7, 11), c => Spoil(c, NumberColumn, "CN" + IdentityCodes.BreakCheck(c[NumberColumn]![2..], "0123456789X", random),
            Reasons.BadCheckDigit, "application_no", "wrong ZC 0006-2003 check character"));
        Add(new DateOnly(2020, 11, 25), c => Spoil(c, CreditColumn, IdentityCodes.BreakCheck(c[CreditColumn]!, IdentityCodes.UsccCharset, random),
            Reasons.BadCheckDigit, "credit_code", "wrong GB 32100-2015 check character"));
        Add(new DateOnly(2022, 8, 10), c =>
        {
            c[LapseDateColumn] = null;
            return Spoil(c, GrantDateColumn, Format(new DateOnly(2022, 3, 1), 1), Reasons.DateOrder, "grant_date", "granted before it was filed");
        });
        Add(new DateOnly(2019, 10, 9), c => Spoil(c, RegionColumn, Reasons.UnknownRegionCode, Reasons.UnknownRegion, "region_code", "629999 is not a division"));
        Add(new DateOnly(2024, 5, 21), c =>
        {
            c[CreditColumn] = null;
            c[ApplicantColumn + 1] = "个人";
            return Spoil(c, AddressColumn, "某某路88号", Reasons.RegionUnresolved, "applicant_address", "no code, and the address names no region");
        }, PartyKind.Individual);
        return dirty;
    }

    private static DirtyTag Spoil(string?[] cells, int column, string? value, string reason, string canonical, string why)
    {
        cells[column] = value;
        return new DirtyTag(reason, canonical, value, why);
    }
}
