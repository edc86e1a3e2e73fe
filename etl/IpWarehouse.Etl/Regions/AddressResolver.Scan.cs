using System.Numerics;
using IpWarehouse.Etl.Regions.Internal;

namespace IpWarehouse.Etl.Regions;

// The left-to-right scan: which name forms are read, and when reading stops.
public sealed partial class AddressResolver
{
    /// <summary>
    /// Reads region names left to right, longest form first at each position. Each name must lie below the
    /// names before it (甘肃省 → 临夏州 → 临夏市); the first that does not, and everything after a county, is
    /// street text and ends the scan. Returns the regions the last accepted name could mean.
    /// </summary>
    private List<Region>? Scan(ReadOnlySpan<char> text)
    {
        List<Region>? current = null;
        var start = AddressText.Start(text);
        var lastEnd = -1;
        var position = start;
        while (position < text.Length)
        {
            var leadingAllowed = position == start || (lastEnd >= 0 && AddressText.OnlySeparators(text, lastEnd, position));
            var length = Match(text, position, leadingAllowed, current, MaxFormLength, out var next);
            if (next is { Count: > 0 } && !_index.AnyAt(text, position + length))
            {
                length = PreferShorter(text, position, leadingAllowed, current, length, ref next);
            }
            if (length == 0)
            {
                position++;
                continue;
            }
            if (next is null)
            {
                break; // a name that does not fit under the previous ones: street text from here on
            }
            if (next.Count > 0)
            {
                current = next;
            }
            lastEnd = position += length;
            if (current is not null && current.TrueForAll(r => r.Level == RegionLevel.County))
            {
                break; // nothing lies below a county; the rest is street, building and room
            }
        }
        return current;
    }

    /// <summary>
    /// 济南市中区 is 济南 + 市中区, not 济南市 + 中区: when nothing follows the longest form, a shorter form at the
    /// same position wins if one of its own children follows it and reaches past the longest form's end
    /// (河南商丘经济开发区 stays the zone: 河南 + 商丘 is shorter).
    /// </summary>
    private int PreferShorter(
        ReadOnlySpan<char> text, int position, bool leadingAllowed, List<Region>? current, int length, ref List<Region>? next)
    {
        var shorter = length;
        while ((shorter = Match(text, position, leadingAllowed, current, shorter - 1, out var candidate)) > 0)
        {
            if (candidate is { Count: > 0 }
                && shorter + Match(text, position + shorter, leadingAllowed: true, candidate, MaxFormLength, out var child) > length
                && child is { Count: > 0 })
            {
                next = candidate;
                return shorter;
            }
        }
        return length;
    }

    /// <summary>
    /// The longest acceptable form at <paramref name="position"/>, at most <paramref name="maxLength"/> long:
    /// returns its length (0 if none) and in <paramref name="next"/> the regions it narrows
    /// <paramref name="current"/> to, empty when it only repeats a name already read, or null when it
    /// contradicts them.
    /// </summary>
    private int Match(
        ReadOnlySpan<char> text, int position, bool leadingAllowed, List<Region>? current, int maxLength, out List<Region>? next)
    {
        next = null;
        // Longest first: walk the set bits of the length mask from the top.
        var lengths = _index.LengthsAt(text, position) & (maxLength >= 63 ? ulong.MaxValue : (2UL << maxLength) - 1);
        for (; lengths != 0; lengths &= ~(1UL << BitOperations.Log2(lengths)))
        {
            var length = BitOperations.Log2(lengths);
            if (position + length > text.Length || !_index.TryGet(text.Slice(position, length), out var forms))
            {
                continue;
            }
            var end = position + length;
            var streetFollows = AddressText.IsStreetAt(text, end) && !_index.AnyAt(text, end);
            List<Region>? accepted = null;
            foreach (var form in forms)
            {
                var ok = form.Context switch
                {
                    FormContext.Leading => leadingAllowed && !streetFollows,
                    FormContext.AfterAncestor => current is not null && current.Exists(c => IsAncestor(c, form.Region)),
                    _ => true,
                };
                if (ok)
                {
                    (accepted ??= []).Add(form.Region);
                }
            }
            if (accepted is null)
            {
                continue; // e.g. a bare 天水 before 路: try a shorter form here, then move on
            }
            if (current is null)
            {
                next = accepted;
            }
            else
            {
                var below = accepted.FindAll(a => current.Exists(c => IsAncestor(c, a)));
                next = below.Count > 0 ? below : accepted.TrueForAll(current.Contains) ? [] : null;
            }
            return length;
        }
        return 0;
    }

    private static bool IsAncestor(Region ancestor, Region region)
    {
        for (var r = region.Parent; r is not null; r = r.Parent)
        {
            if (ReferenceEquals(r, ancestor))
            {
                return true;
            }
        }
        return false;
    }
}
