using System.Globalization;
using IpWarehouse.Etl.Regions.Internal;

namespace IpWarehouse.Etl.Regions;

/// <summary>
/// The history of division codes (<c>warehouse-sql/reference/region_succession.csv</c>, derived from the MCA lists
/// 1980–2019 and the NBS 2023 list by <c>build_region_succession.py</c>; its README gives the rules): what a code
/// was and what succeeds it today. The loader reads the same file into <c>region_succession</c>, and staging
/// follows it in SQL (<c>staging/_region_codes.sql</c>); this class serves <c>ipwh regions history</c> and the
/// former names the address resolver knows. Immutable and thread-safe.
/// </summary>
public sealed class RegionSuccession
{
    private readonly ILookup<string, RegionChange> byOld;
    private readonly ILookup<string, RegionChange> byNew;

    private RegionSuccession(IReadOnlyList<RegionChange> changes)
    {
        Changes = changes;
        byOld = changes.ToLookup(c => c.OldCode, StringComparer.Ordinal);
        byNew = changes.Where(c => c.NewCode is not null && !c.KeptCode).ToLookup(c => c.NewCode!, StringComparer.Ordinal);
    }

    /// <summary>Where the build puts region_succession.csv at run time.</summary>
    public static string DefaultPath => Path.Combine(WarehouseSql.Root, "reference", "region_succession.csv");

    /// <summary>Every change, by old code and date.</summary>
    public IReadOnlyList<RegionChange> Changes { get; }

    /// <summary>Loads the region_succession.csv that ships next to the program.</summary>
    public static RegionSuccession LoadDefault() => Load(DefaultPath);

    /// <summary>Loads a region_succession.csv file.</summary>
    /// <exception cref="FileNotFoundException">The file is missing.</exception>
    /// <exception cref="InvalidDataException">A row is malformed; the message names the line.</exception>
    public static RegionSuccession Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The code history '{path}' is missing. Rebuild: the build copies warehouse-sql/reference/region_succession.csv next to the program.", path);
        }
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8);
        return new RegionSuccession(SuccessionCsv.Read(reader, path));
    }

    /// <summary>
    /// What happened to a code, oldest first: the changes that retired or renamed it, and those that created it
    /// (its predecessors).
    /// </summary>
    public IReadOnlyList<RegionChange> HistoryOf(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return [.. byOld[code].Concat(byNew[code]).Distinct().OrderBy(c => c.EffectiveDate).ThenBy(c => c.OldCode, StringComparer.Ordinal)
            .ThenBy(c => c.NewCode, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The last retirement of a code that is not current any more (codes are reused, and a code given today means
    /// its latest place): one row, or several for a split or an unclear change; empty for a current or unknown code.
    /// </summary>
    public IReadOnlyList<RegionChange> RetirementOf(string code, RegionCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(catalog);
        if (catalog.IsKnown(code))
        {
            return [];
        }
        var retirements = byOld[code].Where(c => !c.KeptCode).ToList();
        if (retirements.Count == 0)
        {
            return [];
        }
        var last = retirements.Max(c => c.EffectiveDate);
        return [.. retirements.Where(c => c.EffectiveDate == last)];
    }

    /// <summary>
    /// Former names an address may still use (华亭县 for 620881 华亭市), each with the current region it stands for:
    /// names of retired codes (and of codes renamed in place) with one successor today, at least three characters
    /// long, that no current region bears as its name (the resolver also drops those that are still a form of a
    /// current region's name). A former name of two regions stands for both (the resolver narrows it by the names
    /// around it, like any shared name).
    /// </summary>
    public IEnumerable<(string Name, Region Region)> FormerNames(RegionCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var currentNames = catalog.Regions.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        return Changes
            .Where(c => c.OldName.Length >= 3 && !currentNames.Contains(c.OldName) && c.Successor is not null
                && (c.KeptCode || RetirementOf(c.OldCode, catalog).Contains(c)))
            .Select(c => (c.OldName, Region: catalog.Find(c.Successor!)))
            .Where(n => n.Region is not null)
            .Select(n => (n.OldName, n.Region!))
            .Distinct();
    }

    internal static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
