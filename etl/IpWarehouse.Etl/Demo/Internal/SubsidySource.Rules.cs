namespace IpWarehouse.Etl.Demo.Internal;

/// Seven payments that load but break a subsidy rule of INDICATORS.md, so that subsidy_violations
/// counts something: aid above half the cost, above the caps, the same patent paid by county and city,
/// and application subsidies paid after they ended on 2021-06-30.
internal sealed partial class SubsidySource
{
    public const string ShareRule = "rights_protection_share";
    public const string CapRule = "rights_protection_cap";
    public const string TwiceRule = "paid_twice_across_levels";
    public const string EndedRule = "patent_application_ended";

    private IEnumerable<Payment> Violations(DemoRandom random)
    {
        var counties = context.Gansu.Counties;
        Payment Rights(GansuCounty county, bool person, decimal cost, decimal amount, bool major, int year, string rule)
        {
            var recipient = person ? context.Parties.Person(county, random) : context.Parties.Enterprise(county, random);
            var related = context.Cases.Count > 0 ? random.Pick(context.Cases).CaseNo : null;
            // Breaks one rule only: never also a second payment for the same case.
            if (related is not null && !paid.Add((recipient.Name, related, "rights_protection")))
            {
                related = null;
            }
            return new Payment
            {
                Program = "rights_protection",
                Recipient = recipient,
                Base = cost,
                Paid = amount,
                Date = new DateOnly(year, random.Between(3, 11), random.Between(1, 28)),
                Level = "county",
                RegionCode = county.Code,
                Related = related,
                Major = major,
                Memo = "行政维权补助",
                Rule = rule,
            };
        }
        yield return Rights(random.Pick(counties), false, 12_000m, 8_000m, false, 2023, ShareRule);
        yield return Rights(random.Pick(counties), true, 20_000m, 8_000m, false, 2022, CapRule);
        yield return Rights(random.Pick(counties), false, 200_000m, 60_000m, true, 2024, CapRule);

        // The same grant paid by the county and then by the city: the second payment is the violation.
        var unpaid = context.Patents
            .Where(p => p.GrantDate is { } g && g.Year is >= 2020 and <= 2023 && !paid.Contains((p.Applicant.Name, "ZL" + p.Number, "patent_grant")))
            .ToList();
        for (var i = 0; i < 2 && unpaid.Count > 0; i++)
        {
            var patent = unpaid[random.Next(unpaid.Count)];
            unpaid.Remove(patent);
            paid.Add((patent.Applicant.Name, "ZL" + patent.Number, "patent_grant"));
            var first = patent.GrantDate!.Value.AddDays(random.Between(30, 90));
            Payment Grant(string level, DateOnly date, string? rule) => new()
            {
                Program = "patent_grant",
                Recipient = patent.Applicant,
                Paid = GrantAmount(patent.Type, level, random),
                Date = date,
                Level = level,
                RegionCode = RegionOf(level, patent.County),
                Related = "ZL" + patent.Number,
                Memo = "专利授权资助（" + PatentTypes.Label(patent.Type) + "）",
                Rule = rule,
            };
            yield return Grant("county", first, null);
            yield return Grant("city", first.AddDays(random.Between(20, 90)), TwiceRule);
        }

        // Application-stage subsidies were abolished from 2021-07-01 (国知发〔2021〕1号 notice).
        // Legit application subsidies are all for filings before June 2021, so these pay nothing twice.
        PatentFact? previous = null;
        foreach (var date in new[] { new DateOnly(2021, 9, 15), new DateOnly(2022, 3, 10) })
        {
            var late = context.Patents
                .Where(p => p.ApplicationDate > ApplicationSubsidiesEnd && p.ApplicationDate < date.AddDays(-30) && p != previous)
                .ToList();
            if (late.Count == 0)
            {
                continue;
            }
            var patent = random.Pick(late);
            previous = patent;
            yield return new Payment
            {
                Program = "patent_application",
                Recipient = patent.Applicant,
                Paid = 500m,
                Date = date,
                Level = "county",
                RegionCode = patent.County.Code,
                Related = "CN" + patent.Number,
                Memo = "专利申请资助",
                Rule = EndedRule,
            };
        }
    }
}
