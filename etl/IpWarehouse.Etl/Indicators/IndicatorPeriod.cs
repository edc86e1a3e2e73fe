using System.Globalization;

namespace IpWarehouse.Etl.Indicators;

/// <summary>
/// The period an indicator is asked for (INDICATORS.md, Periods): a whole year (<c>--year Y</c>), a year to date
/// (<c>--as-of D</c>) or a range of whole years (<c>--from-year A --to-year B</c>: flows summed over it, stocks at
/// its end, rates and shares from its totals, growth against the range of the same length before it).
/// </summary>
public sealed record IndicatorPeriod
{
    private IndicatorPeriod(int fromYear, int year, DateOnly? asOf)
    {
        FromYear = fromYear;
        Year = year;
        AsOf = asOf;
    }

    /// <summary>The first year covered: <see cref="Year"/> itself unless a range.</summary>
    public int FromYear { get; }

    /// <summary>The (last) year: the year of a whole year or year to date, a range's last year.</summary>
    public int Year { get; }

    /// <summary>The last day of a year to date; null for whole years.</summary>
    public DateOnly? AsOf { get; }

    /// <summary>True for a range of two or more whole years.</summary>
    public bool IsRange => FromYear < Year;

    /// <summary>How many years it spans (1 for a year or a year to date).</summary>
    public int Length => Year - FromYear + 1;

    /// <summary>The <c>period</c> of the mart rows: <c>year</c>, <c>ytd</c> or <c>A-B</c> (e.g. <c>2021-2023</c>).</summary>
    public string Name => AsOf is not null ? "ytd" : IsRange ? Range(FromYear, Year) : "year";

    /// <summary>The period of the same length just before: the year before, the same days a year before, the range before.</summary>
    public IndicatorPeriod Previous => AsOf is { } d ? new(Year - 1, Year - 1, d.AddYears(-1)) : new(FromYear - Length, Year - Length, null);

    /// <summary>A whole year.</summary>
    public static IndicatorPeriod WholeYear(int year) => new(year, year, null);

    /// <summary>The year to date at <paramref name="asOf"/>.</summary>
    public static IndicatorPeriod YearToDate(DateOnly asOf) => new(asOf.Year, asOf.Year, asOf);

    /// <summary>
    /// The whole years <paramref name="fromYear"/> .. <paramref name="toYear"/>; a one-year range is that year.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fromYear"/> is after <paramref name="toYear"/>.</exception>
    public static IndicatorPeriod Years(int fromYear, int toYear) =>
        fromYear <= toYear
            ? new(fromYear, toYear, null)
            : throw new ArgumentOutOfRangeException(nameof(fromYear), fromYear,
                $"The range {Range(fromYear, toYear)} ends before it starts: --from-year must not be after --to-year.");

    /// <summary>A whole year, a year to date (<paramref name="asOf"/> in <paramref name="year"/>) or a range from <paramref name="fromYear"/>.</summary>
    public static IndicatorPeriod Of(int year, DateOnly? asOf = null, int? fromYear = null) =>
        asOf is { } d ? YearToDate(d) : Years(fromYear ?? year, year);

    /// <inheritdoc />
    public override string ToString() => AsOf is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Name == "year" ? Year.ToString(CultureInfo.InvariantCulture) : Name;

    private static string Range(int from, int to) => string.Create(CultureInfo.InvariantCulture, $"{from}-{to}");
}
