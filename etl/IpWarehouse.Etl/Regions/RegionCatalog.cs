using IpWarehouse.Etl.Regions.Internal;

namespace IpWarehouse.Etl.Regions;

/// <summary>
/// The division list (NBS 2023, see <c>warehouse-sql/reference/README.md</c>): lookup by code, the parent
/// chain, and the fallback from a unified social credit code's area digits. Immutable and thread-safe.
/// </summary>
public sealed class RegionCatalog
{
    private readonly Dictionary<string, Region> _byCode;

    private RegionCatalog(IReadOnlyList<Region> regions)
    {
        Regions = regions;
        _byCode = regions.ToDictionary(r => r.Code, StringComparer.Ordinal);
        foreach (var region in regions)
        {
            region.Parent = region.ParentCode is null ? null : _byCode[region.ParentCode];
        }
    }

    /// <summary>Where the build puts regions.csv at run time.</summary>
    public static string DefaultPath => Path.Combine(WarehouseSql.Root, "reference", "regions.csv");

    /// <summary>Every region, ordered by code.</summary>
    public IReadOnlyList<Region> Regions { get; }

    /// <summary>Loads the regions.csv that ships next to the program.</summary>
    public static RegionCatalog LoadDefault() => Load(DefaultPath);

    /// <summary>Loads a regions.csv file (UTF-8, with header).</summary>
    /// <exception cref="FileNotFoundException">The file is missing.</exception>
    /// <exception cref="InvalidDataException">A row is malformed or a parent code is unknown.</exception>
    public static RegionCatalog Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The region list '{path}' is missing. Rebuild: the build copies warehouse-sql/reference/regions.csv next to the program.", path);
        }
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8);
        return new RegionCatalog(RegionCsv.Read(reader, path));
    }

    /// <summary>Reads regions in the regions.csv layout from any reader; <paramref name="sourceName"/> names it in errors.</summary>
    public static RegionCatalog Load(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);
        return new RegionCatalog(RegionCsv.Read(reader, sourceName));
    }

    /// <summary>The region with this six-digit code, or null.</summary>
    public Region? Find(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return _byCode.GetValueOrDefault(code);
    }

    /// <summary>True when the six-digit code is in the list.</summary>
    public bool IsKnown(string code) => Find(code) is not null;

    /// <summary>The parent of the region with this code; null for a province or an unknown code.</summary>
    public Region? Parent(string code) => Find(code)?.Parent;

    /// <summary>
    /// The chain from the province down to the region with this code: [province], [province, city] or
    /// [province, city, county]; a municipal district or a province-administered county has no city between.
    /// Empty for an unknown code.
    /// </summary>
    public IReadOnlyList<Region> Chain(string code)
    {
        var chain = new List<Region>(3);
        for (var r = Find(code); r is not null; r = r.Parent)
        {
            chain.Add(r);
        }
        chain.Reverse();
        return chain;
    }

    /// <summary>
    /// The region of a unified social credit code's registering authority. GB 32100-2015: characters 3–8
    /// are the authority's GB/T 2260 division code. Returns the region with exactly that code, else its
    /// prefecture (first four digits + 00), else its province (first two + 0000), else null. The check
    /// character is not verified here.
    /// </summary>
    public Region? FromCreditCode(string creditCode)
    {
        ArgumentNullException.ThrowIfNull(creditCode);
        var text = creditCode.AsSpan().Trim();
        if (text.Length < 8)
        {
            return null;
        }
        var area = text.Slice(2, 6);
        foreach (var c in area)
        {
            if (!char.IsAsciiDigit(c))
            {
                return null;
            }
        }
        var code = area.ToString();
        return Find(code)
            ?? Find(string.Concat(area[..4], "00"))
            ?? Find(string.Concat(area[..2], "0000"));
    }
}
