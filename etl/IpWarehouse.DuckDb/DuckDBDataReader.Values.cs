using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;
using IpWarehouse.DuckDb.Internal;

namespace IpWarehouse.DuckDb;

/// Typed access to the current row: values are read straight from the chunk's vectors.
public sealed unsafe partial class DuckDBDataReader
{
    /// <inheritdoc />
    public override bool IsDBNull(int ordinal)
    {
        var column = Column(ordinal);
        CheckRow();
        var mask = (ulong*)validity[ordinal];
        return column.Type == DuckDBTypeId.SqlNull || (mask != null && (mask[row >> 6] & (1UL << (row & 63))) == 0);
    }

    /// <inheritdoc />
    public override object GetValue(int ordinal)
    {
        if (IsDBNull(ordinal))
        {
            return DBNull.Value;
        }
        var column = columns[ordinal];
        return column.Type switch
        {
            DuckDBTypeId.Boolean => At<byte>(ordinal) != 0,
            DuckDBTypeId.TinyInt => At<sbyte>(ordinal),
            DuckDBTypeId.SmallInt => At<short>(ordinal),
            DuckDBTypeId.Integer => At<int>(ordinal),
            DuckDBTypeId.BigInt => At<long>(ordinal),
            DuckDBTypeId.UTinyInt => At<byte>(ordinal),
            DuckDBTypeId.USmallInt => At<ushort>(ordinal),
            DuckDBTypeId.UInteger => At<uint>(ordinal),
            DuckDBTypeId.UBigInt => At<ulong>(ordinal),
            DuckDBTypeId.HugeInt => ReadHugeInt(ordinal),
            DuckDBTypeId.UHugeInt => Conversions.BigIntegerFromUHugeInt(At<DuckDBHugeInt>(ordinal).Lower, (ulong)At<DuckDBHugeInt>(ordinal).Upper),
            DuckDBTypeId.Float => At<float>(ordinal),
            DuckDBTypeId.Double => At<double>(ordinal),
            DuckDBTypeId.Decimal => ReadDecimal(ordinal, column),
            DuckDBTypeId.Varchar => ReadString(ordinal),
            DuckDBTypeId.Enum => ReadEnum(ordinal, column),
            DuckDBTypeId.Blob => ReadBlob(ordinal),
            DuckDBTypeId.Date => Conversions.DateFromDays(At<int>(ordinal)),
            DuckDBTypeId.Time => Conversions.TimeFromMicros(At<long>(ordinal)),
            DuckDBTypeId.Timestamp or DuckDBTypeId.TimestampS or DuckDBTypeId.TimestampMs or DuckDBTypeId.TimestampNs
                or DuckDBTypeId.TimestampTz => ReadDateTime(ordinal, column),
            DuckDBTypeId.Interval => ReadInterval(ordinal),
            DuckDBTypeId.Uuid => Conversions.GuidFromHugeInt(At<DuckDBHugeInt>(ordinal).Lower, At<DuckDBHugeInt>(ordinal).Upper),
            _ => throw Unsupported(column),
        };
    }

    /// <inheritdoc />
    public override bool GetBoolean(int ordinal) => Require(ordinal, DuckDBTypeId.Boolean) && At<byte>(ordinal) != 0;

    /// <inheritdoc />
    public override byte GetByte(int ordinal) => checked((byte)ReadInteger(ordinal));

    /// <inheritdoc />
    public override short GetInt16(int ordinal) => checked((short)ReadInteger(ordinal));

    /// <inheritdoc />
    public override int GetInt32(int ordinal)
    {
        if (columns[ordinal].Type == DuckDBTypeId.Integer)
        {
            CheckNotNull(ordinal);
            return At<int>(ordinal);
        }
        return checked((int)ReadInteger(ordinal));
    }

    /// <inheritdoc />
    public override long GetInt64(int ordinal)
    {
        if (columns[ordinal].Type == DuckDBTypeId.BigInt)
        {
            CheckNotNull(ordinal);
            return At<long>(ordinal);
        }
        return ReadInteger(ordinal);
    }

    /// <inheritdoc />
    public override float GetFloat(int ordinal) => columns[ordinal].Type == DuckDBTypeId.Float
        ? NotNull(ordinal, At<float>(ordinal))
        : (float)GetDouble(ordinal);

    /// <inheritdoc />
    public override double GetDouble(int ordinal)
    {
        CheckNotNull(ordinal);
        var column = columns[ordinal];
        return column.Type switch
        {
            DuckDBTypeId.Double => At<double>(ordinal),
            DuckDBTypeId.Float => At<float>(ordinal),
            DuckDBTypeId.Decimal => (double)ReadDecimal(ordinal, column),
            _ => ReadInteger(ordinal),
        };
    }

