using System.Text.Json;
using Parquet;
using Parquet.Schema;

namespace IpWarehouse.Etl.Warehouse.Internal;

/// Writes an answer's rows as Parquet with Parquet.Net, a row group at a time: at most RowGroupRows rows or
/// about RowGroupBytes of values are held before they are written, so a large result streams in bounded memory.
/// Every column chunk carries the column's label and unit as metadata; the file carries them all as
/// ipwh.columns (JSON) for tools that show only file-level metadata.
internal sealed class AnswerParquetWriter : IAsyncDisposable
{
    internal const int RowGroupRows = 50_000;
    internal const long RowGroupBytes = 32L << 20;

    private readonly ParquetWriter writer;
    private readonly AnswerBuffer[] buffers;
    private readonly Dictionary<string, string>[] metadata;
    private readonly int rowGroupRows;
    private int rows;
    private long bytes;

    private AnswerParquetWriter(ParquetWriter writer, AnswerBuffer[] buffers, Dictionary<string, string>[] metadata, int rowGroupRows)
    {
        this.writer = writer;
        this.buffers = buffers;
        this.metadata = metadata;
        this.rowGroupRows = rowGroupRows;
    }

    internal static async Task<AnswerParquetWriter> CreateAsync(Stream output, IReadOnlyList<AnswerColumn> columns,
        IReadOnlyDictionary<string, string> fileMetadata, int rowGroupRows = RowGroupRows, CancellationToken cancellationToken = default)
    {
        var buffers = columns.Select(c => AnswerBuffer.For(c, rowGroupRows)).ToArray();
        var schema = new ParquetSchema(buffers.Select(b => (Field)b.Field));
        var writer = await ParquetWriter.CreateAsync(schema, output, cancellationToken: cancellationToken).ConfigureAwait(false);
        var file = new Dictionary<string, string>(fileMetadata, StringComparer.Ordinal)
        {
            ["ipwh.columns"] = JsonSerializer.Serialize(columns.Select(c => new { name = c.Name, label = c.Label, unit = c.Unit, duckdb_type = c.SourceType }), Json),
        };
        writer.CustomMetadata = file;
        return new AnswerParquetWriter(writer, buffers, [.. columns.Select(c => c.Metadata())], rowGroupRows);
    }

    internal static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// Adds a row (one value per column); writes the row group when it is full.
    internal async Task AddAsync(IReadOnlyList<object?> values, CancellationToken cancellationToken = default)
    {
        for (var c = 0; c < buffers.Length; c++)
        {
            bytes += buffers[c].Set(rows, c < values.Count ? values[c] : null);
        }
        rows++;
        if (rows == rowGroupRows || bytes >= RowGroupBytes)
        {
            await FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (rows == 0)
        {
            return;
        }
        using (var group = writer.CreateRowGroup())
        {
            for (var c = 0; c < buffers.Length; c++)
            {
                await buffers[c].WriteAsync(group, rows, metadata[c], cancellationToken).ConfigureAwait(false);
            }
        }
        rows = 0;
        bytes = 0;
    }

    /// Writes the last row group; the footer follows when the writer is disposed.
    internal Task CompleteAsync(CancellationToken cancellationToken = default) => FlushAsync(cancellationToken);

    public ValueTask DisposeAsync() => writer.DisposeAsync();
}
