using System.Numerics;
using Parquet;
using Parquet.Data;
using Parquet.Schema;

namespace IpWarehouse.Etl.Snapshots.Internal;

/// Decodes every value of a table's files with Parquet.Net, one row group and column at a time (memory stays at
/// one column chunk), into each column's figures.
internal static class ParquetFigures
{
    private static readonly ParquetOptions Options = new() { UseDateOnlyTypeForDates = true, UseBigDecimal = true };

    internal static async Task<Figures[]> ReadAsync(IReadOnlyList<string> files, IReadOnlyList<SnapshotColumn> columns, CancellationToken cancellationToken)
    {
        var figures = columns.Select(c => new Figures(FigureKinds.Of(c.Type), FigureKinds.Scale(c.Type))).ToArray();
        foreach (var file in files)
        {
            await using var reader = await ParquetReader.CreateAsync(file, Options, cancellationToken: cancellationToken).ConfigureAwait(false);
            var fields = reader.Schema.DataFields.ToDictionary(f => f.Name, StringComparer.Ordinal);
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                for (var c = 0; c < columns.Count; c++)
                {
                    if (figures[c].Kind != FigureKind.NotCompared && fields.TryGetValue(columns[c].Name, out var field))
                    {
                        await DecodeAsync(group, field, checked((int)group.RowCount), figures[c], cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }
        return figures;
    }

    private static Task DecodeAsync(ParquetRowGroupReader group, DataField field, int rows, Figures figures, CancellationToken cancellationToken)
    {
        var type = field.ClrType;
        return type switch
        {
            _ when type == typeof(int) => ReadAsync<int>(group, field, rows, figures, v => figures.Add(new BigInteger(v)), cancellationToken),
            _ when type == typeof(long) => ReadAsync<long>(group, field, rows, figures, v => figures.Add(new BigInteger(v)), cancellationToken),
            _ when type == typeof(short) => ReadAsync<short>(group, field, rows, figures, v => figures.Add(new BigInteger(v)), cancellationToken),
            _ when type == typeof(sbyte) => ReadAsync<sbyte>(group, field, rows, figures, v => figures.Add(new BigInteger(v)), cancellationToken),
            _ when type == typeof(byte) => ReadAsync<byte>(group, field, rows, figures, v => figures.Add(new BigInteger(v)), cancellationToken),
            _ when type == typeof(ushort) => ReadAsync<ushort>(group, field, rows, figures, v => figures.Add(new BigInteger(v)), cancellationToken),
            _ when type == typeof(uint) => ReadAsync<uint>(group, field, rows, figures, v => figures.Add(new BigInteger(v)), cancellationToken),
            _ when type == typeof(ulong) => ReadAsync<ulong>(group, field, rows, figures, v => figures.Add(new BigInteger(v)), cancellationToken),
            _ when type == typeof(bool) => ReadAsync<bool>(group, field, rows, figures, v => figures.Add(v ? BigInteger.One : BigInteger.Zero), cancellationToken),
            _ when type == typeof(double) => ReadAsync<double>(group, field, rows, figures, figures.Add, cancellationToken),
            _ when type == typeof(float) => ReadAsync<float>(group, field, rows, figures, v => figures.Add((double)v), cancellationToken),
            _ when type == typeof(BigDecimal) => ReadAsync<BigDecimal>(group, field, rows, figures, v => figures.Add(v.UnscaledValue), cancellationToken),
            _ when type == typeof(DateOnly) => ReadAsync<DateOnly>(group, field, rows, figures, figures.Add, cancellationToken),
            _ when type == typeof(DateTime) => ReadAsync<DateTime>(group, field, rows, figures, figures.Add, cancellationToken),
            _ => ReadTextAsync(group, field, rows, figures, cancellationToken),
        };
    }

    private static async Task ReadAsync<T>(ParquetRowGroupReader group, DataField field, int rows, Figures figures, Action<T> add, CancellationToken cancellationToken)
        where T : struct
    {
        if (field.IsNullable)
        {
            var values = new T?[rows];
            await group.ReadAsync<T>(field, values, cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var value in values)
            {
                if (value is { } v)
                {
                    add(v);
                }
                else
                {
                    figures.AddNull();
                }
            }
        }
        else
        {
            var values = new T[rows];
            await group.ReadAsync<T>(field, values, cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var value in values)
            {
                add(value);
            }
        }
    }

    private static async Task ReadTextAsync(ParquetRowGroupReader group, DataField field, int rows, Figures figures, CancellationToken cancellationToken)
    {
        var values = new string?[rows];
        await group.ReadAsync(field, values!, cancellationToken: cancellationToken).ConfigureAwait(false);
        foreach (var value in values)
        {
            if (value is null)
            {
                figures.AddNull();
            }
            else
            {
                figures.Add(value);
            }
        }
    }
}
