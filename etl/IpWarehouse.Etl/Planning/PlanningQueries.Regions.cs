namespace IpWarehouse.Etl.Planning;

/// <summary>A region a planner can choose: one with data in the published warehouse, or above one.</summary>
/// <param name="Code">GB/T 2260 code.</param>
/// <param name="Name">Its name as published.</param>
/// <param name="Level"><c>province</c>, <c>city</c> or <c>county</c>.</param>
/// <param name="ParentCode">The region above it, or null for a province.</param>
public sealed record PlanningRegion(string Code, string Name, string Level, string? ParentCode);

public sealed partial class PlanningQueries
{
    /// <summary>
    /// The regions with any non-zero indicator value, and every region above them, in code order: the choices
    /// of the web console's region lists (the mart also holds zeros for every other region of the country).
    /// </summary>
    public IReadOnlyList<PlanningRegion> RegionsWithData()
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT region_code FROM mart_indicator WHERE value IS NOT NULL AND value <> 0";
        var withData = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                withData.Add(reader.GetString(0));
            }
        }
        // Read the result out before the region directory's own query: a DuckDB connection streams one result at a time.
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in withData)
        {
            var code = start;
            while (code is not null && codes.Add(code) && Regions.TryGet(code, out var region))
            {
                code = region.ParentCode!;
            }
        }
        return [.. codes.Order(StringComparer.Ordinal)
            .Select(code => Regions.TryGet(code, out var r) ? new PlanningRegion(r.Code, r.Name, r.Level, r.ParentCode) : null)
            .OfType<PlanningRegion>()];
    }

    /// <summary>
    /// <see cref="RegionsWithData"/> as a tree: the provinces, each with its prefectures, each with its counties
    /// (the console's region tree with search).
    /// </summary>
    public IReadOnlyList<RegionNode> RegionTree()
    {
        var regions = RegionsWithData();
        var below = regions.Where(r => r.ParentCode is not null).ToLookup(r => r.ParentCode!, StringComparer.Ordinal);
        var codes = regions.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        RegionNode Node(PlanningRegion r) => new(r.Code, r.Name, r.Level, [.. below[r.Code].Select(Node)]);
        return [.. regions.Where(r => r.ParentCode is null || !codes.Contains(r.ParentCode)).Select(Node)];
    }

    /// <summary>
    /// The years with filings (patent applications or enforcement cases filed), ascending: the console's default
    /// year is the last of them. Grants, registrations and closures run a year or two behind the filings that
    /// cause them, and a stock counts in every later year, so they would point at a year nobody ranks yet.
    /// </summary>
    public IReadOnlyList<int> YearsWithData() => DataYears;

    private List<int> ReadDataYears()
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT year FROM mart_indicator WHERE indicator IN ('patent_applications', 'cases_filed') AND value <> 0 ORDER BY year";
        using var reader = command.ExecuteReader();
        var result = new List<int>();
        while (reader.Read())
        {
            result.Add(reader.GetInt32(0));
        }
        return result;
    }
}
