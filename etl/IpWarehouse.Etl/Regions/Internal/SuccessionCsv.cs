namespace IpWarehouse.Etl.Regions.Internal;

/// <summary>Reads region_succession.csv. The file is ours (build_region_succession.py writes it): no quoting, no commas in names.</summary>
internal static class SuccessionCsv
{
    internal const string Header = "old_code,old_name,new_code,new_name,last_listed,effective_date,reason,current_codes,sole_predecessor";

    internal static List<RegionChange> Read(TextReader reader, string source)
    {
        var header = reader.ReadLine();
        if (header is null || !string.Equals(header.TrimStart('\uFEFF'), Header, StringComparison.Ordinal))
        {
            throw new InvalidDataException(
                $"{source}: the header must be '{Header}' but is '{header}'. Regenerate it with warehouse-sql/reference/build_region_succession.py.");
        }
        var changes = new List<RegionChange>(4100);
        var lineNumber = 1;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (line.Length > 0)
            {
                changes.Add(Parse(line, source, lineNumber));
            }
        }
        return changes;
    }

    private static RegionChange Parse(string line, string source, int lineNumber)
    {
        var f = line.Split(',');
        if (f.Length != 9)
        {
            throw new InvalidDataException($"{source} line {lineNumber}: expected 9 fields, found {f.Length}: '{line}'.");
        }
        try
        {
            return new RegionChange(f[0], f[1], NullIfEmpty(f[2]), NullIfEmpty(f[3]), RegionSuccession.Date(f[4]), RegionSuccession.Date(f[5]),
                NullIfEmpty(f[6]), f[7].Split(' ', StringSplitOptions.RemoveEmptyEntries), bool.Parse(f[8]));
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"{source} line {lineNumber}: {e.Message} '{line}'.", e);
        }
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
