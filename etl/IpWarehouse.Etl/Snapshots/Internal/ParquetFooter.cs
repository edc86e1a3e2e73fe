using Parquet;

namespace IpWarehouse.Etl.Snapshots.Internal;

/// What a Parquet file's footer says, read by Parquet.Net: its top-level columns with their types named as
/// DuckDB names them, its rows and its key/value metadata. Reading a footer does not read the data.
internal sealed record ParquetFooter(IReadOnlyList<SnapshotColumn> Columns, long Rows, IReadOnlyDictionary<string, string> Metadata)
{
    internal static async Task<ParquetFooter> ReadAsync(string path, CancellationToken cancellationToken)
    {
        await using var reader = await ParquetReader.CreateAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
        var schema = reader.Metadata?.Schema ?? throw new ParquetException("the file has no footer metadata");
        var columns = new List<SnapshotColumn>();
        // The schema is flat, depth first: the root, then each top-level field followed by its children.
        for (var i = 1; i < schema.Count; i = Next(schema, i))
        {
            columns.Add(new SnapshotColumn(schema[i].Name, ParquetTypes.DuckDbName(schema[i])));
        }
        return new ParquetFooter(columns, reader.Metadata.NumRows, reader.CustomMetadata);
    }

    private static int Next(List<Parquet.Meta.SchemaElement> schema, int index)
    {
        var pending = schema[index].NumChildren ?? 0;
        index++;
        while (pending > 0)
        {
            pending += (schema[index].NumChildren ?? 0) - 1;
            index++;
        }
        return index;
    }
}
