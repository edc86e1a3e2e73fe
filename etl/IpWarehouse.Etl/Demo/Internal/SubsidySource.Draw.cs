using System.Globalization;

namespace IpWarehouse.Etl.Demo.Internal;

/// Drawing payments that keep every subsidy rule: grant and annual-fee subsidies for the province's own
/// patents, application subsidies only until 2021-06-30 (when they were abolished), rights-protection
/// aid within 50 % of the cost and the caps, and one paying government per patent and program.
internal sealed partial class SubsidySource
{
    private static readonly DateOnly ApplicationSubsidiesEnd = new(2021, 6, 30);

    private static readonly (string Program, double Weight)[] Programs =
    [
        ("patent_grant", 0.45), ("annual_fee", 0.26), ("patent_application", 0.09), ("rights_protection", 0.07),
        ("pledge_interest", 0.05), ("other", 0.08),
    ];

    // (recipient, related_no, program): each is paid by one government only.
    private readonly HashSet<(string, string, string)> paid = [];

    private List<Payment> Draw(DemoRandom random, int count)
    {
        var granted = context.Patents.Where(p => p.GrantDate is not null).ToList();
        var early = context.Patents.Where(p => p.ApplicationDate < ApplicationSubsidiesEnd.AddDays(-30)).ToList();
        var cases = context.Cases.Where(c => c.Closed is not null && c.Type is not ("agency" or "other")).ToList();
        var payments = new List<Payment>(count);
        for (var attempt = 0; payments.Count < count && attempt < count * 20; attempt++)
        {
            var program = Programs[random.Weighted(Programs.Select(p => p.Weight).ToArray())].Program;
            var payment = program switch
            {
                "patent_grant" when granted.Count > 0 => ForPatent(program, random.Pick(granted), random),
                "annual_fee" when granted.Count > 0 => ForPatent(program, random.Pick(granted), random),
                "patent_application" when early.Count > 0 => ForPatent(program, random.Pick(early), random),
                "rights_protection" when cases.Count > 0 => RightsProtection(random.Pick(cases), random),
                "pledge_interest" => Enterprise(program, random),
                "other" => Enterprise(program, random),
                _ => null,
            };
            if (payment is not null && payment.Date <= context.LastDay && payment.Date.Year >= DemoYears.First
                && (payment.Related is null || paid.Add((payment.Recipient.Name, payment.Related, program))))
            {
                payments.Add(payment);
            }
        }
        return payments;
    }

    private static Payment? ForPatent(string program, PatentFact patent, DemoRandom random)
    {
        var invention = patent.Type == PatentTypes.Invention;
        if (program == "annual_fee" && !invention)
        {
            return null; // annual-fee aid is for inventions only
        }
        var level = random.Weighted(invention ? [0.45, 0.30, 0.25] : [0.60, 0.32, 0.08]) switch { 0 => "county", 1 => "city", _ => "province" };
        var (date, amount) = program switch
        {
            "patent_grant" => (patent.GrantDate!.Value.AddDays(random.Between(30, 240)), GrantAmount(patent.Type, level, random)),
            "annual_fee" => (patent.GrantDate!.Value.AddYears(random.Between(1, 3)).AddDays(random.Between(0, 60)), (decimal)random.Between(9, 20) * 100),
            _ => (patent.ApplicationDate.AddDays(random.Between(30, 150)), invention ? random.Between(10, 20) * 100m : random.Between(2, 5) * 100m),
        };
        if (program == "patent_application" && date > ApplicationSubsidiesEnd)
        {
            return null;
        }
        return new Payment
        {
            Program = program,
            Recipient = patent.Applicant,
            Paid = amount,
            Date = date,
            Level = level,
            RegionCode = RegionOf(level, patent.County),
            // Granted patents are cited as ZL…, applications by their application number.
            Related = (program == "patent_application" ? "CN" : "ZL") + patent.Number,
            Memo = Payment.ProgramLabel(program) + "（" + PatentTypes.Label(patent.Type) + "）",
        };
    }

    private static decimal GrantAmount(string type, string level, DemoRandom random) => (type, level) switch
    {
        (PatentTypes.Invention, "province") => random.Between(10, 20) * 1000m,
        (PatentTypes.Invention, "city") => random.Between(5, 8) * 1000m,
        (PatentTypes.Invention, _) => random.Between(3, 5) * 1000m,
        (PatentTypes.UtilityModel, _) => random.Between(5, 10) * 100m,
        _ => random.Between(3, 6) * 100m,
    };

    /// Aid towards a rights holder's enforcement costs: at most half the cost, at most 5 000 for a person,
    /// 10 000 for an organisation, 50 000 for foreign-related or major cases.
    private Payment? RightsProtection(CaseFact fact, DemoRandom random)
    {
        var county = fact.County ?? fact.City.Seat;
        var recipient = random.Chance(0.8) ? context.Parties.Enterprise(county, random) : context.Parties.Person(county, random);
        var major = recipient.IsLegalEntity && random.Chance(0.06);
        var cost = major ? random.Between(80, 200) * 1000m : random.Between(50, 600) * 100m;
        var cap = major ? 50_000m : recipient.IsLegalEntity ? 10_000m : 5_000m;
        var amount = Math.Min(Math.Floor(cost * (decimal)random.Uniform(0.2, 0.5) / 100m) * 100m, cap);
        var level = fact.County is null ? "city" : random.Chance(0.6) ? "county" : "city";
        var court = random.Chance(0.3);
        return new Payment
        {
            Program = "rights_protection",
            Recipient = recipient,
            Base = cost,
            Paid = amount,
            Date = fact.Closed!.Value.AddDays(random.Between(20, 120)),
            Level = level,
            RegionCode = RegionOf(level, county),
            Related = court
                ? string.Create(CultureInfo.InvariantCulture, $"（{fact.Filed.Year}）甘{random.Between(1, 14):D2}知民初{random.Between(1, 300)}号")
                : fact.CaseNo,
            Major = major,
            Memo = court ? "知识产权诉讼维权补助" : "行政维权补助",
        };
    }

    private Payment Enterprise(string program, DemoRandom random)
    {
        var county = random.Pick(context.Gansu.Counties);
        var firm = context.Parties.Enterprise(county, random);
        var pledge = program == "pledge_interest";
        var level = pledge ? (random.Chance(0.6) ? "city" : "province") : random.Pick(["county", "city", "province"]);
        var interest = random.Between(50, 400) * 1000m;
        return new Payment
        {
            Program = program,
            Recipient = firm,
            Base = pledge ? interest : null,
            Paid = pledge ? interest / 2 : random.Between(10, 50) * 1000m,
            Date = random.Day(new DateOnly(DemoYears.First, 1, 1), context.LastDay),
            Level = level,
            RegionCode = RegionOf(level, county),
            Memo = pledge ? "知识产权质押融资贴息" : random.Pick(["知识产权贯标奖励", "知识产权示范企业奖励", "高价值专利培育奖励"]),
        };
    }

    private static string RegionOf(string level, GansuCounty county) => level switch
    {
        "county" => county.Code,
        "city" => county.City.Code,
        _ => Gansu.ProvinceCode,
    };
}
