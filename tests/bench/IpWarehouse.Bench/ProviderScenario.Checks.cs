using System.Globalization;
using DuckDB.NET.Data;

namespace IpWarehouse.Bench;

/// Untimed checks that every phase handled the same rows: a benchmark of wrong results is worthless.
internal sealed partial class ProviderScenario
{
    private static string ChecksumSql(string table) =>
        $"SELECT CAST(count(*) AS VARCHAR) || ' rows, sum(hash(*)) = ' || CAST(sum(hash({ProviderRows.ColumnList})) AS VARCHAR) FROM {table}";

    /// The reader's checksum (<see cref="ReadTyped"/>) recomputed in SQL; DayNumber counts days from 0001-01-01.
    private static readonly string ReaderChecksumSql =
        "SELECT CAST(sum(id) + sum(region_code) + sum(year) + sum(count) + sum(CAST(amount * 100 AS BIGINT)) " +
        $"+ sum(CAST(rate * {ProviderRows.RateScale.ToString(CultureInfo.InvariantCulture)} AS BIGINT)) " +
        "+ sum(application_date - DATE '0001-01-01') + sum(grant_date - DATE '0001-01-01') " +
        "+ sum(length(applicant)) + sum(length(city)) AS BIGINT) FROM t";

    private void CheckSameRows(DuckDBConnection connection, int repeat, string rawPath)
    {
        var appended = Scalar(connection, ChecksumSql("t"));
        var loaded = Scalar(connection, ChecksumSql("t_csv"));
        Execute(connection, $"ATTACH '{Quote(rawPath)}' AS raw (READ_ONLY)");
        var raw = Scalar(connection, ChecksumSql("raw.t"));
        Execute(connection, "DETACH raw");
        if (appended != loaded || appended != raw)
        {
            throw new InvalidOperationException(
                $"Repeat {repeat}: the tables differ (appender t: {appended}; read_csv t_csv: {loaded}; C API raw.t: {raw}). The timings are not comparable.");
        }
        if (!appended.StartsWith(options.Rows.ToString(CultureInfo.InvariantCulture) + " rows", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Repeat {repeat}: expected {options.Rows} rows in t, found {appended}.");
        }
        Console.WriteLine($"- repeat {repeat}: t (DuckDBAppender), t_csv (read_csv) and raw.t (C API) match: {appended}");
    }

    private static void CheckReaderChecksum(DuckDBConnection connection, int repeat, long readerChecksum)
    {
        var expected = Scalar(connection, ReaderChecksumSql);
        var actual = readerChecksum.ToString(CultureInfo.InvariantCulture);
        if (expected != actual)
        {
            throw new InvalidOperationException($"Repeat {repeat}: DuckDBDataReader's checksum {actual} differs from SQL's {expected}.");
        }
        Console.WriteLine($"- repeat {repeat}: DuckDBDataReader's typed checksum matches SQL's: {actual}");
    }

    private void CheckRowCount(string phase, long rows)
    {
        if (rows != options.Rows)
        {
            throw new InvalidOperationException($"{phase} read {rows} rows; the table has {options.Rows}.");
        }
    }
}
