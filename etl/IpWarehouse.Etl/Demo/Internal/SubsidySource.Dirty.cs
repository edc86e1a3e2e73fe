using System.Globalization;

namespace IpWarehouse.Etl.Demo.Internal;

/// Eight payments that must end in quarantine, one problem each.
internal sealed partial class SubsidySource
{
    private const int ProgramColumn = 1;
    private const int RecipientColumn = 2;
    private const int IdColumn = 4;
    private const int PaidColumn = 6;
    private const int DateColumn = 7;
    private const int LevelColumn = 8;
    private const int RegionColumn = 9;

    private IEnumerable<Payment> DirtyPayments(DemoRandom random)
    {
        Payment Other(DateOnly date, Func<string?[], DirtyTag> spoil, bool person = false)
        {
            var county = random.Pick(context.Gansu.Counties);
            return new Payment
            {
                Program = "other",
                Recipient = person ? context.Parties.Person(county, random) : context.Parties.Enterprise(county, random),
                Paid = random.Between(10, 30) * 1000m,
                Date = date,
                Level = "county",
                RegionCode = county.Code,
                Memo = "知识产权贯标奖励",
                Spoil = spoil,
            };
        }
        static DirtyTag Set(string?[] c, int column, string? value, string reason, string canonical, string why)
        {
            c[column] = value;
            return new DirtyTag(reason, canonical, value, why);
        }

        yield return Other(new DateOnly(2020, 12, 18), c => Set(c, RecipientColumn, null, Reasons.MissingRequired, "recipient_name", "受助人 left empty"));
        yield return Other(new DateOnly(2023, 2, 28), c => Set(c, DateColumn, "2023年2月30日", Reasons.BadDate, "paid_date", "30 February"));
        yield return Other(new DateOnly(2024, 1, 15), c => Set(c, DateColumn,
            context.FarFuture(random).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Reasons.BadDate, "paid_date", "more than a year after today"));
        yield return Other(new DateOnly(2022, 6, 30), c => Set(c, PaidColumn, "-3000.00", Reasons.BadNumber, "paid_amount", "a negative amount"));
        yield return Other(new DateOnly(2021, 11, 3), c => Set(c, ProgramColumn, "贯标奖励", Reasons.BadEnum, "program", "not one of the programs"));
        yield return Other(new DateOnly(2019, 8, 22), c => Set(c, LevelColumn, "乡镇级", Reasons.BadEnum, "gov_level", "townships do not pay subsidies"));
        yield return Other(new DateOnly(2023, 10, 9), c => Set(c, IdColumn, IdentityCodes.BreakCheck(c[IdColumn]!, "0123456789X", random),
            Reasons.BadCheckDigit, "recipient_id", "wrong GB 11643 check character"), person: true);
        yield return Other(new DateOnly(2020, 4, 27), c => Set(c, RegionColumn, Reasons.UnknownRegionCode, Reasons.UnknownRegion, "region_code", "629999 is not a division"));
    }
}
