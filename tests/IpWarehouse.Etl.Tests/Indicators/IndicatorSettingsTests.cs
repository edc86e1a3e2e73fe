using System.Text.Json;
using IpWarehouse.Etl.Indicators;
using IpWarehouse.Etl.Tests.Infrastructure;

namespace IpWarehouse.Etl.Tests.Indicators;

/// The indicators section of ipwh.json: defaults from INDICATORS.md, every key optional, unknown keys and
/// bad values refused with the field named, and one canonical JSON per set of settings.
public sealed class IndicatorSettingsTests
{
    // Written by hand from the section's documentation (IndicatorSettings' remarks), not from the code.
    private const string DefaultJson =
        """
        {"attribution":"first_applicant","patentTerm":{"inventionYears":20,"utilityModelYears":10,"designYears":10,"designExtendedYears":15,"designExtendedFrom":"2021-06-01"},"highValueMaintainedYears":10,"trademarkYear":"cnipa","populationType":"resident","caseOnTime":{"limitDays":90,"patentDisputeMonths":3},"excludeAbnormal":false}
        """;

    [Fact]
    public void Defaults_are_those_of_INDICATORS_md()
    {
        var settings = IndicatorSettings.Default;

        Assert.Equal(IndicatorAttribution.FirstApplicant, settings.Attribution);
        Assert.Equal((20, 10, 10, 15), (settings.InventionTermYears, settings.UtilityModelTermYears, settings.DesignTermYears, settings.DesignExtendedTermYears));
        Assert.Equal(new DateOnly(2021, 6, 1), settings.DesignExtendedFrom);
        Assert.Equal(10, settings.HighValueMaintainedYears);
        Assert.Equal(TrademarkYearMode.Cnipa, settings.TrademarkYear);
        Assert.Equal(PopulationType.Resident, settings.PopulationType);
        Assert.Equal((90, 3), (settings.OnTimeLimitDays, settings.PatentDisputeMonths));
    }

    [Fact]
    public void The_canonical_json_has_every_key_in_a_fixed_order()
    {
        Assert.Equal(DefaultJson, IndicatorSettings.Default.ToJson());
    }

    [Fact]
    public void A_missing_or_null_section_gives_the_defaults()
    {
        Assert.Equal(IndicatorSettings.Default, IndicatorSettings.Parse(null));
        Assert.Equal(IndicatorSettings.Default, IndicatorSettings.Parse(Element("null")));
        Assert.Equal(IndicatorSettings.Default, IndicatorSettings.Parse(Element("{}")));
    }

    [Fact]
    public void Every_setting_is_read()
    {
        var settings = IndicatorSettings.Parse(Element("""
            {
              "attribution": "first_applicant",
              "patentTerm": { "inventionYears": 21, "utilityModelYears": 11, "designYears": 12, "designExtendedYears": 16, "designExtendedFrom": "2021-07-01" },
              "highValueMaintainedYears": 8,
              "trademarkYear": "calendar",
              "populationType": "registered",
              "caseOnTime": { "limitDays": 60, "patentDisputeMonths": 4 },
              "excludeAbnormal": true
            }
            """));

        Assert.Equal(
            """
            {"attribution":"first_applicant","patentTerm":{"inventionYears":21,"utilityModelYears":11,"designYears":12,"designExtendedYears":16,"designExtendedFrom":"2021-07-01"},"highValueMaintainedYears":8,"trademarkYear":"calendar","populationType":"registered","caseOnTime":{"limitDays":60,"patentDisputeMonths":4},"excludeAbnormal":true}
            """,
            settings.ToJson());
    }

    [Fact]
    public void Missing_keys_keep_their_defaults_and_key_case_does_not_matter()
    {
        var settings = IndicatorSettings.Parse(Element("""{ "TrademarkYear": "CALENDAR", "caseOnTime": { "limitDays": 60 } }"""));

        Assert.Equal(IndicatorSettings.Default with { TrademarkYear = TrademarkYearMode.Calendar, OnTimeLimitDays = 60 }, settings);
    }

