namespace IpWarehouse.Etl.Regions.Internal;

/// <summary>Reads regions.csv. The file is ours (build_regions.py writes it): no quoting, no commas in names.</summary>
internal static class RegionCsv
{
    internal const string Header = "code,name,level,parent_code,province_code,city_code,is_functional_zone,short_name";

    internal static List<Region> Read(TextReader reader, string source)
    {
        var header = reader.ReadLine();
        if (header is null || !string.Equals(header.TrimStart('\uFEFF'), Header, StringComparison.Ordinal))
        {
            throw new InvalidDataException(
                $"{source}: the header must be '{Header}' but is '{header}'. Regenerate it with warehouse-sql/reference/build_regions.py.");
        }

        var regions = new List<Region>(3400);
        var lineNumber = 1;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }
            regions.Add(Parse(line, source, lineNumber));
        }

        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in regions)
        {
            if (!codes.Add(r.Code))
            {
                throw new InvalidDataException($"{source}: the code {r.Code} appears twice.");
            }
        }
        foreach (var r in regions)
        {
            foreach (var reference in new[] { r.ParentCode, r.ProvinceCode, r.CityCode })
            {
                if (reference is not null && !codes.Contains(reference))
                {
                    throw new InvalidDataException($"{source}: {r} refers to {reference}, which is not in the list.");
                }
            }
        }
        regions.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));
        return regions;
    }

    private static Region Parse(string line, string source, int lineNumber)
    {
        var f = line.Split(',');
        if (f.Length != 8)
        {
            throw new InvalidDataException($"{source} line {lineNumber}: expected 8 fields, found {f.Length}: '{line}'.");
        }
        if (f[0].Length != 6 || !f[0].All(char.IsAsciiDigit))
        {
            throw new InvalidDataException($"{source} line {lineNumber}: code '{f[0]}' is not six digits.");
        }
        var level = f[2] switch
        {
            "province" => RegionLevel.Province,
            "city" => RegionLevel.City,
            "county" => RegionLevel.County,
            _ => throw new InvalidDataException(
                $"{source} line {lineNumber}: level '{f[2]}' is not province, city or county."),
        };
        if (!bool.TryParse(f[6], out var isZone))
        {
            throw new InvalidDataException($"{source} line {lineNumber}: is_functional_zone '{f[6]}' is not true or false.");
        }
        if ((level == RegionLevel.Province) != (f[3].Length == 0))
        {
            throw new InvalidDataException(
                $"{source} line {lineNumber}: {f[0]} is a {f[2]}; only provinces have an empty parent_code.");
        }
        var name = f[1];
        var shortName = f[7].Length == 0 ? name : f[7];
        return new Region(
            f[0], name, shortName, level,
            NullIfEmpty(f[3]), f[4], NullIfEmpty(f[5]), isZone);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
