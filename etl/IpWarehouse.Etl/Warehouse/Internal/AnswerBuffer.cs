using System.Globalization;
using System.Numerics;
using Parquet;
using Parquet.Data;
using Parquet.Schema;

namespace IpWarehouse.Etl.Warehouse.Internal;

/// One column's values of the row group being filled, typed, with the Parquet field they are written as.
internal abstract class AnswerBuffer
{
    internal abstract DataField Field { get; }

    /// Stores the value of row <paramref name="row"/> of the group; returns roughly how many bytes it holds.
    internal abstract int Set(int row, object? value);

    internal abstract Task WriteAsync(ParquetRowGroupWriter group, int rows, Dictionary<string, string> metadata, CancellationToken cancellationToken);

    internal static AnswerBuffer For(AnswerColumn column, int capacity)
    {
        var name = column.Name;
        return column.Type switch
        {
            AnswerType.Boolean => new Values<bool>(new DataField<bool?>(name), capacity, v => Convert.ToBoolean(v, CultureInfo.InvariantCulture)),
            AnswerType.Int8 => new Values<sbyte>(new DataField<sbyte?>(name), capacity, v => Convert.ToSByte(v, CultureInfo.InvariantCulture)),
            AnswerType.Int16 => new Values<short>(new DataField<short?>(name), capacity, v => Convert.ToInt16(v, CultureInfo.InvariantCulture)),
            AnswerType.Int32 => new Values<int>(new DataField<int?>(name), capacity, v => Convert.ToInt32(v, CultureInfo.InvariantCulture)),
            AnswerType.Int64 => new Values<long>(new DataField<long?>(name), capacity, v => Convert.ToInt64(v, CultureInfo.InvariantCulture)),
            AnswerType.UInt8 => new Values<byte>(new DataField<byte?>(name), capacity, v => Convert.ToByte(v, CultureInfo.InvariantCulture)),
            AnswerType.UInt16 => new Values<ushort>(new DataField<ushort?>(name), capacity, v => Convert.ToUInt16(v, CultureInfo.InvariantCulture)),
            AnswerType.UInt32 => new Values<uint>(new DataField<uint?>(name), capacity, v => Convert.ToUInt32(v, CultureInfo.InvariantCulture)),
            AnswerType.UInt64 => new Values<ulong>(new DataField<ulong?>(name), capacity, v => Convert.ToUInt64(v, CultureInfo.InvariantCulture)),
            AnswerType.Float => new Values<float>(new DataField<float?>(name), capacity, v => Convert.ToSingle(v, CultureInfo.InvariantCulture)),
            AnswerType.Double => new Values<double>(new DataField<double?>(name), capacity, v => Convert.ToDouble(v, CultureInfo.InvariantCulture)),
            // .NET's decimal holds 28 digits: wider DECIMALs (and HUGEINT) go through Parquet.Net's BigDecimal.
            AnswerType.Decimal when column.Precision <= 28 => new Values<decimal>(
                new DecimalDataField(name, column.Precision, column.Scale, isNullable: true), capacity, v => Exact(v, column.Scale)),
            AnswerType.Decimal => new Values<BigDecimal>(
                new BigDecimalDataField(name, column.Precision, column.Scale, isNullable: true), capacity, v => Big(v, column)),
            AnswerType.HugeInt => new Values<BigDecimal>(new BigDecimalDataField(name, 38, 0, isNullable: true), capacity, v => Big(v, column with { Precision = 38 })),
            AnswerType.Date => new Values<DateOnly>(new DataField<DateOnly?>(name), capacity, Date),
            AnswerType.Timestamp => new Values<DateTime>(Timestamp(name, utc: false), capacity, v => DateTime.SpecifyKind(Convert.ToDateTime(v, CultureInfo.InvariantCulture), DateTimeKind.Unspecified)),
            AnswerType.TimestampUtc => new Values<DateTime>(Timestamp(name, utc: true), capacity, Utc),
            AnswerType.Blob => new Values<ReadOnlyMemory<byte>>(new DataField<ReadOnlyMemory<byte>?>(name), capacity, v => Bytes(v)),
            _ => new Values<ReadOnlyMemory<char>>(new DataField<ReadOnlyMemory<char>?>(name), capacity, v => QueryOutput.Text(v).AsMemory()),
        };
    }

