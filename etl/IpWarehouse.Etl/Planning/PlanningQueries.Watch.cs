using System.Data.Common;
using DuckDB.NET.Data;
using IpWarehouse.Etl.Indicators.Internal;

namespace IpWarehouse.Etl.Planning;

public sealed partial class PlanningQueries
{
    /// <summary>The groupings <see cref="CasesBy"/> accepts.</summary>
    public static IReadOnlyList<string> CaseGroupings { get; } = ["department", "case_type", "campaign"];

    /// <summary>The kinds <see cref="Expiring"/> accepts.</summary>
    public static IReadOnlyList<string> ExpiringKinds { get; } = ["patents", "trademarks"];

    /// <summary>
    /// Patents and trademarks under <paramref name="within"/> whose protection ends within <paramref name="months"/>
    /// months of <paramref name="asOf"/> (default today), trademarks in their grace period included
    /// (warehouse-sql/watch/expiring.sql; patent terms as the published mart's settings say).
    /// </summary>
    /// <param name="within">The region.</param>
    /// <param name="months">1..120.</param>
    /// <param name="kind">patents, trademarks or null for both.</param>
    /// <param name="asOf">The reference date; today when null.</param>
    /// <param name="rowLimit">Read at most this many rows and one more, which says the list goes on (0: every row).</param>
    /// <exception cref="PlanningException">An unknown region or kind, or months outside 1..120.</exception>
    public IReadOnlyList<ExpiringRight> Expiring(string within, int months, string? kind = null, DateOnly? asOf = null, int rowLimit = 0)
    {
        var region = RequireRegion(within, "within");
        if (months is < 1 or > 120)
        {
            throw new PlanningException($"months 应为 1 到 120 之间的整数（到期前几个月），收到 {months}。") { Parameter = "months" };
        }
        if (kind is not null && !ExpiringKinds.Contains(kind))
        {
            throw new PlanningException($"kind“{kind}”不是可选的类型：patents（专利）或 trademarks（商标）。")
            {
                Parameter = "kind",
                Available = ExpiringKinds,
            };
        }
        var settings = MartSettings.Settings;
        var regions = Regions;
        return Read("watch/expiring.sql",
            [
                new("within", region.Code), new("as_of", asOf ?? Today), new("months", months), new("kind", kind),
                new("invention_years", settings.InventionTermYears), new("utility_model_years", settings.UtilityModelTermYears),
                new("design_years", settings.DesignTermYears), new("design_extended_years", settings.DesignExtendedTermYears),
                new("design_extended_from", settings.DesignExtendedFrom),
            ],
            r => new ExpiringRight(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), regions.NameOf(r.GetString(3)), r.GetString(4),
                r.GetFieldValue<DateOnly>(5), r.GetFieldValue<DateOnly>(6), Convert.ToInt32(r.GetValue(7), System.Globalization.CultureInfo.InvariantCulture),
                r.IsDBNull(8) ? null : r.GetString(8), r.IsDBNull(9) ? null : r.GetFieldValue<DateOnly>(9),
                r.IsDBNull(10) ? null : r.GetFieldValue<DateOnly>(10)), rowLimit);
    }

    /// <summary>
    /// The cases under <paramref name="within"/> open at <paramref name="asOf"/> (default today), oldest first, with their
    /// statutory limit and whether they are past it (warehouse-sql/watch/open_cases.sql; limits as the mart's settings say).
    /// </summary>
    /// <param name="within">The region.</param>
    /// <param name="asOf">The reference date; today when null.</param>
    /// <param name="rowLimit">Read at most this many rows and one more, which says the list goes on (0: every row).</param>
    /// <exception cref="PlanningException">An unknown region.</exception>
    public IReadOnlyList<OpenCase> OpenCases(string within, DateOnly? asOf = null, int rowLimit = 0)
    {
        var region = RequireRegion(within, "within");
        var regions = Regions;
        return Read("watch/open_cases.sql", CaseParameters(region.Code, asOf),
            r => new OpenCase(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
                r.GetString(4), regions.NameOf(r.GetString(4)), r.GetFieldValue<DateOnly>(5), Convert.ToInt32(r.GetValue(6), System.Globalization.CultureInfo.InvariantCulture),
                Convert.ToInt32(r.GetValue(7), System.Globalization.CultureInfo.InvariantCulture), r.GetFieldValue<DateOnly>(8), r.GetBoolean(9),
                Convert.ToInt32(r.GetValue(10), System.Globalization.CultureInfo.InvariantCulture), r.GetBoolean(11)), rowLimit);
    }

    /// <summary>
    /// The case indicators of the year to <paramref name="asOf"/> (default today) and the open and overdue cases at it, per
    /// <paramref name="by"/> (department, case_type or campaign), for the cases under <paramref name="within"/>.
    /// </summary>
    /// <exception cref="PlanningException">An unknown region or grouping.</exception>
    public IReadOnlyList<CaseGroup> CasesBy(string within, string by, DateOnly? asOf = null)
    {
        var region = RequireRegion(within, "within");
        if (!CaseGroupings.Contains(by))
        {
            throw new PlanningException($"by“{by}”不是可选的分组：department（办案单位）、case_type（案件类型）或 campaign（专项行动）。")
            {
                Parameter = "by",
                Available = CaseGroupings,
            };
        }
        return Read("watch/cases_by.sql", [.. CaseParameters(region.Code, asOf), new("by", by)],
            r => new CaseGroup(r.IsDBNull(0) ? null : r.GetString(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetDouble(5),
                r.GetInt64(6), r.GetInt64(7), r.IsDBNull(8) ? null : r.GetFieldValue<DateOnly>(8)));
    }

    /// <summary>The name of a region of the warehouse, or the code itself when it is not one.</summary>
    public string RegionName(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return Regions.NameOf(code.Trim());
    }

    // The case queries call ind_case_limit_date, the statutory-limit rule the mart's case indicators count with: it is
    // created here (a temp macro over the temp settings table, so on the read-only connection too) with the published
    // mart's settings, and the list and the mart's overdue_open_cases stay one rule.
    private List<DuckDBParameter> CaseParameters(string within, DateOnly? asOf)
    {
        IndicatorModels.RunSettings(connection, MartSettings.Settings, DateTimeOffset.UnixEpoch, CancellationToken.None);
        return [new("within", within), new("as_of", asOf ?? Today)];
    }

    // Reads the rows of a file, or with rowLimit above 0 at most rowLimit + 1 of them: the list a page or file shows stays
    // within the limit however large the region and window, and the extra row tells the caller it was cut.
    private List<T> Read<T>(string file, IEnumerable<DuckDBParameter> parameters, Func<DbDataReader, T> row, int rowLimit = 0)
    {
        using var command = connection.CreateCommand();
        command.CommandText = WarehouseSql.Read(file);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter);
        }
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while ((rowLimit <= 0 || rows.Count <= rowLimit) && reader.Read())
        {
            rows.Add(row(reader));
        }
        return rows;
    }
}
