using IpWarehouse.Etl.Regions.Internal;

namespace IpWarehouse.Etl.Regions;

/// <summary>
/// Attributes a free-text address (申请人地址) to the deepest province, prefecture or county it names without
/// ambiguity. The rules, with examples, are in <c>warehouse-sql/reference/README.md</c>. Immutable and
/// thread-safe; build one per catalogue and reuse it.
/// </summary>
public sealed partial class AddressResolver
{
    // Addresses longer than this are copied to the heap instead of the stack.
    private const int StackLimit = 256;

    private const int MaxFormLength = NameIndex.MaxLength;

    private readonly NameIndex _index;

    /// <summary>Indexes every name form of <paramref name="catalog"/>.</summary>
    public AddressResolver(RegionCatalog catalog)
        : this(catalog, null)
    {
    }

    /// <summary>
    /// Indexes every name form of <paramref name="catalog"/> and the former names <paramref name="history"/> gives
    /// (<see cref="RegionSuccession.FormerNames"/>): an address that still says 华亭县 resolves to 620881 华亭市.
    /// </summary>
    public AddressResolver(RegionCatalog catalog, RegionSuccession? history)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var forms = catalog.Regions.SelectMany(r => NameForms.For(r, r.Parent)).ToList();
        if (history is not null)
        {
            // A former name that is still a way of writing a current region keeps meaning that region alone:
            // 东乡县 (江西, now 抚州市东乡区) is also how addresses write 东乡族自治县 (甘肃).
            var current = forms.Select(f => f.Text).ToHashSet(StringComparer.Ordinal);
            forms.AddRange(history.FormerNames(catalog)
                .Where(f => !current.Contains(f.Name))
                .Select(f => new NameForm(f.Name, f.Region, FormContext.Anywhere)));
        }
        _index = new NameIndex(forms);
    }

    /// <summary>
    /// The region the address names, or null when it names none or only names shared by regions in different
    /// provinces (城关区 alone: 兰州 or 拉萨).
    /// </summary>
    public RegionMatch? Resolve(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        Span<char> buffer = address.Length <= StackLimit ? stackalloc char[address.Length] : new char[address.Length];
        var text = buffer[..AddressText.Compact(address, buffer)];

        var mentioned = Scan(text);
        var region = mentioned switch
        {
            null or [] => null,
            [var only] => only,
            _ => DeepestCommonAncestor(mentioned),
        };
        return region is null ? null : new RegionMatch(region.Code, region.Level, region.Name);
    }

    /// <summary>The deepest region that every candidate is or lies under (鼓楼区 in two Jiangsu cities → 江苏), or null.</summary>
    private static Region? DeepestCommonAncestor(List<Region> candidates)
    {
        for (var ancestor = candidates[0]; ancestor is not null; ancestor = ancestor.Parent)
        {
            if (candidates.TrueForAll(c => ReferenceEquals(c, ancestor) || IsAncestor(ancestor, c)))
            {
                return ancestor;
            }
        }
        return null;
    }
}
