using DuckDB.NET.Data;

namespace IpWarehouse.Etl.Planning.Internal;

/// The current regions of dim_region (a few thousand rows, read once per PlanningQueries): lookups,
/// the regions below one, and close matches for an unknown code.
internal sealed class RegionDirectory
{
    private readonly Dictionary<string, RegionEntry> byCode;
    private readonly Dictionary<string, List<RegionEntry>> children;

    private RegionDirectory(List<RegionEntry> regions)
    {
        byCode = regions.ToDictionary(r => r.Code, StringComparer.Ordinal);
        children = regions.Where(r => r.ParentCode is not null)
            .GroupBy(r => r.ParentCode!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Code, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
    }

    public static RegionDirectory Read(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        // An abolished code (撤县设区 …) has no current row; its latest version still names it, so facts
        // attributed to it before the change can be explained.
        command.CommandText = """
            SELECT region_code, name, short_name, level, parent_code, is_functional_zone
            FROM dim_region
            QUALIFY row_number() OVER (PARTITION BY region_code ORDER BY is_current DESC, valid_from DESC) = 1
            """;
        using var reader = command.ExecuteReader();
        var regions = new List<RegionEntry>();
        while (reader.Read())
        {
            regions.Add(new RegionEntry(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetBoolean(5)));
        }
        return new RegionDirectory(regions);
    }

    public bool TryGet(string code, out RegionEntry region) => byCode.TryGetValue(code, out region!);

    public string NameOf(string code) => byCode.TryGetValue(code, out var region) ? region.Name : code;

    public IReadOnlyList<RegionEntry> ChildrenOf(string code) => children.TryGetValue(code, out var list) ? list : [];

    /// The region and every region below it, the region first.
    public List<RegionEntry> SelfAndBelow(string code)
    {
        var result = new List<RegionEntry>();
        if (byCode.TryGetValue(code, out var self))
        {
            result.Add(self);
        }
        for (var i = 0; i < result.Count; i++)
        {
            result.AddRange(ChildrenOf(result[i].Code));
        }
        return result;
    }

    /// Regions of a level below a region, at any depth, by code.
    public List<RegionEntry> Below(string code, string level) =>
        [.. SelfAndBelow(code).Skip(1).Where(r => r.Level == level).OrderBy(r => r.Code, StringComparer.Ordinal)];

    /// Up to five close matches for something that is not a code: codes sharing the longest prefix
    /// (6 → 4 → 2 digits), or names containing the text.
    public List<RegionEntry> Suggest(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length > 0 && trimmed.All(char.IsAsciiDigit))
        {
            foreach (var length in new[] { 4, 2 })
            {
                if (trimmed.Length < length)
                {
                    continue;
                }
                var prefix = trimmed[..length];
                var matches = byCode.Values.Where(r => r.Code.StartsWith(prefix, StringComparison.Ordinal))
                    .OrderBy(r => Distance(r.Code, trimmed)).ThenBy(r => r.Code, StringComparer.Ordinal).Take(5).ToList();
                if (matches.Count > 0)
                {
                    return matches;
                }
            }
            return [];
        }
        return [.. byCode.Values
            .Where(r => r.Name.Contains(trimmed, StringComparison.Ordinal) || (r.ShortName.Length >= 2 && trimmed.Contains(r.ShortName, StringComparison.Ordinal)))
            .OrderBy(r => r.Level == "province" ? 0 : r.Level == "city" ? 1 : 2).ThenBy(r => r.Code, StringComparer.Ordinal)
            .Take(5)];
    }

    private static int Distance(string a, string b)
    {
        var different = 0;
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            if (i >= a.Length || i >= b.Length || a[i] != b[i])
            {
                different++;
            }
        }
        return different;
    }
}
