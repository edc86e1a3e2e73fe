using System.Globalization;

namespace IpWarehouse.Etl.Demo.Internal;

/// Drawing cases: trademark infringement leads, patent disputes go to the prefecture's bureau, most cases
/// close within the 90-day limit, some run over, some are suspended, a few go to the police.
internal sealed partial class CaseSource
{
    private static readonly (string Type, string Label, double Weight)[] Types =
    [
        ("trademark_infringement", "商标侵权", 0.52), ("patent_counterfeiting", "假冒专利", 0.12),
        ("patent_dispute", "专利侵权纠纷", 0.09), ("gi", "地理标志", 0.06), ("agency", "商标代理", 0.03),
        ("agency", "专利代理", 0.03), ("copyright", "著作权", 0.04), ("other", "其他", 0.11),
    ];

    private static readonly Dictionary<int, double> YearLevels = new()
    {
        [2019] = 0.9, [2020] = 0.8, [2021] = 1.0, [2022] = 1.0, [2023] = 1.15, [2024] = 1.2,
    };

    private List<CaseDraft> Draw(DemoRandom random, int count)
    {
        var counties = new WeightedTable<GansuCounty>(context.Gansu.Counties.Select(c => (c, c.CaseWeight)));
        var years = new WeightedTable<int>(YearLevels.Select(p => (p.Key, p.Value)));
        var drafts = new List<CaseDraft>(count);
        for (var i = 0; i < count; i++)
        {
            var filed = new DateOnly(years.Draw(random), 1, 1).AddDays(random.Next(365));
            drafts.Add(DrawOne(counties.Draw(random), filed, random));
        }
        return drafts;
    }

    private CaseDraft DrawOne(GansuCounty county, DateOnly filed, DemoRandom random)
    {
        var (type, label, _) = Types[random.Weighted(Types.Select(t => t.Weight).ToArray())];
        // Patent disputes are adjudicated by the prefecture's IP office; a share of other cases too.
        var byCity = type == "patent_dispute" ? random.Chance(0.85) : random.Chance(0.12);
        var byProvince = !byCity && random.Chance(0.02);
        var online = type != "patent_dispute" && random.Chance(0.22);
        var draft = new CaseDraft
        {
            Type = type,
            TypeLabel = label,
            City = county.City,
            County = byCity || byProvince ? null : county,
            ByProvince = byProvince,
            Filed = filed,
            Online = online,
            Campaign = Campaign(type, online, filed.Year, random),
        };
        Progress(draft, random);
        Amounts(draft, random);
        draft.CreatedAt = filed.ToDateTime(new TimeOnly(random.Between(8, 17), random.Next(60), random.Next(60)));
        var last = draft.Closed ?? draft.Transferred ?? filed;
        var updated = last.AddDays(random.Between(0, 3));
        if (draft.Closed is null)
        {
            updated = random.Day(filed, context.Today);
        }
        updated = updated > context.Today ? context.Today : updated;
        draft.UpdatedAt = updated.ToDateTime(new TimeOnly(random.Between(8, 18), random.Next(60), random.Next(60)));
        if (draft.UpdatedAt < draft.CreatedAt)
        {
            draft.UpdatedAt = draft.CreatedAt.AddMinutes(random.Between(5, 90));
        }
        return draft;
    }

    private static string? Campaign(string type, bool online, int year, DemoRandom random) => type switch
    {
        "trademark_infringement" or "gi" when random.Chance(0.35) => "铁拳",
        "agency" when random.Chance(0.7) => "蓝天",
        _ when online && year >= 2020 && random.Chance(0.4) => "网剑",
        "patent_counterfeiting" when random.Chance(0.3) => "双打",
        _ => null,
    };

    /// Closing, suspension and transfer. Durations: most within five weeks, some up to the 90-day limit,
    /// about one in fifteen over it; suspended days extend a case without counting against the limit.
    /// Bureaus push to close before 31 December (the year's 结案率 is assessed), so only part of the
    /// late-year cases carry over.
    private void Progress(CaseDraft draft, DemoRandom random)
    {
        var days = random.Weighted([0.75, 0.18, 0.07]) switch
        {
            0 => random.Between(5, 35),
            1 => random.Between(36, 88),
            _ => random.Between(91, 150),
        };
        if (random.Chance(0.1))
        {
            draft.SuspendedDays = random.Between(10, 60);
            days += draft.SuspendedDays.Value;
        }
        var transferable = draft.Type is "trademark_infringement" or "gi" ? 0.05 : draft.Type == "patent_counterfeiting" ? 0.02 : 0;
        if (random.Chance(transferable))
        {
            // Transferred to public security; the administrative case closes on transfer.
            draft.Transferred = draft.Filed.AddDays(random.Between(10, 45));
            days = draft.Transferred.Value.DayNumber - draft.Filed.DayNumber + random.Between(0, 7);
        }
        var closed = draft.Filed.AddDays(days);
        var yearEnd = new DateOnly(draft.Filed.Year, 12, 31);
        if (closed > yearEnd && draft.Transferred is null && yearEnd.DayNumber - draft.Filed.DayNumber >= 3 && random.Chance(0.6))
        {
            closed = random.Day(draft.Filed.AddDays(3), yearEnd);
            draft.SuspendedDays = null;
        }
        // A few cases stay open for good (a party cannot be found); and nothing closes in the future.
        draft.Closed = random.Chance(0.012) || closed > context.Today ? null : closed;
        if (draft.Transferred > context.Today)
        {
            draft.Transferred = null;
        }
    }

    private static void Amounts(CaseDraft draft, DemoRandom random)
    {
        if (draft.Type == "patent_dispute")
        {
            return; // a dispute between parties: no goods seized, no fine
        }
        draft.Involved = Math.Round((decimal)random.LogNormal(8_000, 1.2), 2);
        if (draft.Closed is null || draft.Transferred is not null)
        {
            return;
        }
        // First minor offences go unpunished (首违不罚); otherwise up to several times the illegal turnover.
        draft.Fine = random.Chance(0.1) ? 0m : Math.Round(draft.Involved.Value * (decimal)random.Uniform(0.5, 3.0) / 100m) * 100m + 1000m;
    }

    /// Case numbers count per issuing bureau and year in filing order: 城关区市监知罚〔2023〕15号.
    private static void Number(List<CaseDraft> drafts)
    {
        var counters = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var d in drafts.OrderBy(d => d.Filed).ThenBy(d => d.CreatedAt))
        {
            var prefix = d.ByProvince ? "甘" : d.County is { } c ? (c.IsAutonomous ? c.Region.ShortName + "县" : c.Name) : d.City.NamePrefix;
            var kind = d.Type == "patent_dispute" ? "知裁" : "知罚";
            var key = string.Create(CultureInfo.InvariantCulture, $"{prefix}市监{kind}〔{d.Filed.Year}〕");
            counters[key] = counters.GetValueOrDefault(key) + 1;
            d.CaseNo = string.Create(CultureInfo.InvariantCulture, $"{key}{counters[key]}号");
        }
    }
}
