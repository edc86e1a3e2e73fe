using DuckDB.NET.Data;

namespace IpWarehouse.Bench;

/// The timed phases. Each runs inside <see cref="Meter.Measure"/>; setup and checks stay outside it.
internal sealed partial class ProviderScenario
{
    private static long sink;

    /// What the appender's figure includes besides the provider: computing the rows themselves.
    private Measurement MeasureGenerator(int repeat) =>
        Meter.Measure(Generator, repeat, options.Rows, options.Rows * ProviderRows.ColumnCount, () =>
        {
            var sum = 0L;
            for (var i = 0L; i < options.Rows; i++)
            {
                var row = ProviderRows.At(i);
                sum += row.Id + row.RegionCode + row.Year + row.Count + decimal.ToInt64(row.Amount) + (long)row.Rate
                    + row.ApplicationDate.DayNumber + (row.GrantDate?.DayNumber ?? 0) + row.Applicant.Length + row.City.Length;
            }
            sink = sum;
        });

    /// Only the append loop and the final flush are timed (the appender is created before).
    private Measurement MeasureAppender(DuckDBConnection connection, int repeat)
    {
        var appender = connection.CreateAppender("t");
        try
        {
            return Meter.Measure(Appender, repeat, options.Rows, options.Rows * ProviderRows.ColumnCount, () =>
            {
                // AppendRow with a state, as the product's staging does: DuckDB.NET reuses one row object.
                for (var i = 0L; i < options.Rows; i++)
                {
                    appender.AppendRow(ProviderRows.At(i), static (cells, row) => cells
                        .AppendValue(row.Id)
                        .AppendValue(row.RegionCode)
                        .AppendValue(row.Year)
                        .AppendValue(row.Count)
                        .AppendValue(row.Amount)
                        .AppendValue(row.Rate)
                        .AppendValue(row.ApplicationDate)
                        .AppendValue(row.GrantDate)
                        .AppendValue(row.Applicant)
                        .AppendValue(row.City));
                }
                appender.Dispose();
            });
        }
        finally
        {
            appender.Dispose();
        }
    }

    /// Only the append loop and the close are timed, as for the provider.
    private Measurement MeasureRawAppender(int repeat, string rawPath)
    {
        using var raw = new RawAppender(rawPath);
        return Meter.Measure(RawAppender, repeat, options.Rows, options.Rows * ProviderRows.ColumnCount, () => raw.AppendAndClose(options.Rows));
    }

    private Measurement MeasureReadCsv(DuckDBConnection connection, int repeat, string csvPath) =>
        Meter.Measure(ReadCsv, repeat, options.Rows, options.Rows * ProviderRows.ColumnCount, () => Execute(connection,
            $"CREATE TABLE t_csv AS SELECT * FROM read_csv('{Quote(csvPath)}', header = true, columns = {ProviderRows.CsvColumns})"));

    /// Every column through its typed getter, folded into a checksum that SQL can recompute
    /// (<see cref="CheckReaderChecksum"/>), so no read can be skipped and every read is checked.
    private Measurement MeasureReader(DuckDBConnection connection, int repeat, Action<long> checksum) =>
        Meter.Measure(Reader, repeat, options.Rows, options.Rows * ProviderRows.ColumnCount, () =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT * FROM t";
            command.UseStreamingMode = true; // as the product reads large results
            using var reader = command.ExecuteReader();
            var (rows, sum) = ReadTyped(reader);
            CheckRowCount(Reader, rows);
            checksum(sum);
        });

    private static (long Rows, long Sum) ReadTyped(DuckDBDataReader reader)
    {
        Span<int> bits = stackalloc int[4];
        var rows = 0L;
        var sum = 0L;
        while (reader.Read())
        {
            rows++;
            sum += reader.GetInt64(0);
            sum += reader.GetInt32(1);
            sum += reader.GetInt16(2);
            sum += reader.GetInt32(3);
            // The unscaled DECIMAL(18,2) value: amount × 100 without decimal arithmetic.
            decimal.GetBits(reader.GetDecimal(4), bits);
            sum += (uint)bits[0];
            sum += (long)(reader.GetDouble(5) * ProviderRows.RateScale);
            sum += reader.GetFieldValue<DateOnly>(6).DayNumber;
            if (!reader.IsDBNull(7))
            {
                sum += reader.GetFieldValue<DateOnly>(7).DayNumber;
            }
            sum += reader.GetString(8).Length;
            sum += reader.GetString(9).Length;
        }
        return (rows, sum);
    }

    /// The reader's floor: DuckDB producing the chunks and the provider fetching them, no values read.
    private Measurement MeasureReadOnly(DuckDBConnection connection, int repeat) =>
        Meter.Measure(ReadOnly, repeat, options.Rows, 0, () =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT * FROM t";
            command.UseStreamingMode = true; // as the product reads large results
            using var reader = command.ExecuteReader();
            var rows = 0L;
            while (reader.Read())
            {
                rows++;
            }
            CheckRowCount(ReadOnly, rows);
        });

    /// DuckDB touching every value of <c>t</c> itself (hash of all columns), on its own threads.
    private Measurement MeasureNativeScan(DuckDBConnection connection, int repeat) =>
        Meter.Measure(NativeScan, repeat, options.Rows, options.Rows * ProviderRows.ColumnCount, () =>
            sink = Scalar(connection, ChecksumSql("t")).Length);
}
