using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace IpWarehouse.Etl.Snapshots.Internal;

/// One column's figures, accumulated value by value (Parquet.Net's side) or set from DuckDB's aggregates.
internal sealed class Figures(FigureKind kind, int scale)
{
    private const int EpochDay = 719_162; // DateOnly(1970, 1, 1).DayNumber

    private BigInteger? min;
    private BigInteger? max;
    private BigInteger sum;
    private double? floatMin;
    private double? floatMax;
    private double floatSum;
    private string? textMin;
    private string? textMax;

    internal FigureKind Kind => kind;

    internal long Count { get; private set; }

    internal long Nulls { get; private set; }

    internal void AddNull() => Nulls++;

    internal void Add(BigInteger value)
    {
        Count++;
        sum += value;
        if (min is null || value < min)
        {
            min = value;
        }
        if (max is null || value > max)
        {
            max = value;
        }
    }

    internal void Add(double value)
    {
        Count++;
        floatSum += value;
        if (floatMin is null || FloatOrder(value, floatMin.Value) < 0)
        {
            floatMin = value;
        }
        if (floatMax is null || FloatOrder(value, floatMax.Value) > 0)
        {
            floatMax = value;
        }
    }

    internal void Add(string value)
    {
        Count++;
        sum += Hash(value);
        if (textMin is null || CodePointOrder(value, textMin) < 0)
        {
            textMin = value;
        }
        if (textMax is null || CodePointOrder(value, textMax) > 0)
        {
            textMax = value;
        }
    }

    internal void Add(DateOnly value) => Add(new BigInteger(value.DayNumber - EpochDay));

    internal void Add(DateTime value) =>
        Add(new BigInteger(((value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value).Ticks - DateTime.UnixEpoch.Ticks) / 10));

    /// DuckDB's aggregates: count and nulls, then min, max and sum as the kind's query returns them.
    internal void Set(long count, long nulls, object? minimum, object? maximum, object? total)
    {
        Count = count;
        Nulls = nulls;
        switch (kind)
        {
            case FigureKind.Float:
                floatMin = minimum is null ? null : Convert.ToDouble(minimum, CultureInfo.InvariantCulture);
                floatMax = maximum is null ? null : Convert.ToDouble(maximum, CultureInfo.InvariantCulture);
                floatSum = total is null ? 0 : Convert.ToDouble(total, CultureInfo.InvariantCulture);
                break;
            case FigureKind.Text:
                textMin = (string?)minimum;
                textMax = (string?)maximum;
                sum = Whole(total) ?? 0;
                break;
            default:
                min = Whole(minimum);
                max = Whole(maximum);
                sum = Whole(total) ?? 0;
                break;
        }
    }

    /// Equal figures; sums of floating-point columns to 1e-9 relative, as their order of addition differs.
    internal bool SameAs(Figures other) =>
        Count == other.Count && Nulls == other.Nulls && kind switch
        {
            FigureKind.Float => Equals(floatMin, other.floatMin) && Equals(floatMax, other.floatMax)
                && Math.Abs(floatSum - other.floatSum) <= 1e-9 * Math.Max(1, Math.Max(Math.Abs(floatSum), Math.Abs(other.floatSum))),
            FigureKind.Text => textMin == other.textMin && textMax == other.textMax && sum == other.sum,
            _ => min == other.min && max == other.max && sum == other.sum,
        };

    internal ColumnFigures ToFigures() => kind switch
    {
        FigureKind.Float => new(Count, Nulls, floatMin?.ToString("R", CultureInfo.InvariantCulture), floatMax?.ToString("R", CultureInfo.InvariantCulture),
            floatSum.ToString("R", CultureInfo.InvariantCulture)),
        FigureKind.Text => new(Count, Nulls, Short(textMin), Short(textMax), "sha256 " + sum.ToString(CultureInfo.InvariantCulture)),
        FigureKind.Boolean => new(Count, Nulls, min is null ? null : (min == 1).ToString().ToLowerInvariant(), max is null ? null : (max == 1).ToString().ToLowerInvariant(),
            sum.ToString(CultureInfo.InvariantCulture) + " true"),
        _ => new(Count, Nulls, Show(min), Show(max), kind == FigureKind.Date ? $"{sum} days" : kind == FigureKind.Timestamp ? $"{sum} µs" : Show(sum)),
    };

    private string? Show(BigInteger? value) => value is not { } v ? null : kind switch
    {
        FigureKind.Decimal => Unscaled(v, scale),
        FigureKind.Date => DateOnly.FromDayNumber((int)(v + EpochDay)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        FigureKind.Timestamp => DateTime.UnixEpoch.AddTicks((long)v * 10).ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        _ => v.ToString(CultureInfo.InvariantCulture),
    };

    /// DuckDB prints a DECIMAL with all its scale's digits ("-0.50"), so removing the point gives the unscaled value.
    private static BigInteger? Whole(object? value) => value switch
    {
        null => null,
        string text => BigInteger.Parse(text.Replace(".", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
        _ => BigInteger.Parse(Convert.ToString(value, CultureInfo.InvariantCulture)!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
    };

    private static string Unscaled(BigInteger value, int scale)
    {
        if (scale == 0)
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }
        var digits = BigInteger.Abs(value).ToString(CultureInfo.InvariantCulture).PadLeft(scale + 1, '0');
        return (value.Sign < 0 ? "-" : "") + digits[..^scale] + "." + digits[^scale..];
    }

    private static string? Short(string? text) => text is { Length: > 40 } ? text[..40] + "…" : text;

    /// The first 8 bytes of the UTF-8 text's SHA-256, as DuckDB computes ('0x' || left(sha256(v), 16))::UBIGINT.
    private static BigInteger Hash(string value)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(value), digest);
        return new BigInteger(BinaryPrimitives.ReadUInt64BigEndian(digest));
    }

    /// DuckDB orders text by its UTF-8 bytes, which is code point order; UTF-16's ordinal order differs for
    /// characters above U+FFFF (surrogates sort below U+E000..U+FFFF there).
    internal static int CodePointOrder(string a, string b)
    {
        var length = Math.Min(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            if (a[i] != b[i])
            {
                return Weight(a[i]).CompareTo(Weight(b[i]));
            }
        }
        return a.Length.CompareTo(b.Length);
    }

    private static int Weight(char c) => c >= 0xE000 ? c - 0x800 : c >= 0xD800 ? c + 0x2000 : c;

    /// DuckDB sorts NaN above every number.
    private static int FloatOrder(double a, double b) =>
        double.IsNaN(a) ? (double.IsNaN(b) ? 0 : 1) : double.IsNaN(b) ? -1 : a.CompareTo(b);
}