    [Fact]
    public void The_canonical_json_reads_back_to_the_same_settings()
    {
        var settings = IndicatorSettings.Default with { PopulationType = PopulationType.Registered, DesignExtendedFrom = new DateOnly(2022, 1, 1) };

        Assert.Equal(settings, IndicatorSettings.FromJson(settings.ToJson()));
    }

    [Theory]
    [InlineData("""{ "trademarkYears": "cnipa" }""", "indicators.trademarkYears", "is not an indicator setting")]
    [InlineData("""{ "patentTerm": { "invention": 20 } }""", "indicators.patentTerm.invention", "is not an indicator setting")]
    [InlineData("""{ "caseOnTime": { "limit": 90 } }""", "indicators.caseOnTime.limit", "is not an indicator setting")]
    [InlineData("""{ "trademarkYear": "cnipa", "TRADEMARKYEAR": "calendar" }""", "indicators.trademarkYear", "is given twice")]
    [InlineData("""{ "trademarkYear": "fiscal" }""", "indicators.trademarkYear", "\"cnipa\", \"calendar\"")]
    [InlineData("""{ "populationType": 1 }""", "indicators.populationType", "must be a string")]
    [InlineData("""{ "attribution": "all_applicants" }""", "indicators.attribution", "\"first_applicant\"")]
    [InlineData("""{ "patentTerm": { "inventionYears": "20" } }""", "indicators.patentTerm.inventionYears", "must be a whole number")]
    [InlineData("""{ "patentTerm": { "inventionYears": 0 } }""", "indicators.patentTerm.inventionYears", "outside 1 .. 100")]
    [InlineData("""{ "patentTerm": { "designExtendedFrom": "2021-6-1" } }""", "indicators.patentTerm.designExtendedFrom", "yyyy-MM-dd")]
    [InlineData("""{ "caseOnTime": { "limitDays": 90.5 } }""", "indicators.caseOnTime.limitDays", "must be a whole number")]
    [InlineData("""{ "caseOnTime": 90 }""", "indicators.caseOnTime", "must be an object")]
    [InlineData("""[ 1 ]""", "indicators", "must be an object")]
    public void Bad_settings_fail_with_the_field_named(string json, string field, string problem)
    {
        var error = Assert.Throws<ConfigException>(() => IndicatorSettings.Parse(Element(json), "/etc/ipwh/ipwh.json"));

        Assert.Equal(field, error.Field);
        Assert.Equal("/etc/ipwh/ipwh.json", error.ConfigPath);
        Assert.StartsWith($"/etc/ipwh/ipwh.json: field '{field}': ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_key_lists_the_known_ones()
    {
        var error = Assert.Throws<ConfigException>(() => IndicatorSettings.Parse(Element("""{ "populationTyp": "resident" }""")));

        Assert.Contains("attribution, patentTerm, highValueMaintainedYears, trademarkYear, populationType, caseOnTime, excludeAbnormal", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_are_read_from_the_configuration_file()
    {
        using var folder = new TempFolder();
        var config = Configs.Load(folder, """
            { "warehouse": "wh", "sources": [], "indicators": { "populationType": "registered" } }
            """, checkFiles: false);

        Assert.Equal(PopulationType.Registered, IndicatorSettings.FromConfig(config).PopulationType);
        Assert.Equal(IndicatorSettings.Default, IndicatorSettings.FromConfig(Configs.Load(folder, """{ "warehouse": "wh", "sources": [] }""", checkFiles: false)));
    }

    [Fact]
    public void Out_of_range_values_are_refused_in_code_too()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => IndicatorSettings.Default with { OnTimeLimitDays = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => IndicatorSettings.Default with { TrademarkYear = (TrademarkYearMode)7 });
    }

    private static JsonElement Element(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
