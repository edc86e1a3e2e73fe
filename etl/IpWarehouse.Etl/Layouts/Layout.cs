namespace IpWarehouse.Etl.Layouts;

/// <summary>
/// A canonical layout: the ordered columns of one kind, their Chinese aliases, which are required,
/// the natural key, and how each value is read. Staging tables have exactly these columns, in order.
/// </summary>
public sealed partial class Layout
{
    private readonly Dictionary<string, int> byName;
    private readonly Dictionary<string, (int Column, int Priority)> byHeader;

    internal Layout(SourceKind kind, string chineseName, IReadOnlyList<string> naturalKey, IReadOnlyList<LayoutColumn> columns)
    {
        Kind = kind;
        ChineseName = chineseName;
        Columns = columns;
        NaturalKey = naturalKey;
        byName = new Dictionary<string, int>(StringComparer.Ordinal);
        byHeader = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            byName.Add(columns[i].Name, i);
            AddHeader(HeaderText.Normalize(columns[i].Name), i, 0);
            for (var a = 0; a < columns[i].Aliases.Count; a++)
            {
                AddHeader(HeaderText.Normalize(columns[i].Aliases[a]), i, a + 1);
            }
        }
        foreach (var key in naturalKey)
        {
            if (!byName.ContainsKey(key))
            {
                throw new InvalidOperationException($"Layout {Name}: natural key column '{key}' is not a column.");
            }
        }
    }

    /// <summary>The kind this layout belongs to.</summary>
    public SourceKind Kind { get; }

    /// <summary>The kind as written in ipwh.json, e.g. <c>patents</c>.</summary>
    public string Name => LayoutCatalog.NameOf(Kind);

    /// <summary>The kind's Chinese name, e.g. 专利.</summary>
    public string ChineseName { get; }

    /// <summary>The canonical columns in layout order (which is also the order quarantine reasons are checked in).</summary>
    public IReadOnlyList<LayoutColumn> Columns { get; }

    /// <summary>The natural key: a later row with the same key updates the earlier one.</summary>
    public IReadOnlyList<string> NaturalKey { get; }

    /// <summary>The required (<c>*</c>) columns.</summary>
    public IEnumerable<LayoutColumn> RequiredColumns => Columns.Where(c => c.Required);

    /// <summary>The canonical column called <paramref name="canonicalName"/>, or null.</summary>
    public LayoutColumn? Find(string canonicalName) =>
        byName.TryGetValue(canonicalName, out var index) ? Columns[index] : null;

    /// <summary>The position of a canonical column, or -1.</summary>
    public int IndexOf(string canonicalName) => byName.TryGetValue(canonicalName, out var index) ? index : -1;

    /// <summary>True when <paramref name="canonicalName"/> is a column of this layout.</summary>
    public bool Contains(string canonicalName) => byName.ContainsKey(canonicalName);

    private void AddHeader(string key, int column, int priority)
    {
        if (byHeader.TryGetValue(key, out var existing) && existing.Column != column)
        {
            throw new InvalidOperationException(
                $"Layout {Kind}: header '{key}' would mean both {Columns[existing.Column].Name} and {Columns[column].Name}.");
        }
        byHeader.TryAdd(key, (column, priority));
    }
}