    private static DateTimeDataField Timestamp(string name, bool utc) =>
        new(name, DateTimeFormat.Timestamp, isAdjustedToUTC: utc, unit: DateTimeTimeUnit.Micros, isNullable: true);

    private static decimal Exact(object value, int scale) => value switch
    {
        decimal d => d,
        // A double that came from a DECIMAL (an answer's money column): rounding to its scale gives the decimal back.
        double d => Math.Round((decimal)d, scale, MidpointRounding.ToEven),
        _ => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
    };

    private static BigDecimal Big(object value, AnswerColumn column)
    {
        var unscaled = value switch
        {
            BigInteger b => b * BigInteger.Pow(10, column.Scale),
            decimal d => Unscaled(d, column.Scale),
            _ => BigInteger.Parse(Convert.ToString(value, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture) * BigInteger.Pow(10, column.Scale),
        };
        return BigInteger.Abs(unscaled) < BigInteger.Pow(10, column.Precision)
            ? new BigDecimal(unscaled, column.Precision, column.Scale)
            : throw new QueryRefusedException(
                $"值 {value} 超出 DECIMAL({column.Precision},{column.Scale}) / The value {value} of column {column.Name} does not fit Parquet's DECIMAL({column.Precision},{column.Scale}): " +
                $"cast it in the query, e.g. CAST({column.Name} AS VARCHAR) or CAST({column.Name} AS DOUBLE).");
    }

    /// The decimal's digits at <paramref name="scale"/> (DuckDB's DECIMAL(p, scale) hands over exactly that many places).
    private static BigInteger Unscaled(decimal value, int scale)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var digits = new BigInteger((uint)bits[0]) | (new BigInteger((uint)bits[1]) << 32) | (new BigInteger((uint)bits[2]) << 64);
        digits = value < 0 ? -digits : digits;
        return scale >= value.Scale ? digits * BigInteger.Pow(10, scale - value.Scale) : digits / BigInteger.Pow(10, value.Scale - scale);
    }

    private static DateOnly Date(object value) => value switch
    {
        DateOnly d => d,
        DateTime t => DateOnly.FromDateTime(t),
        _ => DateOnly.Parse(Convert.ToString(value, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture),
    };

    // Both DuckDB providers read a TIMESTAMPTZ as the instant in UTC (one with Kind Utc, one Unspecified).
    private static DateTime Utc(object value) => value switch
    {
        DateTimeOffset o => o.UtcDateTime,
        DateTime { Kind: DateTimeKind.Local } t => t.ToUniversalTime(),
        DateTime t => DateTime.SpecifyKind(t, DateTimeKind.Utc),
        _ => Convert.ToDateTime(value, CultureInfo.InvariantCulture).ToUniversalTime(),
    };

    private static ReadOnlyMemory<byte> Bytes(object value)
    {
        if (value is byte[] bytes)
        {
            return bytes;
        }
        using var copy = new MemoryStream();
        ((Stream)value).CopyTo(copy);
        return copy.ToArray();
    }

    private sealed class Values<T>(DataField dataField, int capacity, Func<object, T> convert) : AnswerBuffer
        where T : struct
    {
        private readonly T?[] values = new T?[capacity];

        internal override DataField Field => dataField;

        internal override int Set(int row, object? value)
        {
            values[row] = value is null or DBNull ? null : convert(value);
            return values[row] switch
            {
                ReadOnlyMemory<char> text => 2 * text.Length,
                ReadOnlyMemory<byte> data => data.Length,
                _ => 8,
            };
        }

        internal override Task WriteAsync(ParquetRowGroupWriter group, int rows, Dictionary<string, string> metadata, CancellationToken cancellationToken)
        {
            var written = group.WriteAsync<T>(dataField, values.AsMemory(0, rows), null, metadata, cancellationToken);
            Array.Clear(values, 0, rows);
            return written;
        }
    }
}
