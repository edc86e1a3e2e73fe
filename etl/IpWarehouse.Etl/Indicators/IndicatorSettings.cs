using IpWarehouse.Etl.Configuration;
using IpWarehouse.Etl.Indicators.Internal;

namespace IpWarehouse.Etl.Indicators;

/// <summary>
/// The counting rules of INDICATORS.md that are settings, from the <c>indicators</c> section of ipwh.json
/// (<see cref="Parse"/>); every property defaults to INDICATORS.md.
/// The canonical JSON (<see cref="ToJson"/>) is stored with every row of <c>mart_indicator</c>, so a figure
/// always says which rules produced it.
/// </summary>
/// <remarks>
/// The section's shape, with the defaults:
/// <code>
/// "indicators": {
///   "attribution": "first_applicant",
///   "patentTerm": { "inventionYears": 20, "utilityModelYears": 10, "designYears": 10,
///                   "designExtendedYears": 15, "designExtendedFrom": "2021-06-01" },
///   "highValueMaintainedYears": 10,
///   "trademarkYear": "cnipa",
///   "populationType": "resident",
///   "caseOnTime": { "limitDays": 90, "patentDisputeMonths": 3 }
/// }
/// </code>
/// Every key is optional; an unknown key is an error, so a misspelt setting never falls back to a default.
/// </remarks>
public sealed record IndicatorSettings
{
    /// <summary>The defaults of INDICATORS.md.</summary>
    public static IndicatorSettings Default { get; } = new();

    /// <summary>Which applicant's region a patent or trademark counts in. Default: the first applicant's.</summary>
    public IndicatorAttribution Attribution
    {
        get;
        init => field = Defined(value, nameof(Attribution));
    } = IndicatorAttribution.FirstApplicant;

    /// <summary>An invention's term, in years from the application date. Default 20.</summary>
    public int InventionTermYears
    {
        get;
        init => field = InRange(value, 1, 100, nameof(InventionTermYears));
    } = 20;

    /// <summary>A utility model's term, in years from the application date. Default 10.</summary>
    public int UtilityModelTermYears
    {
        get;
        init => field = InRange(value, 1, 100, nameof(UtilityModelTermYears));
    } = 10;

    /// <summary>A design's term, in years from the application date, for applications before <see cref="DesignExtendedFrom"/>. Default 10.</summary>
    public int DesignTermYears
    {
        get;
        init => field = InRange(value, 1, 100, nameof(DesignTermYears));
    } = 10;

    /// <summary>A design's term for applications filed on or after <see cref="DesignExtendedFrom"/>. Default 15 (Patent Law 2020, art. 42).</summary>
    public int DesignExtendedTermYears
    {
        get;
        init => field = InRange(value, 1, 100, nameof(DesignExtendedTermYears));
    } = 15;

    /// <summary>The first application date that gets <see cref="DesignExtendedTermYears"/>. Default 2021-06-01.</summary>
    public DateOnly DesignExtendedFrom { get; init; } = new(2021, 6, 1);

    /// <summary>
    /// A valid invention maintained more than this many years from its application date is high-value
    /// (high_value_invention_patents). Default 10.
    /// </summary>
    public int HighValueMaintainedYears
    {
        get;
        init => field = InRange(value, 1, 100, nameof(HighValueMaintainedYears));
    } = 10;

    /// <summary>How the trademark indicators' years run. Default: CNIPA's, 16 Dec .. 15 Dec.</summary>
    public TrademarkYearMode TrademarkYear
    {
        get;
        init => field = Defined(value, nameof(TrademarkYear));
    } = TrademarkYearMode.Cnipa;

    /// <summary>The population per-capita indicators divide by. Default: resident (常住).</summary>
    public PopulationType PopulationType
    {
        get;
        init => field = Defined(value, nameof(PopulationType));
    } = PopulationType.Resident;

    /// <summary>A case is closed on time when closed_date − filed_date − suspended_days is at most this many days. Default 90.</summary>
    public int OnTimeLimitDays
    {
        get;
        init => field = InRange(value, 1, 3650, nameof(OnTimeLimitDays));
    } = 90;

    /// <summary>A patent_dispute case is on time when closed within this many calendar months of filing plus its suspended days. Default 3.</summary>
    public int PatentDisputeMonths
    {
        get;
        init => field = InRange(value, 1, 120, nameof(PatentDisputeMonths));
    } = 3;

    /// <summary>
    /// Whether patents with an abnormal_date (非正常专利申请) are left out of the application counts and shares
    /// (patent_applications, invention_applications and what is made of them); INDICATORS.md's
    /// <c>excludeAbnormal</c>, false by default.
    /// </summary>
    public bool ExcludeAbnormal { get; init; }

    /// <summary>
    /// Reads the <c>indicators</c> section of ipwh.json. A missing (or null) section gives <see cref="Default"/>;
    /// a missing key keeps its default.
    /// </summary>
    /// <param name="section">The section, e.g. <c>config.Section("indicators")</c>.</param>
    /// <param name="configPath">The configuration file, named in errors.</param>
    /// <exception cref="ConfigException">
    /// The section is not an object, a key is unknown or given twice, or a value has the wrong type or is out
    /// of range; <see cref="ConfigException.Field"/> names it (e.g. <c>indicators.trademarkYear</c>).
    /// </exception>
    public static IndicatorSettings Parse(System.Text.Json.JsonElement? section, string? configPath = null) =>
        new SettingsReader(configPath).Read(section);

    /// <summary>The settings of a loaded configuration's <c>indicators</c> section.</summary>
    /// <exception cref="ConfigException">The section is wrong; see <see cref="Parse"/>.</exception>
    public static IndicatorSettings FromConfig(IpwhConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Parse(config.Section(SettingsJson.Section), config.ConfigPath);
    }

    /// <summary>Reads settings from JSON text, such as <see cref="ToJson"/>'s output stored in <c>mart_indicator.settings</c>.</summary>
    /// <exception cref="ConfigException">The text is not JSON or not valid settings.</exception>
    public static IndicatorSettings FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return new SettingsReader(null).Read(json);
    }

    /// <summary>
    /// The canonical JSON of these settings: every key, in the order of the section's documentation, no
    /// white space, e.g. <c>{"attribution":"first_applicant","patentTerm":{"inventionYears":20,…},…}</c>.
    /// Equal settings give the same string.
    /// </summary>
    public string ToJson() => SettingsJson.Write(this);

    private static int InRange(int value, int min, int max, string name) =>
        value >= min && value <= max
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be between {min} and {max}.");

    private static T Defined<T>(T value, string name)
        where T : struct, Enum =>
        Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(name, value, $"{value} is not a {typeof(T).Name}.");
}
