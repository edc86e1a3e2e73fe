using System.Globalization;

namespace IpWarehouse.Etl.Demo.Internal;

/// Drawing trademarks: several times as many as patents, spread more evenly over the province (shops
/// and restaurants register marks everywhere), often filed as a bundle of classes on one day.
internal sealed partial class TrademarkSource
{
    private static readonly Dictionary<int, double> YearLevels = new()
    {
        [2019] = 1.00, [2020] = 1.13, [2021] = 1.27, [2022] = 1.07, [2023] = 1.05, [2024] = 1.12,
    };

    // Nice classes as Chinese filings spread over them: services (35), food (29, 30), catering (43) lead.
    private static readonly (int Class, double Weight)[] NiceClasses =
    [
        (35, 12), (30, 9), (29, 7), (43, 7), (31, 6), (5, 5), (33, 5), (9, 5), (42, 5), (32, 4), (3, 4), (41, 4), (25, 4),
        (44, 3), (21, 2), (16, 2), (1, 2), (7, 2), (11, 2), (19, 2), (36, 2), (37, 2), (39, 2), (20, 1), (24, 1), (28, 1),
        (40, 1), (45, 1), (6, 1), (8, 1), (10, 1), (12, 1), (14, 1), (17, 1), (18, 1), (22, 1), (23, 1), (26, 1), (27, 1),
        (34, 1), (38, 1), (2, 1), (4, 1), (13, 1), (15, 1),
    ];

    private List<Drawn> Draw(DemoRandom random, int count)
    {
        var cells = new WeightedTable<(GansuCounty County, int Year)>(context.Gansu.Counties.SelectMany(county =>
            DemoYears.All.Select(year => ((county, year), county.TrademarkWeight * YearLevels[year] * Math.Exp(random.Normal(0, 0.12))))));
        var classes = new WeightedTable<int>(NiceClasses.Select(c => (c.Class, c.Weight)));
        var rows = new List<Drawn>(count + 8);
        while (rows.Count < count)
        {
            var (county, year) = cells.Draw(random);
            var date = new DateOnly(year, 1, 1).AddDays(random.Next(DateTime.IsLeapYear(year) ? 366 : 365));
            var applicant = random.Weighted([0.50, 0.22, 0.28]) switch
            {
                0 => context.Parties.Enterprise(county, random),
                1 => context.Parties.SmallBusiness(county, random),
                _ => context.Parties.Person(county, random),
            };
            var mark = MarkName(random);
            // Firms protect a mark in several classes at once: consecutive numbers, one day.
            var bundle = applicant.IsLegalEntity && random.Chance(0.35) ? random.Between(2, 5) : 1;
            var number = NewNumber(date, random);
            var used = new HashSet<int>();
            for (var k = 0; k < bundle && rows.Count < count; k++)
            {
                var niceClass = classes.Draw(random);
                if (!used.Add(niceClass))
                {
                    continue;
                }
                rows.Add(Row(number, mark, "普通", false, niceClass, date, applicant, random));
                number = NextFree(number + 1);
            }
        }
        return rows;
    }

    /// Geographical-indication marks of the associations that hold them, at every scale.
    private IEnumerable<Drawn> GeographicalIndications(DemoRandom random)
    {
        foreach (var (code, product, niceClass) in Institutions.GeographicalIndications)
        {
            var county = context.Gansu.Counties.FirstOrDefault(c => c.Code == code);
            if (county is null)
            {
                continue;
            }
            var holder = context.Parties.Association(county, product, random);
            var date = random.Day(new DateOnly(2019, 1, 1), new DateOnly(2022, 12, 31));
            yield return Row(NewNumber(date, random), product, random.Chance(0.7) ? "证明" : "集体", true, niceClass, date, holder, random, registered: true);
        }
    }

    private Drawn Row(long number, string mark, string kind, bool gi, int niceClass, DateOnly applied, Party applicant, DemoRandom random, bool registered = false)
    {
        var registration = Registration(applied, random, registered);
        var expiry = registration?.AddYears(10).AddDays(-1);
        var cancelled = registration is { } r && random.Chance(0.03) ? r.AddDays(random.Between(365, 1460)) : (DateOnly?)null;
        var (address, region, credit) = Evidence.For(applicant, random);
        XlsxValue[] cells =
        [
            XlsxValue.Of(number.ToString(CultureInfo.InvariantCulture)),
            XlsxValue.Of(mark),
            random.Chance(0.95) || gi ? XlsxValue.Of(kind) : XlsxValue.Empty,
            gi ? XlsxValue.Of("是") : random.Chance(0.7) ? XlsxValue.Of("否") : XlsxValue.Empty,
            XlsxValue.Of(niceClass),
            // A few cells were typed in as text rather than entered as dates.
            random.Chance(0.02) ? XlsxValue.Of(applied.ToString("yyyy/M/d", CultureInfo.InvariantCulture)) : XlsxValue.Of(applied),
            XlsxValue.Of(registration),
            random.Chance(0.8) ? XlsxValue.Of(expiry) : XlsxValue.Empty,
            XlsxValue.Of(cancelled <= context.Today ? cancelled : null),
            XlsxValue.Of(applicant.Name),
            XlsxValue.Of(address),
            XlsxValue.Of(region),
            XlsxValue.Of(credit),
        ];
        return new Drawn(number, cells);
    }

    /// About four in five applications are registered 6–11 months later, in the gazette issued on the
    /// 6th, 13th, 20th or 27th of a month.
    private DateOnly? Registration(DateOnly applied, DemoRandom random, bool certain)
    {
        if (!certain && !random.Chance(0.78))
        {
            return null;
        }
        var day = applied.AddDays(random.Between(180, 330));
        while (day.Day is not (6 or 13 or 20 or 27))
        {
            day = day.AddDays(1);
        }
        return day <= context.Today ? day : null;
    }

    /// China's application numbers run from about 35 million at the start of 2019 to about 81 million at
    /// the end of 2024 (roughly 21 000 a day).
    private long NewNumber(DateOnly date, DemoRandom random) =>
        NextFree(35_000_000L + (date.DayNumber - new DateOnly(2019, 1, 1).DayNumber) * 21_000L + random.Next(20_000));

    private long NextFree(long number)
    {
        while (!numbers.Add(number))
        {
            number++;
        }
        return number;
    }

    private static string MarkName(DemoRandom random)
    {
        var name = Words.TradeName(random);
        return random.Next(10) switch
        {
            0 => name + "及图",
            1 => name + random.Pick(["坊", "记", "家", "源", "香"]),
            _ => name,
        };
    }
}