    /// <inheritdoc />
    public override decimal GetDecimal(int ordinal)
    {
        CheckNotNull(ordinal);
        var column = columns[ordinal];
        return column.Type switch
        {
            DuckDBTypeId.Decimal => ReadDecimal(ordinal, column),
            DuckDBTypeId.Double => (decimal)At<double>(ordinal),
            DuckDBTypeId.Float => (decimal)At<float>(ordinal),
            _ => ReadInteger(ordinal),
        };
    }

    /// <inheritdoc />
    public override string GetString(int ordinal)
    {
        CheckNotNull(ordinal);
        var column = columns[ordinal];
        return column.Type switch
        {
            DuckDBTypeId.Varchar => ReadString(ordinal),
            DuckDBTypeId.Enum => ReadEnum(ordinal, column),
            _ => throw new InvalidCastException($"Column '{column.Name}' is {column.TypeName}, not text; use GetValue or a typed getter."),
        };
    }

    /// <inheritdoc />
    public override char GetChar(int ordinal)
    {
        var text = GetString(ordinal);
        return text.Length > 0 ? text[0] : throw new InvalidCastException($"Column '{columns[ordinal].Name}' is an empty string.");
    }

    /// <inheritdoc />
    public override DateTime GetDateTime(int ordinal)
    {
        CheckNotNull(ordinal);
        var column = columns[ordinal];
        return column.Type == DuckDBTypeId.Date
            ? Conversions.DateFromDays(At<int>(ordinal)).ToDateTime(TimeOnly.MinValue)
            : ReadDateTime(ordinal, column);
    }

    /// <inheritdoc />
    public override Guid GetGuid(int ordinal)
    {
        Require(ordinal, DuckDBTypeId.Uuid);
        var value = At<DuckDBHugeInt>(ordinal);
        return Conversions.GuidFromHugeInt(value.Lower, value.Upper);
    }

