namespace IpWarehouse.Etl.Snapshots;

/// <summary>The result of verifying one snapshot folder.</summary>
/// <param name="Folder">The snapshot folder.</param>
/// <param name="Expected">What it was compared with.</param>
/// <param name="Tables">Per table: files, rows found and expected, columns.</param>
/// <param name="Problems">Every difference found; none when the snapshot verified.</param>
/// <param name="Elapsed">How long the verification took.</param>
public sealed record SnapshotReport(
    string Folder, SnapshotExpectation Expected, IReadOnlyList<SnapshotTableCheck> Tables, IReadOnlyList<SnapshotProblem> Problems, TimeSpan Elapsed)
{
    /// <summary>True when nothing differed.</summary>
    public bool Passed => Problems.Count == 0;

    /// <summary>The Parquet files read.</summary>
    public int Files => Tables.Sum(t => t.Files);

    /// <summary>The rows found in them.</summary>
    public long Rows => Tables.Sum(t => t.Rows);

    /// <summary>With <c>--deep</c>: every column's figures decoded by Parquet.Net beside the reference's; empty otherwise.</summary>
    public IReadOnlyList<ColumnComparison> Columns { get; init; } = [];

    /// <summary>With <c>--deep</c>: what the decoded values were compared with; null otherwise.</summary>
    public string? DeepComparedWith { get; init; }
}

/// <summary>One table of a verified snapshot.</summary>
/// <param name="Table">The table.</param>
/// <param name="Files">Its Parquet files (one per year partition for the large facts).</param>
/// <param name="Rows">The rows the files' footers hold, summed.</param>
/// <param name="ExpectedRows">The rows the table has.</param>
/// <param name="Columns">Its columns.</param>
public sealed record SnapshotTableCheck(string Table, int Files, long Rows, long ExpectedRows, int Columns);

/// <summary>One difference between a snapshot file and what was published.</summary>
/// <param name="File">The file, relative to the snapshot folder (or the table's folder for a row count).</param>
/// <param name="Table">The table.</param>
/// <param name="Column">The column, when the difference is in one.</param>
/// <param name="Check">
/// What differed: <c>file_missing</c>, <c>file_unexpected</c>, <c>unreadable</c>, <c>column_name</c>, <c>column_type</c>,
/// <c>column_missing</c>, <c>column_extra</c>, <c>row_count</c>, <c>metadata</c> or <c>values</c>.
/// </param>
/// <param name="Expected">What the published table (or manifest) has.</param>
/// <param name="Found">What the file has.</param>
public sealed record SnapshotProblem(string File, string Table, string? Column, string Check, string Expected, string Found)
{
    /// <summary>For people: the file, table and column, what differed (Chinese and English), expected and found.</summary>
    public string Message =>
        $"{File}: {Table}{(Column is null ? "" : "." + Column)}: {Describe(Check)}: expected {Expected}, found {Found}";

    private static string Describe(string check) => check switch
    {
        "file_missing" => "缺少文件 no file for the table",
        "file_unexpected" => "多余文件 a file of no published table",
        "unreadable" => "无法读取 Parquet.Net cannot read the file",
        "column_name" => "列名不同 column name differs",
        "column_type" => "列类型不同 column type differs",
        "column_missing" => "缺少列 column missing",
        "column_extra" => "多余列 extra column",
        "row_count" => "行数不同 row count differs",
        "metadata" => "元数据不同 key/value metadata differs",
        "values" => "数值不同 decoded values differ",
        _ => check,
    };
}

/// <summary>With <c>--deep</c>: one column's figures as Parquet.Net decoded them and as the reference has them.</summary>
/// <param name="Table">The table.</param>
/// <param name="Column">The column.</param>
/// <param name="Type">Its DuckDB type.</param>
/// <param name="Parquet">The figures of every value Parquet.Net decoded.</param>
/// <param name="Reference">The same figures computed by DuckDB.</param>
public sealed record ColumnComparison(string Table, string Column, string Type, ColumnFigures Parquet, ColumnFigures Reference)
{
    /// <summary>True when every figure is equal (sums of DOUBLE columns to 1e-9 relative, their order of addition differs).</summary>
    public bool Equal { get; init; }
}

/// <summary>
/// Per-column figures: values, nulls, minimum, maximum and a sum. The sum is the values' sum for numbers (exact,
/// unscaled for DECIMAL), day numbers for DATE, epoch microseconds for TIMESTAMP, the count of true for BOOLEAN, and
/// for VARCHAR the sum of each value's SHA-256 (first 8 bytes as an unsigned number), which differs when any value does.
/// </summary>
/// <param name="Count">Values that are not null.</param>
/// <param name="Nulls">Nulls.</param>
/// <param name="Min">The minimum as text; null for none or a type without an order compared.</param>
/// <param name="Max">The maximum as text.</param>
/// <param name="Sum">The sum as text (see above).</param>
public sealed record ColumnFigures(long Count, long Nulls, string? Min, string? Max, string? Sum);
