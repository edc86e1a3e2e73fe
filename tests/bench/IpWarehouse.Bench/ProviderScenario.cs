using DuckDB.NET.Data;
using IpWarehouse.Etl.DuckDb;

namespace IpWarehouse.Bench;

/// <summary>
/// The .NET provider (DuckDB.NET.Data 1.5.6.1 since issue 11; our own provider in issue 2) against raw
/// DuckDB on the same rows, in one run. Per repeat, in a fresh database file: DuckDB.NET's DuckDBAppender
/// fills <c>t</c>; a hand-written C API appender (<see cref="Bench.RawAppender"/>) fills the same rows into a
/// second file, the floor any provider could reach; DuckDB's own read_csv loads the same rows (exported
/// from <c>t</c>, untimed) into <c>t_csv</c>; DuckDB.NET's DuckDBDataReader (streaming) scans <c>t</c> into
/// typed values; DuckDB scans <c>t</c> natively. Targets (issue 2): appender ≥ 5 M rows/s and ≤ 2 ×
/// read_csv's time; reader ≥ 20 M values/s.
/// </summary>
internal sealed partial class ProviderScenario(BenchOptions options)
{
    public const string Generator = "row generator alone (inside both appender figures)";
    public const string Appender = "DuckDBAppender";
    public const string RawAppender = "C API appender, hand-written (raw DuckDB)";
    public const string ReadCsv = "read_csv (raw DuckDB)";
    public const string Reader = "DuckDBDataReader (streaming), typed getters";
    public const string ReadOnly = "DuckDBDataReader (streaming), Read() only";
    public const string NativeScan = "native scan (raw DuckDB)";

    private readonly List<Measurement> measurements = [];

    public int Run()
    {
        var ownsDirectory = options.Directory is null;
        var directory = options.Directory is { } given ? Directory.CreateDirectory(given).FullName : Directory.CreateTempSubdirectory("ipwh-bench-").FullName;
        var csvPath = Path.Combine(directory, "rows.csv");
        try
        {
            Console.WriteLine(MachineInfo.Describe(options, directory));
            for (var repeat = 1; repeat <= options.Repeat; repeat++)
            {
                RunRepeat(repeat, Path.Combine(directory, $"provider-{repeat}.duckdb"), Path.Combine(directory, $"raw-{repeat}.duckdb"), csvPath);
            }
            Console.WriteLine(new ProviderReport(measurements, options).Render());
            Console.WriteLine($"- load average at end (1, 5, 15 min): {MachineInfo.LoadAverage()}");
            return 0;
        }
        finally
        {
            if (ownsDirectory)
            {
                Directory.Delete(directory, recursive: true);
            }
            else
            {
                File.Delete(csvPath);
            }
        }
    }

    private void RunRepeat(int repeat, string databasePath, string rawPath, string csvPath)
    {
        try
        {
            using (var connection = DuckDbFactory.Open(databasePath))
            {
                if (repeat == 1)
                {
                    Console.WriteLine($"- DuckDB settings (defaults, not changed): threads = {Scalar(connection, "SELECT current_setting('threads')")}, " +
                        $"memory_limit = {Scalar(connection, "SELECT current_setting('memory_limit')")}");
                    Console.WriteLine();
                }
                Console.Error.WriteLine($"[repeat {repeat}] generating, appending, loading the CSV, scanning …");
                Record(MeasureGenerator(repeat));
                Execute(connection, $"CREATE TABLE t ({ProviderRows.TableColumns})");
                Record(MeasureAppender(connection, repeat));
                Record(MeasureRawAppender(repeat, rawPath));
                if (!File.Exists(csvPath))
                {
                    // Untimed: read_csv must load exactly the rows the appender wrote.
                    Execute(connection, $"COPY t TO '{Quote(csvPath)}' (HEADER)");
                }
                Record(MeasureReadCsv(connection, repeat, csvPath));
                CheckSameRows(connection, repeat, rawPath);
                var readerChecksum = 0L;
                Record(MeasureReader(connection, repeat, sum => readerChecksum = sum));
                CheckReaderChecksum(connection, repeat, readerChecksum);
                Record(MeasureReadOnly(connection, repeat));
                Record(MeasureNativeScan(connection, repeat));
            }
        }
        finally
        {
            foreach (var file in new[] { databasePath, databasePath + ".wal", rawPath, rawPath + ".wal" })
            {
                File.Delete(file);
            }
        }
    }

    private void Record(Measurement measurement)
    {
        measurements.Add(measurement);
        Console.Error.WriteLine($"[repeat {measurement.Repeat}] {measurement.Phase}: {measurement.Seconds:0.000} s");
    }

    private static string Quote(string text) => text.Replace("'", "''", StringComparison.Ordinal);

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Scalar(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "NULL";
    }
}
