using System.Buffers.Binary;
using System.Numerics;

namespace IpWarehouse.DuckDb.Internal;

/// DuckDB's physical encodings and their .NET counterparts, shared by the reader, the appender and
/// parameter binding so that a value round-trips through one definition.
internal static class Conversions
{
    /// DateOnly.DayNumber of 1970-01-01: DuckDB's DATE is days since the Unix epoch.
    internal const int UnixEpochDayNumber = 719_162;

    private static readonly long UnixEpochTicks = DateTime.UnixEpoch.Ticks;

    internal static DateOnly DateFromDays(int days)
    {
        // DuckDB encodes +/-infinity as int32 max/min; clamp them to the representable ends.
        if (days == int.MaxValue)
        {
            return DateOnly.MaxValue;
        }
        if (days == int.MinValue + 1 || days == int.MinValue)
        {
            return DateOnly.MinValue;
        }
        return DateOnly.FromDayNumber(days + UnixEpochDayNumber);
    }

    internal static int DaysFromDate(DateOnly date) => date.DayNumber - UnixEpochDayNumber;

    internal static DateTime TimestampFromMicros(long micros, DateTimeKind kind = DateTimeKind.Unspecified)
    {
        if (micros == long.MaxValue)
        {
            return DateTime.MaxValue;
        }
        if (micros <= -long.MaxValue)
        {
            return DateTime.MinValue;
        }
        return new DateTime(UnixEpochTicks + (micros * TimeSpan.TicksPerMicrosecond), kind);
    }

    internal static long MicrosFromTimestamp(DateTime value) => (value.Ticks - UnixEpochTicks) / TimeSpan.TicksPerMicrosecond;

    internal static TimeOnly TimeFromMicros(long micros) => new(micros * TimeSpan.TicksPerMicrosecond);

    /// DuckDB stores a UUID as a hugeint whose top bit is flipped so that signed order is UUID order.
    internal static Guid GuidFromHugeInt(ulong lower, long upper)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, (ulong)upper ^ 0x8000_0000_0000_0000UL);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], lower);
        return new Guid(bytes, bigEndian: true);
    }

    internal static DuckDBHugeInt HugeIntFromGuid(Guid value)
    {
        Span<byte> bytes = stackalloc byte[16];
        value.TryWriteBytes(bytes, bigEndian: true, out _);
        return new DuckDBHugeInt
        {
            Upper = (long)(BinaryPrimitives.ReadUInt64BigEndian(bytes) ^ 0x8000_0000_0000_0000UL),
            Lower = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]),
        };
    }

    internal static decimal DecimalFromInt64(long unscaled, byte scale)
    {
        var negative = unscaled < 0;
        var magnitude = negative ? (ulong)(-(unscaled + 1)) + 1 : (ulong)unscaled;
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, negative, scale);
    }

    internal static decimal DecimalFromInt128(Int128 unscaled, byte scale)
    {
        var negative = unscaled < 0;
        var magnitude = (UInt128)(negative ? -unscaled : unscaled);
        if (magnitude >> 96 != 0)
        {
            throw new OverflowException(
                $"The DECIMAL value {unscaled}e-{scale} has more than 28 significant digits and does not fit in System.Decimal; " +
                "read it with GetValue as text (CAST(… AS VARCHAR)) or as a double.");
        }
        var low = (ulong)magnitude;
        var high = (uint)(magnitude >> 64);
        return new decimal((int)(uint)low, (int)(uint)(low >> 32), (int)high, negative, scale);
    }

    /// The unscaled value of <paramref name="value"/> at <paramref name="scale"/> (rounding half away
    /// from zero when the value has more decimals than the column), as DuckDB stores DECIMAL.
    internal static Int128 UnscaledDecimal(decimal value, byte scale)
    {
        if (value.Scale > scale)
        {
            value = Math.Round(value, scale, MidpointRounding.AwayFromZero);
        }
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var magnitude = ((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0];
        var result = (Int128)magnitude;
        for (var s = value.Scale; s < scale; s++)
        {
            result *= 10;
        }
        return value < 0 || (bits[3] & int.MinValue) != 0 ? -result : result;
    }

    internal static BigInteger BigIntegerFromHugeInt(ulong lower, long upper) => (BigInteger)new Int128((ulong)upper, lower);

    internal static BigInteger BigIntegerFromUHugeInt(ulong lower, ulong upper) => (BigInteger)new UInt128(upper, lower);
}
