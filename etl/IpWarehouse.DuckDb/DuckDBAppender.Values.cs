using System.Numerics;
using System.Runtime.CompilerServices;
using IpWarehouse.DuckDb.Internal;

namespace IpWarehouse.DuckDb;

/// Writing one value into the current chunk: straight into the vector's memory, converted to the
/// column's type where the conversion cannot lose information.
public sealed unsafe partial class DuckDBAppender
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ColumnInfo NextColumn()
    {
        if (column >= columns.Length)
        {
            var given = column + 1;
            column = 0;
            throw new DuckDBException(
                $"Table '{table}' has {columns.Length} columns but {given} values were given (row {rowsAppended + 1}).",
                DuckDBErrorType.MismatchType);
        }
        return columns[column];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Put<T>(T value)
        where T : unmanaged
    {
        ((T*)data[column])[rowInChunk] = value;
        column++;
    }

    internal void WriteNull()
    {
        NextColumn();
        var mask = (ulong*)validity[column];
        if (mask == null)
        {
            NativeMethods.VectorEnsureValidityWritable(vectors[column]);
            mask = NativeMethods.VectorGetValidity(vectors[column]);
            validity[column] = (nint)mask;
        }
        mask[rowInChunk >> 6] &= ~(1UL << (rowInChunk & 63));
        column++;
    }

    internal void WriteBoolean(bool value)
    {
        var info = NextColumn();
        if (info.Type == DuckDBTypeId.Boolean)
        {
            Put<byte>(value ? (byte)1 : (byte)0);
            return;
        }
        throw Mismatch(info, value);
    }

    internal void WriteInt64(long value)
    {
        var info = NextColumn();
        switch (info.Type)
        {
            case DuckDBTypeId.Integer: Put(checked((int)value)); break;
            case DuckDBTypeId.BigInt: Put(value); break;
            case DuckDBTypeId.SmallInt: Put(checked((short)value)); break;
            case DuckDBTypeId.TinyInt: Put(checked((sbyte)value)); break;
            case DuckDBTypeId.UTinyInt: Put(checked((byte)value)); break;
            case DuckDBTypeId.USmallInt: Put(checked((ushort)value)); break;
            case DuckDBTypeId.UInteger: Put(checked((uint)value)); break;
            case DuckDBTypeId.UBigInt: Put(checked((ulong)value)); break;
            case DuckDBTypeId.HugeInt: Put(new DuckDBHugeInt { Lower = (ulong)value, Upper = value < 0 ? -1 : 0 }); break;
            case DuckDBTypeId.Double: Put((double)value); break;
            case DuckDBTypeId.Float: Put((float)value); break;
            case DuckDBTypeId.Decimal: PutDecimal(info, value); break;
            default: throw Mismatch(info, value);
        }
    }

    internal void WriteUInt64(ulong value)
    {
        var info = NextColumn();
        if (info.Type == DuckDBTypeId.UBigInt)
        {
            Put(value);
            return;
        }
        if (value <= long.MaxValue)
        {
            column--;
            WriteInt64((long)value);
            return;
        }
        if (info.Type == DuckDBTypeId.HugeInt)
        {
            Put(new DuckDBHugeInt { Lower = value, Upper = 0 });
            return;
        }
        throw Mismatch(info, value);
    }

    internal void WriteBigInteger(BigInteger value)
    {
        var info = NextColumn();
        if (info.Type == DuckDBTypeId.HugeInt && value >= (BigInteger)Int128.MinValue && value <= (BigInteger)Int128.MaxValue)
        {
            var v = (Int128)value;
            Put(new DuckDBHugeInt { Lower = (ulong)v, Upper = (long)(v >> 64) });
            return;
        }
        throw Mismatch(info, value);
    }

    internal void WriteDouble(double value)
    {
        var info = NextColumn();
        switch (info.Type)
        {
            case DuckDBTypeId.Double: Put(value); break;
            case DuckDBTypeId.Float: Put((float)value); break;
            case DuckDBTypeId.Decimal: PutDecimal(info, (decimal)value); break;
            default: throw Mismatch(info, value);
        }
    }

    internal void WriteDecimal(decimal value)
    {
        var info = NextColumn();
        switch (info.Type)
        {
            case DuckDBTypeId.Decimal: PutDecimal(info, value); break;
            case DuckDBTypeId.Double: Put((double)value); break;
            case DuckDBTypeId.Float: Put((float)value); break;
            default: throw Mismatch(info, value);
        }
    }

    private void PutDecimal(ColumnInfo info, decimal value)
    {
        var unscaled = Conversions.UnscaledDecimal(value, info.Scale);
        switch (info.Internal)
        {
            case DuckDBTypeId.SmallInt: Put(checked((short)unscaled)); break;
            case DuckDBTypeId.Integer: Put(checked((int)unscaled)); break;
            case DuckDBTypeId.BigInt: Put(checked((long)unscaled)); break;
            default: Put(new DuckDBHugeInt { Lower = (ulong)unscaled, Upper = (long)(unscaled >> 64) }); break;
        }
    }

    internal void WriteString(string value)
    {
        var info = NextColumn();
        if (info.Type == DuckDBTypeId.Varchar)
        {
            var max = Utf8Encoding.GetMaxByteCount(value.Length);
            if (max > textBuffer.Length)
            {
                textBuffer = new byte[Math.Max(max, textBuffer.Length * 2)];
            }
            var length = Utf8Encoding.GetBytes(value, textBuffer);
            PutBytes(textBuffer.AsSpan(0, length), validUtf8: true);
            return;
        }
        if (info.Type == DuckDBTypeId.Enum)
        {
            if (!enumIndexes[column]!.TryGetValue(value, out var index))
            {
                throw new DuckDBException(
                    $"Table '{table}' column '{info.Name}' is an ENUM without the value '{value}' (row {rowsAppended + 1}); " +
                    $"allowed: {string.Join(", ", info.EnumValues!)}.", DuckDBErrorType.Conversion);
            }
            switch (info.Internal)
            {
                case DuckDBTypeId.UTinyInt: Put((byte)index); break;
                case DuckDBTypeId.USmallInt: Put((ushort)index); break;
                default: Put((uint)index); break;
            }
            return;
        }
        throw Mismatch(info, value);
    }

    internal void WriteBlob(ReadOnlySpan<byte> value)
    {
        var info = NextColumn();
        if (info.Type != DuckDBTypeId.Blob)
        {
            throw Mismatch(info, "byte[]");
        }
        PutBytes(value, validUtf8: false);
    }

    /// Inline strings (≤ 12 bytes) go straight into the vector as `duckdb_string_t`; longer ones are
    /// copied into the vector's string heap by DuckDB. Text from .NET's UTF-8 encoder is valid by
    /// construction, so DuckDB's second UTF-8 check is skipped for it (not for BLOBs).
    private void PutBytes(ReadOnlySpan<byte> bytes, bool validUtf8)
    {
        if (bytes.Length <= 12)
        {
            var target = (DuckDBStringStruct*)data[column] + rowInChunk;
            *target = default;
            target->Length = (uint)bytes.Length;
            bytes.CopyTo(new Span<byte>((byte*)target + 4, 12));
        }
        else
        {
            fixed (byte* pointer = bytes)
            {
                if (validUtf8)
                {
                    NativeMethods.UnsafeVectorAssignStringElementLen(vectors[column], (ulong)rowInChunk, pointer, (ulong)bytes.Length);
                }
                else
                {
                    NativeMethods.VectorAssignStringElementLen(vectors[column], (ulong)rowInChunk, pointer, (ulong)bytes.Length);
                }
            }
        }
        column++;
    }

    internal void WriteDate(DateOnly value)
    {
        var info = NextColumn();
        switch (info.Type)
        {
            case DuckDBTypeId.Date: Put(Conversions.DaysFromDate(value)); break;
            case DuckDBTypeId.Timestamp or DuckDBTypeId.TimestampTz:
                Put(Conversions.MicrosFromTimestamp(value.ToDateTime(TimeOnly.MinValue)));
                break;
            default: throw Mismatch(info, value);
        }
    }

    internal void WriteDateTime(DateTime value)
    {
        var info = NextColumn();
        switch (info.Type)
        {
            case DuckDBTypeId.Timestamp: Put(Conversions.MicrosFromTimestamp(value)); break;
            case DuckDBTypeId.TimestampTz:
                Put(Conversions.MicrosFromTimestamp(value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value));
                break;
            case DuckDBTypeId.Date: Put(Conversions.DaysFromDate(DateOnly.FromDateTime(value))); break;
            default: throw Mismatch(info, value);
        }
    }

    internal void WriteDateTimeOffset(DateTimeOffset value)
    {
        var info = NextColumn();
        if (info.Type is DuckDBTypeId.TimestampTz or DuckDBTypeId.Timestamp)
        {
            Put(Conversions.MicrosFromTimestamp(value.UtcDateTime));
            return;
        }
        throw Mismatch(info, value);
    }

    internal void WriteTime(TimeOnly value)
    {
        var info = NextColumn();
        if (info.Type == DuckDBTypeId.Time)
        {
            Put(value.Ticks / TimeSpan.TicksPerMicrosecond);
            return;
        }
        throw Mismatch(info, value);
    }

    internal void WriteInterval(DuckDBInterval value)
    {
        var info = NextColumn();
        if (info.Type == DuckDBTypeId.Interval)
        {
            Put(new DuckDBIntervalStruct { Months = value.Months, Days = value.Days, Micros = value.Micros });
            return;
        }
        throw Mismatch(info, value);
    }

    internal void WriteGuid(Guid value)
    {
        var info = NextColumn();
        if (info.Type == DuckDBTypeId.Uuid)
        {
            Put(Conversions.HugeIntFromGuid(value));
            return;
        }
        if (info.Type == DuckDBTypeId.Varchar)
        {
            column--;
            WriteString(value.ToString());
            return;
        }
        throw Mismatch(info, value);
    }

    private DuckDBException Mismatch(ColumnInfo info, object value)
    {
        var at = column;
        column = 0;
        return new DuckDBException(
            $"Table '{table}' column '{info.Name}' ({info.TypeName}, column {at + 1}) cannot take a {value.GetType().Name} value " +
            $"('{value}') in row {rowsAppended + 1}. Convert the value first or change the column's type.",
            DuckDBErrorType.MismatchType);
    }
}
