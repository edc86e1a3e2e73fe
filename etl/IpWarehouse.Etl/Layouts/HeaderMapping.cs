namespace IpWarehouse.Etl.Layouts;

/// <summary>Which source column (by position) feeds each canonical column of a layout.</summary>
public sealed class HeaderMapping
{
    private readonly int[] sources;

    internal HeaderMapping(Layout layout, IReadOnlyList<string?> headers, int[] sources, IReadOnlyList<string> missingMapped)
    {
        Layout = layout;
        Headers = headers;
        this.sources = sources;
        MissingMapped = missingMapped;
        MatchedCount = sources.Count(s => s >= 0);
        MissingRequired = layout.Columns.Where((c, i) => c.Required && sources[i] < 0).Select(c => c.Name).ToArray();
    }

    /// <summary>The layout mapped to.</summary>
    public Layout Layout { get; }

    /// <summary>The source headers as given.</summary>
    public IReadOnlyList<string?> Headers { get; }

    /// <summary>How many canonical columns have a source column.</summary>
    public int MatchedCount { get; }

    /// <summary>Required canonical columns with no source column: every row will be quarantined as <c>missing_required</c>.</summary>
    public IReadOnlyList<string> MissingRequired { get; }

    /// <summary><c>columns</c> mappings whose source name is not among the headers, e.g. <c>case_no (mapped to 'CaseNo')</c>.</summary>
    public IReadOnlyList<string> MissingMapped { get; }

    /// <summary>
    /// Canonical columns two headers of the file name (an alias and the canonical name, or one name twice).
    /// Loading such a file would silently pick one: the file connectors refuse it, naming both.
    /// </summary>
    public IReadOnlyList<HeaderAmbiguity> Ambiguous { get; init; } = [];

    /// <summary>The source position feeding canonical column <paramref name="columnIndex"/>, or -1.</summary>
    public int SourceIndexOf(int columnIndex) => sources[columnIndex];

    /// <summary>The source header feeding a canonical column, or null.</summary>
    public string? SourceHeaderOf(string canonicalName)
    {
        var index = Layout.IndexOf(canonicalName);
        return index >= 0 && sources[index] >= 0 ? Headers[sources[index]] : null;
    }

    /// <summary>A one-line summary for logs and <c>ipwh check</c>.</summary>
    public string Describe()
    {
        var text = $"{MatchedCount} of {Layout.Columns.Count} {Layout.Name} columns recognised";
        if (MissingRequired.Count > 0)
        {
            text += $"; required columns missing: {string.Join(", ", MissingRequired)}";
        }
        if (MissingMapped.Count > 0)
        {
            text += $"; mapped columns not found: {string.Join(", ", MissingMapped)}";
        }
        return text;
    }
}