    /// <inheritdoc />
    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length)
    {
        Require(ordinal, DuckDBTypeId.Blob);
        var span = RawBytes(ordinal);
        if (buffer is null)
        {
            return span.Length;
        }
        var available = Math.Max(0, span.Length - (int)dataOffset);
        var count = Math.Min(available, length);
        span.Slice((int)dataOffset, count).CopyTo(buffer.AsSpan(bufferOffset));
        return count;
    }

    /// <inheritdoc />
    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length)
    {
        var text = GetString(ordinal);
        if (buffer is null)
        {
            return text.Length;
        }
        var count = Math.Min(Math.Max(0, text.Length - (int)dataOffset), length);
        text.CopyTo((int)dataOffset, buffer, bufferOffset, count);
        return count;
    }

    /// <inheritdoc />
    public override T GetFieldValue<T>(int ordinal)
    {
        if (IsDBNull(ordinal))
        {
            return default(T) is null
                ? default!
                : throw new InvalidCastException($"Column '{columns[ordinal].Name}' is NULL and cannot be read as {typeof(T).Name}.");
        }
        if (typeof(T) == typeof(int))
        {
            var v = GetInt32(ordinal);
            return Unsafe.As<int, T>(ref v);
        }
        if (typeof(T) == typeof(long))
        {
            var v = GetInt64(ordinal);
            return Unsafe.As<long, T>(ref v);
        }
        if (typeof(T) == typeof(string))
        {
            return (T)(object)GetString(ordinal);
        }
        if (typeof(T) == typeof(double))
        {
            var v = GetDouble(ordinal);
            return Unsafe.As<double, T>(ref v);
        }
        if (typeof(T) == typeof(decimal))
        {
            var v = GetDecimal(ordinal);
            return Unsafe.As<decimal, T>(ref v);
        }
        if (typeof(T) == typeof(DateOnly))
        {
            var v = GetDateOnly(ordinal);
            return Unsafe.As<DateOnly, T>(ref v);
        }
        if (typeof(T) == typeof(DateTime))
        {
            var v = GetDateTime(ordinal);
            return Unsafe.As<DateTime, T>(ref v);
        }
        if (typeof(T) == typeof(bool))
        {
            var v = GetBoolean(ordinal);
            return Unsafe.As<bool, T>(ref v);
        }
        return (T)GetValue(ordinal);
    }

    /// <summary>Reads a DATE column as <see cref="DateOnly"/>.</summary>
    public DateOnly GetDateOnly(int ordinal)
    {
        CheckNotNull(ordinal);
        var column = columns[ordinal];
        return column.Type == DuckDBTypeId.Date
            ? Conversions.DateFromDays(At<int>(ordinal))
            : DateOnly.FromDateTime(ReadDateTime(ordinal, column));
    }

    /// <summary>Reads an INTERVAL column.</summary>
    public DuckDBInterval GetInterval(int ordinal)
    {
        Require(ordinal, DuckDBTypeId.Interval);
        return ReadInterval(ordinal);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private T At<T>(int ordinal)
        where T : unmanaged => ((T*)data[ordinal])[row];

    private void CheckRow()
    {
        if ((uint)row >= (uint)chunkSize)
        {
            throw new InvalidOperationException(closed ? "The reader is closed." : "No current row: call Read() first and check that it returned true.");
        }
    }

    private void CheckNotNull(int ordinal)
    {
        if (IsDBNull(ordinal))
        {
            throw new InvalidCastException($"Column '{columns[ordinal].Name}' is NULL; check IsDBNull first or read it with GetValue.");
        }
    }

    private T NotNull<T>(int ordinal, T value)
    {
        CheckNotNull(ordinal);
        return value;
    }

    private bool Require(int ordinal, DuckDBTypeId type)
    {
        CheckNotNull(ordinal);
        var column = columns[ordinal];
        if (column.Type != type)
        {
            throw new InvalidCastException($"Column '{column.Name}' is {column.TypeName}, not {type.ToString().ToUpperInvariant()}.");
        }
        return true;
    }

    private long ReadInteger(int ordinal)
    {
        CheckNotNull(ordinal);
        var column = columns[ordinal];
        return column.Type switch
        {
            DuckDBTypeId.TinyInt => At<sbyte>(ordinal),
            DuckDBTypeId.SmallInt => At<short>(ordinal),
            DuckDBTypeId.Integer => At<int>(ordinal),
            DuckDBTypeId.BigInt => At<long>(ordinal),
            DuckDBTypeId.UTinyInt => At<byte>(ordinal),
            DuckDBTypeId.USmallInt => At<ushort>(ordinal),
            DuckDBTypeId.UInteger => At<uint>(ordinal),
            DuckDBTypeId.UBigInt => checked((long)At<ulong>(ordinal)),
            DuckDBTypeId.HugeInt => (long)ReadHugeInt(ordinal),
            DuckDBTypeId.Boolean => At<byte>(ordinal),
            _ => throw new InvalidCastException($"Column '{column.Name}' is {column.TypeName}, not an integer."),
        };
    }

    private BigInteger ReadHugeInt(int ordinal)
    {
        var value = At<DuckDBHugeInt>(ordinal);
        return Conversions.BigIntegerFromHugeInt(value.Lower, value.Upper);
    }

    private decimal ReadDecimal(int ordinal, ColumnInfo column) => column.Internal switch
    {
        DuckDBTypeId.SmallInt => Conversions.DecimalFromInt64(At<short>(ordinal), column.Scale),
        DuckDBTypeId.Integer => Conversions.DecimalFromInt64(At<int>(ordinal), column.Scale),
        DuckDBTypeId.BigInt => Conversions.DecimalFromInt64(At<long>(ordinal), column.Scale),
        _ => Conversions.DecimalFromInt128(new Int128((ulong)At<DuckDBHugeInt>(ordinal).Upper, At<DuckDBHugeInt>(ordinal).Lower), column.Scale),
    };

    private ReadOnlySpan<byte> RawBytes(int ordinal)
    {
        var value = (DuckDBStringStruct*)data[ordinal] + row;
        var length = (int)value->Length;
        var bytes = length <= 12 ? (byte*)value + 4 : (byte*)value->Pointer;
        return new ReadOnlySpan<byte>(bytes, length);
    }

    private string ReadString(int ordinal) => Encoding.UTF8.GetString(RawBytes(ordinal));

    private byte[] ReadBlob(int ordinal) => RawBytes(ordinal).ToArray();

    private string ReadEnum(int ordinal, ColumnInfo column)
    {
        var index = column.Internal switch
        {
            DuckDBTypeId.UTinyInt => At<byte>(ordinal),
            DuckDBTypeId.USmallInt => At<ushort>(ordinal),
            _ => (int)At<uint>(ordinal),
        };
        return column.EnumValues![index];
    }

    private DateTime ReadDateTime(int ordinal, ColumnInfo column)
    {
        var raw = At<long>(ordinal);
        return column.Type switch
        {
            DuckDBTypeId.TimestampS => Conversions.TimestampFromMicros(raw * 1_000_000),
            DuckDBTypeId.TimestampMs => Conversions.TimestampFromMicros(raw * 1_000),
            DuckDBTypeId.TimestampNs => DateTime.UnixEpoch.AddTicks(raw / 100),
            DuckDBTypeId.TimestampTz => Conversions.TimestampFromMicros(raw, DateTimeKind.Utc),
            _ => Conversions.TimestampFromMicros(raw),
        };
    }

    private DuckDBInterval ReadInterval(int ordinal)
    {
        var value = At<DuckDBIntervalStruct>(ordinal);
        return new DuckDBInterval(value.Months, value.Days, value.Micros);
    }

    private static NotSupportedException Unsupported(ColumnInfo column) => new(
        $"Column '{column.Name}' has DuckDB type {column.TypeName}, which this provider does not read yet. " +
        "Cast it in SQL (e.g. CAST(x AS VARCHAR)).");
}
