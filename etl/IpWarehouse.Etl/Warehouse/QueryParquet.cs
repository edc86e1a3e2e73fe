using System.Data.Common;
using IpWarehouse.Etl.Warehouse.Internal;

namespace IpWarehouse.Etl.Warehouse;

/// <summary>
/// Writes a query result as Parquet with Parquet.Net, streaming: <c>ipwh sql</c>, <c>ipwh rejects</c> and their HTTP
/// routes with <c>format=parquet</c>. Each column keeps its DuckDB type exactly: integers of their width, DOUBLE,
/// DECIMAL(p,s), HUGEINT as DECIMAL(38,0), DATE, TIMESTAMP (isAdjustedToUTC=false) and TIMESTAMP WITH TIME ZONE
/// (isAdjustedToUTC=true, the instant in UTC), BOOLEAN, BLOB and text; other types (INTERVAL, LIST, STRUCT …) as their
/// text, with the DuckDB type in the column's metadata. Rows are written a bounded row group at a time. The file
/// is written here, by .NET: the read-only connection that ran the query never writes files.
/// </summary>
public static class QueryParquet
{
    /// <summary>Writes every row, stopping before a row that would pass <paramref name="limit"/> (bytes: the values' uncompressed size); says which limit cut it.</summary>
    /// <param name="reader">The result.</param>
    /// <param name="output">A seekable stream (a file, or memory for HTTP).</param>
    /// <param name="labels">Chinese labels by column name (<see cref="QueryLabels"/>), written as column metadata.</param>
    /// <param name="limit">Where the answer stops.</param>
    public static ResultCut Write(QueryResult reader, Stream output, IReadOnlyDictionary<string, string>? labels = null, OutputLimit limit = default) =>
        WriteAsync(reader, output, labels, limit).GetAwaiter().GetResult();

    /// <inheritdoc cref="Write"/>
    public static async Task<ResultCut> WriteAsync(QueryResult reader, Stream output, IReadOnlyDictionary<string, string>? labels = null, OutputLimit limit = default,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(output);
        await using var writer = await AnswerParquetWriter.CreateAsync(output, QueryColumns.Of(reader, labels), new Dictionary<string, string>(),
            cancellationToken: cancellationToken).ConfigureAwait(false);
        var values = new object?[reader.FieldCount];
        var rows = 0;
        long size = 0;
        var cut = ResultCut.None;
        while (reader.Read())
        {
            if (limit.Rows > 0 && rows == limit.Rows)
            {
                cut = ResultCut.Rows;
                break;
            }
            Read(reader, values);
            if (limit.Bytes > 0 && (size += values.Sum(Size)) > limit.Bytes)
            {
                cut = ResultCut.Bytes;
                break;
            }
            rows++;
            await writer.AddAsync(values, cancellationToken).ConfigureAwait(false);
        }
        await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        return cut;
    }

    // A value's uncompressed size: text and bytes by their length, everything else 8 bytes.
    private static long Size(object? value) => value switch
    {
        string text => System.Text.Encoding.UTF8.GetByteCount(text),
        byte[] bytes => bytes.Length,
        _ => 8,
    };

    private static void Read(QueryResult reader, object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            try
            {
                var value = reader.GetValue(i);
                values[i] = value is JsonText json ? json.Json : value;
            }
            catch (OverflowException e)
            {
                // A DECIMAL wider than .NET's 28 digits: the provider cannot hand it over exactly.
                throw new QueryRefusedException(
                    $"列 {reader.GetName(i)} 的值超出 .NET decimal / A value of column {reader.GetName(i)} ({reader.GetDataTypeName(i)}) has more digits than .NET can read exactly: " +
                    $"cast it in the query, e.g. CAST({reader.GetName(i)} AS VARCHAR) or CAST({reader.GetName(i)} AS DOUBLE). {e.Message}", e);
            }
        }
    }
}
