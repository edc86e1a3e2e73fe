using System.Text.Json;
using IpWarehouse.Etl.Warehouse.Internal;

namespace IpWarehouse.Etl.Planning;

/// <summary>
/// Writes a <see cref="Report"/> as Parquet with Parquet.Net: one column per report column, named by its key (as
/// in the JSON and CSV), typed explicitly (whole numbers INT64, numbers DOUBLE or, for money kept exact in the
/// warehouse, DECIMAL; DATE; BOOLEAN; text), with the Chinese header and unit the XLSX shows as each column's
/// metadata (<c>label</c>, <c>unit</c>), and the title, notes and summary as the file's (<c>ipwh.title</c>,
/// <c>ipwh.notes</c>, <c>ipwh.summary</c>, <c>ipwh.columns</c>).
/// </summary>
public static class ReportParquet
{
    /// <summary>Writes the file to a stream (seekable or not).</summary>
    public static void Write(Report report, Stream output) => WriteAsync(report, output).GetAwaiter().GetResult();

    /// <summary>Writes the file to a stream (seekable or not).</summary>
    public static async Task WriteAsync(Report report, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        if (!output.CanSeek)
        {
            using var buffer = new MemoryStream();
            await WriteAsync(report, buffer, cancellationToken).ConfigureAwait(false);
            buffer.Position = 0;
            await buffer.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
            return;
        }
        var file = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ipwh.title"] = report.Title,
            ["ipwh.notes"] = JsonSerializer.Serialize(report.Notes, AnswerParquetWriter.Json),
        };
        if (report.Summary.Count > 0)
        {
            file["ipwh.summary"] = JsonSerializer.Serialize(report.Summary.Select(f => new { label = f.Label, value = f.Value }), AnswerParquetWriter.Json);
        }
        await using var writer = await AnswerParquetWriter.CreateAsync(output, [.. report.Columns.Select(Column)], file, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        foreach (var row in report.Rows)
        {
            await writer.AddAsync(row, cancellationToken).ConfigureAwait(false);
        }
        await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private static AnswerColumn Column(ReportColumn column) => new(column.Key, column.Kind switch
    {
        ReportKind.Integer or ReportKind.RankChange => AnswerType.Int64,
        ReportKind.Number when column.ExactScale is not null => AnswerType.Decimal,
        ReportKind.Number => AnswerType.Double,
        ReportKind.Date => AnswerType.Date,
        ReportKind.Boolean => AnswerType.Boolean,
        _ => AnswerType.Text,
    })
    {
        Label = column.HeaderWithUnit,
        Unit = column.Unit,
        Precision = 18,
        Scale = column.ExactScale ?? 0,
    };
}
