namespace IpWarehouse.Etl.Regions.Internal;

/// <summary>Prepares an address for scanning: whitespace out, the country and any leading code or label skipped.</summary>
internal static class AddressText
{
    // Words that end a place name when they follow a bare short name: 天水路 is a street, not 天水市.
    private const string StreetWords = "路街道巷弄镇乡村号";

    // 南京东路, 天水大道: one of these may stand between the name and the street word.
    private const string StreetQualifiers = "东西南北中大";

    /// <summary>Copies <paramref name="address"/> without whitespace (U+3000 included) into <paramref name="buffer"/>.</summary>
    internal static int Compact(string address, Span<char> buffer)
    {
        var n = 0;
        foreach (var c in address)
        {
            if (!char.IsWhiteSpace(c))
            {
                buffer[n++] = c;
            }
        }
        return n;
    }

    /// <summary>
    /// Where the address proper starts: after leading non-CJK text (a postcode, "(") and the country name,
    /// which are not regions but would keep a bare short name from counting as leading.
    /// </summary>
    internal static int Start(ReadOnlySpan<char> text)
    {
        var i = 0;
        while (i < text.Length && !IsIdeograph(text[i]))
        {
            i++;
        }
        foreach (var country in (ReadOnlySpan<string>)["中华人民共和国", "中国"])
        {
            if (text[i..].StartsWith(country, StringComparison.Ordinal))
            {
                i += country.Length;
                break;
            }
        }
        while (i < text.Length && !IsIdeograph(text[i]))
        {
            i++;
        }
        return i;
    }

    /// <summary>True when only punctuation or symbols stand between <paramref name="from"/> and <paramref name="to"/>.</summary>
    internal static bool OnlySeparators(ReadOnlySpan<char> text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (!char.IsPunctuation(text[i]) && !char.IsSymbol(text[i]))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>True when a street word (路, 街, 镇 …), possibly after 东/西/南/北/中/大, starts at <paramref name="position"/>.</summary>
    internal static bool IsStreetAt(ReadOnlySpan<char> text, int position)
    {
        if (position < text.Length && StreetQualifiers.Contains(text[position], StringComparison.Ordinal))
        {
            position++;
        }
        return position < text.Length && StreetWords.Contains(text[position], StringComparison.Ordinal);
    }

    // CJK Unified Ideographs and Extension A, where every division name lives.
    private static bool IsIdeograph(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF');
}
