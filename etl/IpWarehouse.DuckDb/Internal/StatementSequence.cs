using System.Runtime.InteropServices;

namespace IpWarehouse.DuckDb.Internal;

/// The statements of one command text, executed in order. Statements that change rows add to
/// RecordsAffected; a statement that returns rows is handed out as a streaming result.
internal sealed unsafe class StatementSequence : IDisposable
{
    private readonly DuckDBConnection connection;
    private readonly DuckDBParameterCollection parameters;
    private readonly QueryGuard guard;
    private nint extracted;
    private readonly int count;
    private int next;

    internal StatementSequence(DuckDBConnection connection, string sql, DuckDBParameterCollection parameters, QueryGuard guard)
    {
        this.connection = connection;
        this.parameters = parameters;
        this.guard = guard;
        using var text = Utf8.Pin(sql);
        count = (int)NativeMethods.ExtractStatements(connection.NativeConnection, text.Pointer, out extracted);
        if (count == 0)
        {
            var error = Utf8.FromNative(NativeMethods.ExtractStatementsError(extracted));
            NativeMethods.DestroyExtracted(ref extracted);
            throw new DuckDBException(error ?? "The command text contains no SQL statement.", Classify(error));
        }
    }

    internal int RecordsAffected { get; private set; } = -1;

    internal QueryGuard Guard => guard;

    /// Runs statements until one returns rows; null when every statement has run.
    internal NativeResult? NextQueryResult()
    {
        while (next < count)
        {
            var result = Execute(next++);
            switch (result.ReturnType)
            {
                case DuckDBResultType.QueryResult:
                    return result;
                case DuckDBResultType.ChangedRows:
                    RecordsAffected = Math.Max(RecordsAffected, 0) + (int)result.ReadChangedRows(guard);
                    result.Dispose();
                    break;
                default:
                    result.Dispose();
                    break;
            }
        }
        return null;
    }

    /// Runs every remaining statement, discarding rows.
    internal void RunRemaining()
    {
        while (NextQueryResult() is { } result)
        {
            result.Dispose();
        }
    }

    private NativeResult Execute(int index)
    {
        var native = connection.NativeConnection;
        if (NativeMethods.PrepareExtractedStatement(native, extracted, (ulong)index, out var prepared) != NativeMethods.DuckDBSuccess)
        {
            var error = Utf8.FromNative(NativeMethods.PrepareError(prepared)) ?? "unknown error";
            NativeMethods.DestroyPrepare(ref prepared);
            throw guard.Translate(new DuckDBException(error, Classify(error)));
        }
        try
        {
            ParameterBinder.Bind(prepared, parameters);
        }
        catch
        {
            NativeMethods.DestroyPrepare(ref prepared);
            throw;
        }

        var result = new NativeResult(prepared);
        if (NativeMethods.ExecutePreparedStreaming(prepared, result.Pointer) != NativeMethods.DuckDBSuccess)
        {
            var exception = result.Error();
            result.Dispose();
            throw guard.Translate(exception);
        }
        return result;
    }

    /// A best guess at the class of an error raised before a result exists (parsing, preparing).
    internal static DuckDBErrorType Classify(string? message)
    {
        if (message is null)
        {
            return DuckDBErrorType.Invalid;
        }
        foreach (var (prefix, type) in Prefixes)
        {
            if (message.StartsWith(prefix, StringComparison.Ordinal))
            {
                return type;
            }
        }
        return DuckDBErrorType.Invalid;
    }

    private static readonly (string Prefix, DuckDBErrorType Type)[] Prefixes =
    [
        ("Parser Error", DuckDBErrorType.Parser),
        ("Syntax Error", DuckDBErrorType.Syntax),
        ("Binder Error", DuckDBErrorType.Binder),
        ("Catalog Error", DuckDBErrorType.Catalog),
        ("Conversion Error", DuckDBErrorType.Conversion),
        ("Constraint Error", DuckDBErrorType.Constraint),
        ("Invalid Input Error", DuckDBErrorType.InvalidInput),
        ("Permission Error", DuckDBErrorType.Permission),
        ("Not implemented Error", DuckDBErrorType.NotImplemented),
        ("INTERRUPT Error", DuckDBErrorType.Interrupt),
        ("IO Error", DuckDBErrorType.IO),
    ];

    public void Dispose()
    {
        if (extracted != 0)
        {
            NativeMethods.DestroyExtracted(ref extracted);
        }
        guard.Dispose();
    }
}

/// A `duckdb_result` in native memory (its address must not move) and the prepared statement it came from.
internal sealed unsafe class NativeResult : IDisposable
{
    private nint prepared;

    internal NativeResult(nint prepared)
    {
        this.prepared = prepared;
        Pointer = (DuckDBResultStruct*)NativeMemory.AllocZeroed((nuint)sizeof(DuckDBResultStruct));
    }

    internal DuckDBResultStruct* Pointer { get; private set; }

    internal DuckDBResultType ReturnType => (DuckDBResultType)NativeMethods.ResultReturnType(*Pointer);

    internal DuckDBException Error()
    {
        var message = Utf8.FromNative(NativeMethods.ResultError(Pointer)) ?? "unknown error";
        var type = (DuckDBErrorType)NativeMethods.ResultErrorType(Pointer);
        return new DuckDBException(message, type);
    }

    /// The next chunk, or 0 at the end; an error raised while streaming becomes an exception.
    internal nint FetchChunk(QueryGuard guard)
    {
        var chunk = NativeMethods.FetchChunk(*Pointer);
        if (chunk == 0 && NativeMethods.ResultError(Pointer) != null)
        {
            throw guard.Translate(Error());
        }
        return chunk;
    }

    /// The count a CHANGED_ROWS result carries in its single BIGINT cell. Read from the chunk because
    /// duckdb_rows_changed assumes a materialized result and this one may be streaming.
    internal long ReadChangedRows(QueryGuard guard)
    {
        var chunk = FetchChunk(guard);
        if (chunk == 0)
        {
            return 0;
        }
        try
        {
            if (NativeMethods.DataChunkGetSize(chunk) == 0)
            {
                return 0;
            }
            var vector = NativeMethods.DataChunkGetVector(chunk, 0);
            return *(long*)NativeMethods.VectorGetData(vector);
        }
        finally
        {
            NativeMethods.DestroyDataChunk(ref chunk);
        }
    }

    public void Dispose()
    {
        if (Pointer != null)
        {
            NativeMethods.DestroyResult(Pointer);
            NativeMemory.Free(Pointer);
            Pointer = null;
        }
        if (prepared != 0)
        {
            NativeMethods.DestroyPrepare(ref prepared);
        }
    }
}
