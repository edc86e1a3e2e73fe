using System.Globalization;
using System.Numerics;
using System.Text;

namespace IpWarehouse.DuckDb.Internal;

/// Binds a command's parameters to a prepared statement. DuckDB names each placeholder: `$name` by its
/// name, `?` and `$1` by their 1-based position; a named parameter is looked up by name, a positional
/// one by position among the command's parameters.
internal static unsafe class ParameterBinder
{
    internal static void Bind(nint prepared, DuckDBParameterCollection parameters)
    {
        var count = NativeMethods.ParameterCount(prepared);
        for (ulong index = 1; index <= count; index++)
        {
            var name = Utf8.FromNativeAndFree(NativeMethods.ParameterName(prepared, index)) ?? string.Empty;
            var parameter = Resolve(parameters, name, index);
            var value = CreateValue(parameter.Value, name);
            try
            {
                if (NativeMethods.BindValue(prepared, index, value) != NativeMethods.DuckDBSuccess)
                {
                    var error = Utf8.FromNative(NativeMethods.PrepareError(prepared));
                    throw new DuckDBException(
                        $"Parameter '{name}' could not be bound (value {Describe(parameter.Value)}): {error}",
                        DuckDBErrorType.MismatchType);
                }
            }
            finally
            {
                NativeMethods.DestroyValue(ref value);
            }
        }
    }

    private static DuckDBParameter Resolve(DuckDBParameterCollection parameters, string name, ulong index)
    {
        var positional = name.Length > 0 && name.All(char.IsAsciiDigit);
        if (!positional)
        {
            return parameters.Find(name) ?? throw new DuckDBException(
                $"The SQL uses parameter ${name} but the command has no parameter named '{name}' " +
                $"(it has {Names(parameters)}).", DuckDBErrorType.ParameterNotResolved);
        }

        var position = int.Parse(name, CultureInfo.InvariantCulture);
        if (position < 1 || position > parameters.Count)
        {
            throw new DuckDBException(
                $"The SQL uses positional parameter {position} (placeholder {index}) but the command has {parameters.Count} parameter(s).",
                DuckDBErrorType.ParameterNotResolved);
        }
        return parameters[position - 1];
    }

    private static string Names(DuckDBParameterCollection parameters) =>
        parameters.Count == 0 ? "none" : string.Join(", ", parameters.Cast<DuckDBParameter>().Select(p => p.ParameterName.Length == 0 ? "(unnamed)" : p.ParameterName));

    private static string Describe(object? value) => value switch
    {
        null or DBNull => "NULL",
        string s => $"'{s}'",
        _ => $"{value} ({value.GetType().Name})",
    };

    internal static nint CreateValue(object? value, string name)
    {
        switch (value)
        {
            case null:
            case DBNull:
                return NativeMethods.CreateNullValue();
            case string text:
                return CreateVarchar(text);
            case char c:
                return CreateVarchar(c.ToString());
            case bool b:
                return NativeMethods.CreateBool(b);
            case sbyte v:
                return NativeMethods.CreateInt8(v);
            case byte v:
                return NativeMethods.CreateUInt8(v);
            case short v:
                return NativeMethods.CreateInt16(v);
            case ushort v:
                return NativeMethods.CreateUInt16(v);
            case int v:
                return NativeMethods.CreateInt32(v);
            case uint v:
                return NativeMethods.CreateUInt32(v);
            case long v:
                return NativeMethods.CreateInt64(v);
            case ulong v:
                return NativeMethods.CreateUInt64(v);
            case float v:
                return NativeMethods.CreateFloat(v);
            case double v:
                return NativeMethods.CreateDouble(v);
            case decimal v:
                return CreateDecimal(v);
            case BigInteger v:
                return CreateHugeInt(v, name);
            case Int128 v:
                return NativeMethods.CreateHugeInt(new DuckDBHugeInt { Lower = (ulong)v, Upper = (long)(v >> 64) });
            case DateOnly v:
                return NativeMethods.CreateDate(Conversions.DaysFromDate(v));
            case DateTime v:
                return NativeMethods.CreateTimestamp(Conversions.MicrosFromTimestamp(v));
            case DateTimeOffset v:
                return NativeMethods.CreateTimestampTz(Conversions.MicrosFromTimestamp(v.UtcDateTime));
            case TimeOnly v:
                return NativeMethods.CreateTime(v.Ticks / TimeSpan.TicksPerMicrosecond);
            case TimeSpan v:
                return CreateInterval(DuckDBInterval.FromTimeSpan(v));
            case DuckDBInterval v:
                return CreateInterval(v);
            case Guid v:
                // duckdb_create_uuid takes the UUID as a plain uhugeint; only storage flips the top bit.
                var stored = Conversions.HugeIntFromGuid(v);
                return NativeMethods.CreateUuid(stored with { Upper = stored.Upper ^ long.MinValue });
            case byte[] v:
                fixed (byte* data = v)
                {
                    return NativeMethods.CreateBlob(data, (ulong)v.Length);
                }
            case Enum v:
                return NativeMethods.CreateInt64(Convert.ToInt64(v, CultureInfo.InvariantCulture));
            default:
                throw new NotSupportedException(
                    $"Parameter '{name}' has a value of type {value.GetType().FullName}, which the DuckDB provider cannot bind. " +
                    "Use a string, number, bool, DateOnly, DateTime, DateTimeOffset, TimeOnly, TimeSpan, Guid, decimal, BigInteger or byte[].");
        }
    }

    private static nint CreateVarchar(string text)
    {
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        var buffer = max <= 1024 ? stackalloc byte[max] : new byte[max];
        var length = Encoding.UTF8.GetBytes(text, buffer);
        fixed (byte* data = buffer)
        {
            return NativeMethods.CreateVarcharLength(data, (ulong)length);
        }
    }

    private static nint CreateDecimal(decimal value)
    {
        var scale = value.Scale;
        var unscaled = Conversions.UnscaledDecimal(value, scale);
        return NativeMethods.CreateDecimal(new DuckDBDecimalStruct
        {
            Width = 38,
            Scale = scale,
            Value = new DuckDBHugeInt { Lower = (ulong)unscaled, Upper = (long)(unscaled >> 64) },
        });
    }

    private static nint CreateHugeInt(BigInteger value, string name)
    {
        if (value < (BigInteger)Int128.MinValue || value > (BigInteger)Int128.MaxValue)
        {
            throw new OverflowException($"Parameter '{name}' ({value}) does not fit in DuckDB's HUGEINT (128 bits).");
        }
        var v = (Int128)value;
        return NativeMethods.CreateHugeInt(new DuckDBHugeInt { Lower = (ulong)v, Upper = (long)(v >> 64) });
    }

    private static nint CreateInterval(DuckDBInterval v) =>
        NativeMethods.CreateInterval(new DuckDBIntervalStruct { Months = v.Months, Days = v.Days, Micros = v.Micros });
}
