using System.Numerics;

namespace IpWarehouse.DuckDb;

/// <summary>
/// The row being appended: one <c>AppendValue</c> per column in table order, then <see cref="EndRow"/>.
/// A null value of any overload appends SQL NULL.
/// </summary>
public sealed class DuckDBAppenderRow
{
    private readonly DuckDBAppender appender;

    internal DuckDBAppenderRow(DuckDBAppender appender)
    {
        this.appender = appender;
    }

    /// <summary>Appends SQL NULL.</summary>
    public DuckDBAppenderRow AppendNullValue()
    {
        appender.WriteNull();
        return this;
    }

    /// <summary>Appends a BOOLEAN.</summary>
    public DuckDBAppenderRow AppendValue(bool? value) => value is { } v ? Do(() => appender.WriteBoolean(v)) : AppendNullValue();

    /// <summary>Appends an integer (to any integer, floating or DECIMAL column it fits).</summary>
    public DuckDBAppenderRow AppendValue(int? value)
    {
        if (value is { } v)
        {
            appender.WriteInt64(v);
            return this;
        }
        return AppendNullValue();
    }

    /// <summary>Appends an integer (to any integer, floating or DECIMAL column it fits).</summary>
    public DuckDBAppenderRow AppendValue(long? value)
    {
        if (value is { } v)
        {
            appender.WriteInt64(v);
            return this;
        }
        return AppendNullValue();
    }

    /// <summary>Appends an integer.</summary>
    public DuckDBAppenderRow AppendValue(short? value) => value is { } v ? AppendValue((long)v) : AppendNullValue();

    /// <summary>Appends an integer.</summary>
    public DuckDBAppenderRow AppendValue(sbyte? value) => value is { } v ? AppendValue((long)v) : AppendNullValue();

    /// <summary>Appends an integer.</summary>
    public DuckDBAppenderRow AppendValue(byte? value) => value is { } v ? AppendValue((long)v) : AppendNullValue();

    /// <summary>Appends an integer.</summary>
    public DuckDBAppenderRow AppendValue(ushort? value) => value is { } v ? AppendValue((long)v) : AppendNullValue();

    /// <summary>Appends an integer.</summary>
    public DuckDBAppenderRow AppendValue(uint? value) => value is { } v ? AppendValue((long)v) : AppendNullValue();

    /// <summary>Appends an unsigned 64-bit integer.</summary>
    public DuckDBAppenderRow AppendValue(ulong? value) => value is { } v ? Do(() => appender.WriteUInt64(v)) : AppendNullValue();

    /// <summary>Appends a HUGEINT.</summary>
    public DuckDBAppenderRow AppendValue(BigInteger? value) => value is { } v ? Do(() => appender.WriteBigInteger(v)) : AppendNullValue();

    /// <summary>Appends a DOUBLE (or FLOAT / DECIMAL).</summary>
    public DuckDBAppenderRow AppendValue(double? value)
    {
        if (value is { } v)
        {
            appender.WriteDouble(v);
            return this;
        }
        return AppendNullValue();
    }

    /// <summary>Appends a FLOAT.</summary>
    public DuckDBAppenderRow AppendValue(float? value) => value is { } v ? AppendValue((double)v) : AppendNullValue();

    /// <summary>Appends a DECIMAL at the column's scale (rounded half away from zero).</summary>
    public DuckDBAppenderRow AppendValue(decimal? value)
    {
        if (value is { } v)
        {
            appender.WriteDecimal(v);
            return this;
        }
        return AppendNullValue();
    }

    /// <summary>Appends VARCHAR text (or an ENUM value by name).</summary>
    public DuckDBAppenderRow AppendValue(string? value)
    {
        if (value is not null)
        {
            appender.WriteString(value);
            return this;
        }
        return AppendNullValue();
    }

    /// <summary>Appends a BLOB.</summary>
    public DuckDBAppenderRow AppendValue(byte[]? value)
    {
        if (value is not null)
        {
            appender.WriteBlob(value);
            return this;
        }
        return AppendNullValue();
    }

    /// <summary>Appends a DATE.</summary>
    public DuckDBAppenderRow AppendValue(DateOnly? value)
    {
        if (value is { } v)
        {
            appender.WriteDate(v);
            return this;
        }
        return AppendNullValue();
    }

    /// <summary>Appends a TIMESTAMP (or the date part to a DATE column).</summary>
    public DuckDBAppenderRow AppendValue(DateTime? value)
    {
        if (value is { } v)
        {
            appender.WriteDateTime(v);
            return this;
        }
        return AppendNullValue();
    }

    /// <summary>Appends a TIMESTAMP WITH TIME ZONE.</summary>
    public DuckDBAppenderRow AppendValue(DateTimeOffset? value) => value is { } v ? Do(() => appender.WriteDateTimeOffset(v)) : AppendNullValue();

    /// <summary>Appends a TIME.</summary>
    public DuckDBAppenderRow AppendValue(TimeOnly? value) => value is { } v ? Do(() => appender.WriteTime(v)) : AppendNullValue();

    /// <summary>Appends an INTERVAL.</summary>
    public DuckDBAppenderRow AppendValue(DuckDBInterval? value) => value is { } v ? Do(() => appender.WriteInterval(v)) : AppendNullValue();

    /// <summary>Appends an INTERVAL of days and microseconds.</summary>
    public DuckDBAppenderRow AppendValue(TimeSpan? value) => value is { } v ? AppendValue(DuckDBInterval.FromTimeSpan(v)) : AppendNullValue();

    /// <summary>Appends a UUID.</summary>
    public DuckDBAppenderRow AppendValue(Guid? value) => value is { } v ? Do(() => appender.WriteGuid(v)) : AppendNullValue();

    /// <summary>Appends a value of any supported type, or NULL for null / DBNull.</summary>
    public DuckDBAppenderRow AppendValue(object? value) => value switch
    {
        null or DBNull => AppendNullValue(),
        bool v => AppendValue(v),
        sbyte v => AppendValue(v),
        byte v => AppendValue(v),
        short v => AppendValue(v),
        ushort v => AppendValue(v),
        int v => AppendValue(v),
        uint v => AppendValue(v),
        long v => AppendValue(v),
        ulong v => AppendValue(v),
        float v => AppendValue(v),
        double v => AppendValue(v),
        decimal v => AppendValue(v),
        BigInteger v => AppendValue(v),
        string v => AppendValue(v),
        byte[] v => AppendValue(v),
        DateOnly v => AppendValue(v),
        DateTime v => AppendValue(v),
        DateTimeOffset v => AppendValue(v),
        TimeOnly v => AppendValue(v),
        TimeSpan v => AppendValue(v),
        DuckDBInterval v => AppendValue(v),
        Guid v => AppendValue(v),
        _ => throw new NotSupportedException($"The appender cannot write a value of type {value.GetType().FullName}."),
    };

    /// <summary>Ends the row; fails when it does not have one value per column.</summary>
    public void EndRow() => appender.EndRow();

    private DuckDBAppenderRow Do(Action write)
    {
        write();
        return this;
    }
}
