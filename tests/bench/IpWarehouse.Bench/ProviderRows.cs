namespace IpWarehouse.Bench;

/// <summary>One row of the provider benchmark's table (see <see cref="ProviderRows.TableColumns"/>).</summary>
internal readonly record struct ProviderRow(
    long Id,
    int RegionCode,
    short Year,
    int Count,
    decimal Amount,
    double Rate,
    DateOnly ApplicationDate,
    DateOnly? GrantDate,
    string Applicant,
    string City);

/// <summary>
/// The benchmark's rows, computed from the row index alone (no pre-built arrays): the same index gives
/// the same row in every run, so the appender, the CSV file and the reader all see identical data.
/// </summary>
internal static class ProviderRows
{
    public const int ColumnCount = 10;

    public const string TableColumns =
        "id BIGINT, region_code INTEGER, year SMALLINT, count INTEGER, amount DECIMAL(18,2), rate DOUBLE, " +
        "application_date DATE, grant_date DATE, applicant VARCHAR, city VARCHAR";

    /// <summary>The same columns as a read_csv <c>columns</c> struct.</summary>
    public const string CsvColumns =
        "{'id': 'BIGINT', 'region_code': 'INTEGER', 'year': 'SMALLINT', 'count': 'INTEGER', 'amount': 'DECIMAL(18,2)', " +
        "'rate': 'DOUBLE', 'application_date': 'DATE', 'grant_date': 'DATE', 'applicant': 'VARCHAR', 'city': 'VARCHAR'}";

    public const string ColumnList =
        "id, region_code, year, count, amount, rate, application_date, grant_date, applicant, city";

    private const int FirstYear = 2000;
    private const int Years = 25;

    /// <summary>Rate has 20 fraction bits, so rate × 2^20 is an exact integer on both sides of the checksum.</summary>
    public const double RateScale = 1 << 20;

    private static readonly int[] NewYearDayNumbers =
        [.. Enumerable.Range(FirstYear, Years).Select(year => new DateOnly(year, 1, 1).DayNumber)];

    public static ProviderRow At(long index)
    {
        var h = Mix((ulong)index);
        var g = Mix(h);
        var region = ProviderPools.Regions[(int)(h % (ulong)ProviderPools.Regions.Length)];
        var yearOffset = (int)((h >> 8) % Years);
        var applied = NewYearDayNumbers[yearOffset] + (int)((g >> 20) % 365);
        // ~30 % of applications are not (yet) granted.
        DateOnly? granted = (g >> 32) % 10 < 3 ? null : DateOnly.FromDayNumber(applied + 180 + (int)((g >> 40) % 1100));
        return new ProviderRow(
            Id: index,
            RegionCode: region.Code,
            Year: (short)(FirstYear + yearOffset),
            Count: (int)((h >> 16) % 1000),
            Amount: new decimal((int)((h >> 24) % 100_000_000), 0, 0, isNegative: false, scale: 2),
            Rate: (g & 0xF_FFFF) / RateScale,
            ApplicationDate: DateOnly.FromDayNumber(applied),
            GrantDate: granted,
            Applicant: ProviderPools.Applicants[(int)((g >> 48) % (ulong)ProviderPools.Applicants.Length)],
            City: region.City);
    }

    /// <summary>SplitMix64's finaliser (Steele, Lea, Flood 2014): a cheap, well-spread hash of the index.</summary>
    private static ulong Mix(ulong x)
    {
        x += 0x9E37_79B9_7F4A_7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58_476D_1CE4_E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D0_49BB_1331_11EBUL;
        return x ^ (x >> 31);
    }
}
