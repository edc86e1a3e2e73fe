using System.Data.Common;
using System.Globalization;

namespace IpWarehouse.Etl.Snapshots;

/// <summary>One column of a published table, as a snapshot must hold it.</summary>
/// <param name="Name">The column name.</param>
/// <param name="Type">Its DuckDB type as <c>duckdb_columns()</c> names it, e.g. <c>DECIMAL(18,2)</c>.</param>
public sealed record SnapshotColumn(string Name, string Type);

/// <summary>One published table: its rows and its columns in order.</summary>
/// <param name="Name">The table name; its files are <c>NAME.parquet</c> or <c>NAME/year=YYYY/*.parquet</c>.</param>
/// <param name="Rows">Its rows (summed over the year partitions in the snapshot).</param>
/// <param name="Columns">Its columns in order.</param>
public sealed record SnapshotTable(string Name, long Rows, IReadOnlyList<SnapshotColumn> Columns);

/// <summary>What a snapshot must hold: every table's columns and rows, and each file's key/value metadata.</summary>
/// <param name="BatchId">The batch the snapshot belongs to.</param>
/// <param name="AsOf">The as-of time as <see cref="SnapshotMetadata.AsOfText"/> writes it.</param>
/// <param name="SchemaVersion">The schema version.</param>
/// <param name="Tables">The published tables.</param>
/// <param name="ComparedWith">Where the expectation comes from, for people: 已发布的表 the published tables, or manifest.json.</param>
public sealed record SnapshotExpectation(string BatchId, string AsOf, int SchemaVersion, IReadOnlyList<SnapshotTable> Tables, string ComparedWith)
{
    /// <summary>The metadata values every file must carry.</summary>
    public IReadOnlyDictionary<string, string> Metadata => SnapshotMetadata.Values(BatchId, AsOf, SchemaVersion);

    /// <summary>
    /// The tables <paramref name="tables"/> as a DuckDB warehouse holds them: columns and types from its catalogue,
    /// rows from <paramref name="rows"/> when given (the loader counted them already), else counted now.
    /// </summary>
    public static SnapshotExpectation FromWarehouse(
        DbConnection warehouse, IEnumerable<string> tables, IReadOnlyDictionary<string, long>? rows,
        string batchId, string asOf, int schemaVersion, string comparedWith)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        ArgumentNullException.ThrowIfNull(tables);
        var names = tables.Order(StringComparer.Ordinal).ToList();
        var columns = Internal.WarehouseShape.Columns(warehouse, names);
        var counts = rows ?? Internal.WarehouseShape.Rows(warehouse, names);
        return new SnapshotExpectation(batchId, asOf, schemaVersion,
            [.. names.Select(t => new SnapshotTable(t, counts.GetValueOrDefault(t), columns.GetValueOrDefault(t) ?? []))], comparedWith);
    }

    /// <summary>
    /// What the snapshot's own manifest recorded at publish (after its files were verified). A manifest written
    /// before columns were recorded takes them from <paramref name="columnsWhenUnrecorded"/>.
    /// </summary>
    public static SnapshotExpectation FromManifest(SnapshotManifest manifest, Func<IReadOnlyDictionary<string, IReadOnlyList<SnapshotColumn>>>? columnsWhenUnrecorded = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var unrecorded = manifest.Tables.Any(t => t.Columns.Count == 0) && columnsWhenUnrecorded is not null ? columnsWhenUnrecorded() : null;
        var tables = manifest.Tables
            .Select(t => t.Columns.Count == 0 && unrecorded is not null ? t with { Columns = unrecorded.GetValueOrDefault(t.Name) ?? [] } : t)
            .ToList();
        var comparedWith = unrecorded is null
            ? "manifest.json"
            : "manifest.json（行数 rows）与已发布仓库（列 columns: this manifest predates recorded columns）";
        return new SnapshotExpectation(manifest.BatchId, manifest.AsOf, manifest.SchemaVersion, tables, comparedWith);
    }

    internal static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
