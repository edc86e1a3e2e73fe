namespace IpWarehouse.Etl.Regions.Internal;

/// <summary>
/// Name form → the regions written that way. One dictionary probe per candidate length at each position of
/// an address; a two-character prefix table says which lengths can occur there, so most positions cost one
/// integer lookup.
/// </summary>
internal sealed class NameIndex
{
    // The length mask is a ulong. Names are at most 15 characters today; longer forms would be skipped.
    internal const int MaxLength = 63;

    private readonly Dictionary<string, NameForm[]>.AlternateLookup<ReadOnlySpan<char>> _forms;
    private readonly Dictionary<int, ulong> _lengthsByPrefix = [];

    internal NameIndex(IEnumerable<NameForm> forms)
    {
        var byText = new Dictionary<string, List<NameForm>>(StringComparer.Ordinal);
        foreach (var form in forms)
        {
            if (form.Text.Length is < 2 or > MaxLength)
            {
                continue;
            }
            if (!byText.TryGetValue(form.Text, out var list))
            {
                byText[form.Text] = list = [];
            }
            // A region can reach the same text twice (e.g. short + 自治州 equals its full name); keep one.
            if (!list.Exists(f => ReferenceEquals(f.Region, form.Region)))
            {
                list.Add(form);
            }
            var key = Prefix(form.Text[0], form.Text[1]);
            _lengthsByPrefix[key] = _lengthsByPrefix.GetValueOrDefault(key) | (1UL << form.Text.Length);
        }
        var frozen = byText.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        _forms = frozen.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Bit n set: some form of length n starts at <paramref name="position"/>'s two characters.</summary>
    internal ulong LengthsAt(ReadOnlySpan<char> text, int position) =>
        position + 1 < text.Length ? _lengthsByPrefix.GetValueOrDefault(Prefix(text[position], text[position + 1])) : 0;

    internal bool TryGet(ReadOnlySpan<char> form, out NameForm[] forms) => _forms.TryGetValue(form, out forms!);

    /// <summary>True when any form starts at <paramref name="position"/>.</summary>
    internal bool AnyAt(ReadOnlySpan<char> text, int position)
    {
        var lengths = LengthsAt(text, position);
        for (var length = 2; lengths >> length != 0; length++)
        {
            if ((lengths & (1UL << length)) != 0 && position + length <= text.Length
                && _forms.ContainsKey(text.Slice(position, length)))
            {
                return true;
            }
        }
        return false;
    }

    private static int Prefix(char first, char second) => (first << 16) | second;
}
