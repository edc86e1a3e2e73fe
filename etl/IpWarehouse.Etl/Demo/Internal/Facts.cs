namespace IpWarehouse.Etl.Demo.Internal;

/// A valid patent as generated (before formatting), for the sources that refer to patents.
internal sealed record PatentFact(
    string Number,
    string Type,
    bool IsPct,
    DateOnly ApplicationDate,
    DateOnly? GrantDate,
    DateOnly? LapseDate,
    Party Applicant,
    IReadOnlyList<Party> CoApplicants,
    GansuCounty County);

/// A valid enforcement case, for rights-protection subsidies.
internal sealed record CaseFact(string CaseNo, string Type, DateOnly Filed, DateOnly? Closed, GansuCity City, GansuCounty? County);

internal static class PatentTypes
{
    public const string Invention = "invention";
    public const string UtilityModel = "utility_model";
    public const string Design = "design";

    public static string Label(string type) => type switch
    {
        Invention => "发明",
        UtilityModel => "实用新型",
        _ => "外观设计",
    };

    /// ZC 0006-2003 type digit: 1 invention, 2 utility model, 3 design; 8/9 PCT national phase.
    public static int Digit(string type, bool pct) => type switch
    {
        Invention => pct ? 8 : 1,
        UtilityModel => pct ? 9 : 2,
        _ => 3,
    };
}
