using System.Globalization;
using System.Text;
using System.Text.Json;

namespace IpWarehouse.Etl.Indicators.Internal;

/// The names of the indicators section of ipwh.json, and the canonical JSON written with every mart row.
internal static class SettingsJson
{
    public const string Section = "indicators";

    public const string Attribution = "attribution";
    public const string PatentTerm = "patentTerm";
    public const string InventionYears = "inventionYears";
    public const string UtilityModelYears = "utilityModelYears";
    public const string DesignYears = "designYears";
    public const string DesignExtendedYears = "designExtendedYears";
    public const string DesignExtendedFrom = "designExtendedFrom";
    public const string HighValueMaintainedYears = "highValueMaintainedYears";
    public const string TrademarkYear = "trademarkYear";
    public const string PopulationType = "populationType";
    public const string CaseOnTime = "caseOnTime";
    public const string LimitDays = "limitDays";
    public const string PatentDisputeMonths = "patentDisputeMonths";
    public const string ExcludeAbnormal = "excludeAbnormal";

    public static readonly string[] TopKeys = [Attribution, PatentTerm, HighValueMaintainedYears, TrademarkYear, PopulationType, CaseOnTime, ExcludeAbnormal];
    public static readonly string[] PatentTermKeys = [InventionYears, UtilityModelYears, DesignYears, DesignExtendedYears, DesignExtendedFrom];
    public static readonly string[] CaseOnTimeKeys = [LimitDays, PatentDisputeMonths];

    // The names the JSON and the SQL use for the enums (lower snake case).
    public static string Name(IndicatorAttribution value) => value switch
    {
        IndicatorAttribution.FirstApplicant => "first_applicant",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static string Name(TrademarkYearMode value) => value switch
    {
        TrademarkYearMode.Cnipa => "cnipa",
        TrademarkYearMode.Calendar => "calendar",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static string Name(Indicators.PopulationType value) => value switch
    {
        Indicators.PopulationType.Resident => "resident",
        Indicators.PopulationType.Registered => "registered",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Write(IndicatorSettings settings)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString(Attribution, Name(settings.Attribution));
            writer.WriteStartObject(PatentTerm);
            writer.WriteNumber(InventionYears, settings.InventionTermYears);
            writer.WriteNumber(UtilityModelYears, settings.UtilityModelTermYears);
            writer.WriteNumber(DesignYears, settings.DesignTermYears);
            writer.WriteNumber(DesignExtendedYears, settings.DesignExtendedTermYears);
            writer.WriteString(DesignExtendedFrom, Date(settings.DesignExtendedFrom));
            writer.WriteEndObject();
            writer.WriteNumber(HighValueMaintainedYears, settings.HighValueMaintainedYears);
            writer.WriteString(TrademarkYear, Name(settings.TrademarkYear));
            writer.WriteString(PopulationType, Name(settings.PopulationType));
            writer.WriteStartObject(CaseOnTime);
            writer.WriteNumber(LimitDays, settings.OnTimeLimitDays);
            writer.WriteNumber(PatentDisputeMonths, settings.PatentDisputeMonths);
            writer.WriteEndObject();
            writer.WriteBoolean(ExcludeAbnormal, settings.ExcludeAbnormal);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
