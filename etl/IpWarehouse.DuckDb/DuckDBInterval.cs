namespace IpWarehouse.DuckDb;

/// <summary>DuckDB's INTERVAL: months, days and microseconds kept apart, as DuckDB keeps them.</summary>
/// <param name="Months">Whole months.</param>
/// <param name="Days">Whole days.</param>
/// <param name="Micros">Microseconds.</param>
public readonly record struct DuckDBInterval(int Months, int Days, long Micros)
{
    /// <summary>The interval as a <see cref="TimeSpan"/>; fails when it has months, whose length varies.</summary>
    public TimeSpan ToTimeSpan() => Months == 0
        ? TimeSpan.FromDays(Days) + TimeSpan.FromMicroseconds(Micros)
        : throw new InvalidCastException($"An interval of {Months} month(s) has no fixed length and cannot become a TimeSpan.");

    /// <summary>An interval of days and microseconds from a <see cref="TimeSpan"/>.</summary>
    public static DuckDBInterval FromTimeSpan(TimeSpan value)
    {
        var days = value.Days;
        var micros = (value - TimeSpan.FromDays(days)).Ticks / TimeSpan.TicksPerMicrosecond;
        return new DuckDBInterval(0, days, micros);
    }
}
