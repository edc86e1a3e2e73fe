using IpWarehouse.Etl.Layouts;

namespace IpWarehouse.Etl.Loading.Internal;

/// Where each kind goes: its staging model, the fact it merges into and that fact's natural key.
/// Only identifiers here; the SQL itself is in warehouse-sql/staging and warehouse-sql/marts.
/// EventDate: the staging expression giving a row's own date, recorded with a quarantined row (etl_reject.event_date).
internal sealed record KindModel(SourceKind Kind, string Staging, string Fact, string Key, bool AttributesByAddress, string? SnapshotYear)
{
    private const string EndOfYear = "CASE WHEN year BETWEEN 1900 AND 2200 THEN make_date(year, 12, 31) END";

    internal string EventDate { get; private init; } = "CAST(NULL AS DATE)";

    private static readonly Dictionary<SourceKind, KindModel> Models = new[]
    {
        new KindModel(SourceKind.Patents, "stg_patents", "fact_patent", "application_no", true, "application_date") { EventDate = "application_date" },
        new KindModel(SourceKind.Trademarks, "stg_trademarks", "fact_trademark", "application_no", true, "application_date") { EventDate = "application_date" },
        new KindModel(SourceKind.Cases, "stg_cases", "fact_case", "case_no", false, "filed_date") { EventDate = "filed_date" },
        new KindModel(SourceKind.Subsidies, "stg_subsidies", "fact_subsidy_payment", "payment_no", false, "paid_date") { EventDate = "paid_date" },
        new KindModel(SourceKind.Population, "stg_population", "fact_population", "region_code, year, population_type", false, null) { EventDate = EndOfYear },
        new KindModel(SourceKind.Targets, "stg_targets", "fact_target", "region_code, year, indicator, period", false, null),
        new KindModel(SourceKind.Designations, "stg_designations", "fact_designation",
            "enterprise_name, designation, level, year", false, null) { EventDate = EndOfYear },
        new KindModel(SourceKind.Training, "stg_training", "fact_training", "event_id", false, null) { EventDate = "event_date" },
        new KindModel(SourceKind.OfficialFigures, "stg_official_figures", "fact_official_figure", "region_code, indicator, year, period", false, null),
        new KindModel(SourceKind.Pledges, "stg_pledges", "fact_pledge", "pledge_no", false, null) { EventDate = "registration_date" },
        new KindModel(SourceKind.Copyrights, "stg_copyrights", "fact_copyright", "registration_no", false, null) { EventDate = "registration_date" },
        new KindModel(SourceKind.GiProducts, "stg_gi_products", "fact_gi_product", "product_name", false, null) { EventDate = "approval_date" },
    }.ToDictionary(m => m.Kind);

    internal static KindModel For(SourceKind kind) => Models[kind];

    internal static IEnumerable<KindModel> All => Models.Values;

    internal string StagingFile => $"staging/{Staging}.sql";

    internal string MartFile => $"marts/{Fact}.sql";

    internal string AfterMergeFile => $"marts/{Fact}.after.sql";
}
