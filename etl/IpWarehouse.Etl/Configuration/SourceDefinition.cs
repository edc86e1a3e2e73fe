using IpWarehouse.Etl.Layouts;

namespace IpWarehouse.Etl.Configuration;

/// <summary>
/// One entry of ipwh.json <c>sources</c>, validated, with environment variables expanded and every
/// path made absolute (file globs and SQLite <c>Data Source</c> from the config file's folder).
/// </summary>
public sealed class SourceDefinition
{
    /// <summary>The unique source name (<c>[a-z0-9_-]+</c>); every staged and fact row carries it.</summary>
    public required string Name { get; init; }

    /// <summary>What the source delivers.</summary>
    public required SourceKind Kind { get; init; }

    /// <summary>How the source is read.</summary>
    public required ConnectorKind Connector { get; init; }

    /// <summary>The absolute file path or glob (<c>*</c>, <c>?</c>, <c>**</c>) of file sources; null for databases.</summary>
    public string? Path { get; init; }

    /// <summary>The encoding of CSV files.</summary>
    public CsvEncoding Encoding { get; init; }

    /// <summary>The worksheet of XLSX sources; null means the first sheet.</summary>
    public string? Sheet { get; init; }

    /// <summary>The ADO.NET connection string of database sources (secrets expanded: never log it).</summary>
    public string? Connection { get; init; }

    /// <summary>The table (optionally schema-qualified, e.g. <c>dbo.IpCases</c>) to read; exclusive with <see cref="Query"/>.</summary>
    public string? Table { get; init; }

    /// <summary>A SELECT whose result is read as if it were a table; exclusive with <see cref="Table"/>.</summary>
    public string? Query { get; init; }

    /// <summary>A monotonically increasing column for incremental extraction; null means a full read every time.</summary>
    public string? Watermark { get; init; }

    /// <summary>Canonical column → source column name; these win over the built-in aliases.</summary>
    public IReadOnlyDictionary<string, string> Columns { get; init; } = new Dictionary<string, string>();

    /// <summary>The position in the <c>sources</c> array (for messages).</summary>
    public int Index { get; init; }

    /// <summary>The canonical layout of <see cref="Kind"/>.</summary>
    public Layout Layout => LayoutCatalog.Get(Kind);

    /// <summary>True for file sources (csv, xlsx).</summary>
    public bool IsFile => Connector is ConnectorKind.Csv or ConnectorKind.Xlsx;

    /// <summary>True for database sources (sqlserver, postgres, sqlite).</summary>
    public bool IsDatabase => !IsFile;

    /// <summary>The files <see cref="Path"/> matches now, in ordinal order; empty for databases.</summary>
    public IReadOnlyList<string> ExpandFiles() => Path is null ? [] : FileGlob.Expand(Path);

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({LayoutCatalog.NameOf(Kind)}, {ConnectorNames.NameOf(Connector)})";
}
