using System.Text;

namespace IpWarehouse.Bench;

/// <summary>
/// The appender baseline: the same rows through DuckDB's C API by hand, with nothing the provider adds
/// (no per-value type dispatch, nullable wrappers or checks). It writes each 2 048-row data chunk's
/// vectors directly — fixed-width values by pointer, text UTF-8-encoded per row like the provider does,
/// ≤ 12 bytes inline, longer through duckdb_unsafe_vector_assign_string_element_len (no second UTF-8
/// check of bytes .NET just encoded) — and hands chunks to duckdb_append_data_chunk. It uses its own
/// database instance, so it shares no state with the provider's.
/// </summary>
internal sealed unsafe class RawAppender : IDisposable
{
    /// DateOnly.DayNumber of 1970-01-01: DuckDB's DATE counts days from the Unix epoch.
    private const int UnixEpochDayNumber = 719_162;

    private nint database;
    private nint connection;
    private nint appender;
    private nint chunk;

    public RawAppender(string databasePath)
    {
        try
        {
            Open(databasePath);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    private void Open(string databasePath)
    {
        Check(RawDuckDb.Open(databasePath, out database), $"opening '{databasePath}'");
        Check(RawDuckDb.Connect(database, out connection), "connecting");
        Check(RawDuckDb.Query(connection, $"CREATE TABLE t ({ProviderRows.TableColumns})", null), "creating table t");
        Check(RawDuckDb.AppenderCreate(connection, null, "t", out appender), "creating the appender");
        var count = (int)RawDuckDb.AppenderColumnCount(appender);
        var types = new nint[count];
        for (var i = 0; i < count; i++)
        {
            types[i] = RawDuckDb.AppenderColumnType(appender, (ulong)i);
        }
        fixed (nint* typePointers = types)
        {
            chunk = RawDuckDb.CreateDataChunk(typePointers, (ulong)count);
        }
        for (var i = 0; i < count; i++)
        {
            RawDuckDb.DestroyLogicalType(ref types[i]);
        }
    }

    /// <summary>Appends rows [0, <paramref name="rows"/>) and closes the appender (flush and commit).</summary>
    public void AppendAndClose(long rows)
    {
        var capacity = (long)RawDuckDb.VectorSize();
        var text = new byte[Encoding.UTF8.GetMaxByteCount(64)];
        for (var start = 0L; start < rows; start += capacity)
        {
            var size = (int)Math.Min(capacity, rows - start);
            FillChunk(start, size, text);
            RawDuckDb.DataChunkSetSize(chunk, (ulong)size);
            Check(RawDuckDb.AppendDataChunk(appender, chunk), "appending a chunk");
            RawDuckDb.DataChunkReset(chunk);
        }
        Check(RawDuckDb.AppenderClose(appender), "closing the appender");
    }

    private void FillChunk(long start, int size, byte[] text)
    {
        var ids = (long*)Data(0);
        var regions = (int*)Data(1);
        var years = (short*)Data(2);
        var counts = (int*)Data(3);
        var amounts = (long*)Data(4); // DECIMAL(18,2) is stored as its unscaled BIGINT
        var rates = (double*)Data(5);
        var applied = (int*)Data(6); // DATE: days since 1970-01-01
        var granted = (int*)Data(7);
        var grantVector = RawDuckDb.DataChunkGetVector(chunk, 7);
        RawDuckDb.VectorEnsureValidityWritable(grantVector);
        var grantValid = RawDuckDb.VectorGetValidity(grantVector);
        var applicantVector = RawDuckDb.DataChunkGetVector(chunk, 8);
        var applicants = (RawDuckDb.StringValue*)RawDuckDb.VectorGetData(applicantVector);
        var cityVector = RawDuckDb.DataChunkGetVector(chunk, 9);
        var cities = (RawDuckDb.StringValue*)RawDuckDb.VectorGetData(cityVector);
        Span<int> bits = stackalloc int[4];
        for (var r = 0; r < size; r++)
        {
            var row = ProviderRows.At(start + r);
            ids[r] = row.Id;
            regions[r] = row.RegionCode;
            years[r] = row.Year;
            counts[r] = row.Count;
            decimal.GetBits(row.Amount, bits); // the generator's amounts are non-negative with scale 2
            amounts[r] = (uint)bits[0];
            rates[r] = row.Rate;
            applied[r] = row.ApplicationDate.DayNumber - UnixEpochDayNumber;
            if (row.GrantDate is { } grant)
            {
                granted[r] = grant.DayNumber - UnixEpochDayNumber;
                grantValid[r >> 6] |= 1UL << (r & 63);
            }
            else
            {
                grantValid[r >> 6] &= ~(1UL << (r & 63));
            }
            PutText(applicantVector, applicants, r, row.Applicant, text);
            PutText(cityVector, cities, r, row.City, text);
        }
    }

    private static void PutText(nint vector, RawDuckDb.StringValue* values, int r, string value, byte[] text)
    {
        var length = Encoding.UTF8.GetBytes(value, text);
        if (length <= 12)
        {
            var target = values + r;
            *target = default;
            target->Length = (uint)length;
            text.AsSpan(0, length).CopyTo(new Span<byte>((byte*)target + 4, 12));
            return;
        }
        fixed (byte* bytes = text)
        {
            RawDuckDb.UnsafeVectorAssignStringElementLen(vector, (ulong)r, bytes, (ulong)length);
        }
    }

    private void* Data(int column) => RawDuckDb.VectorGetData(RawDuckDb.DataChunkGetVector(chunk, (ulong)column));

    public void Dispose()
    {
        if (chunk != 0)
        {
            RawDuckDb.DestroyDataChunk(ref chunk);
        }
        if (appender != 0)
        {
            RawDuckDb.AppenderDestroy(ref appender);
        }
        if (connection != 0)
        {
            RawDuckDb.Disconnect(ref connection);
        }
        if (database != 0)
        {
            RawDuckDb.Close(ref database);
        }
    }

    private static void Check(int state, string action)
    {
        if (state != RawDuckDb.Success)
        {
            throw new InvalidOperationException($"DuckDB C API baseline failed while {action}.");
        }
    }
}
