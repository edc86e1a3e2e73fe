using System.Globalization;

namespace IpWarehouse.Etl.Demo.Internal;

/// How a patent row is written: number spellings, the optional columns real exports leave empty, and
/// the region evidence (a code, a full or short address, a city-only address, or only a credit code).
internal sealed partial class PatentSource
{
    private static string?[] Cells(Drawn drawn, string dateFormat, DemoRandom random)
    {
        var fact = drawn.Fact;
        var applicant = fact.Applicant;
        var (address, regionCode, creditCode) = Evidence.For(applicant, random);
        return
        [
            null, // 序号, numbered when the file is complete
            NumberSpelling(fact.Number, fact.GrantDate is not null, random),
            drawn.Title,
            random.Chance(0.9) ? PatentTypes.Label(fact.Type) : null, // empty: derived from the type digit
            Date(fact.ApplicationDate, dateFormat, random),
            Date(fact.GrantDate, dateFormat, random),
            Date(fact.LapseDate, dateFormat, random),
            string.Join(random.Chance(0.7) ? ";" : "；", fact.CoApplicants.Prepend(applicant).Select(p => p.Name)),
            random.Chance(0.7) ? applicant.ApplicantTypeLabel : null, // empty: derived from the name
            address,
            regionCode,
            creditCode,
            drawn.Ipc,
            drawn.Flags,
            drawn.Agency,
        ];
    }

    /// CN202310123456.7 mostly; also bare, without the dot, and ZL… for granted patents.
    private static string NumberSpelling(string number, bool granted, DemoRandom random)
    {
        var roll = random.NextDouble();
        if (granted && roll < 0.15)
        {
            return "ZL" + number;
        }
        return roll switch
        {
            < 0.70 => "CN" + number,
            < 0.95 => number,
            _ => number.Replace(".", "", StringComparison.Ordinal),
        };
    }

    private static string? Date(DateOnly? date, string format, DemoRandom random)
    {
        if (date is not { } d)
        {
            return null;
        }
        // The odd hand-edited cell in another style.
        return random.Chance(0.08)
            ? d.ToString("yyyy/M/d", CultureInfo.InvariantCulture)
            : d.ToString(format, CultureInfo.InvariantCulture);
    }
}
