using System.Text;
using IpWarehouse.DuckDb.Internal;

namespace IpWarehouse.DuckDb;

/// <summary>
/// Bulk-loads rows into a table: values are written into a native data chunk and handed to DuckDB a
/// whole chunk at a time (<c>duckdb_append_data_chunk</c>). The table's columns are checked when the
/// appender is created; <see cref="Dispose"/> (or <see cref="Close"/>) flushes what is left.
/// </summary>
/// <example><code>
/// using var appender = connection.CreateAppender("fact_case");
/// appender.CreateRow().AppendValue("CASE-1").AppendValue(new DateOnly(2024, 3, 1)).AppendNullValue().EndRow();
/// </code></example>
public sealed unsafe partial class DuckDBAppender : IDisposable
{
    private readonly string table;
    private readonly ColumnInfo[] columns;
    private readonly Dictionary<string, int>?[] enumIndexes;
    private readonly DuckDBAppenderRow row;
    private readonly int capacity;
    private readonly nint[] vectors;
    private readonly nint[] data;
    private readonly nint[] validity;
    private nint appender;
    private nint chunk;
    private int rowInChunk;
    private int column;
    private long rowsAppended;
    private byte[] textBuffer = new byte[256];

    internal DuckDBAppender(DuckDBConnection connection, string? schema, string table)
    {
        this.table = schema is null ? table : schema + "." + table;
        var native = connection.NativeConnection;
        var names = ColumnNames(connection, schema, table);

        using (var schemaText = Utf8.Pin(schema))
        using (var tableText = Utf8.Pin(table))
        {
            if (NativeMethods.AppenderCreateExt(native, null, schemaText.Pointer, tableText.Pointer, out appender) != NativeMethods.DuckDBSuccess)
            {
                var error = Utf8.FromNative(NativeMethods.AppenderError(appender)) ?? "unknown error";
                NativeMethods.AppenderDestroy(ref appender);
                throw new DuckDBException($"Cannot append to table '{this.table}': {error}", DuckDBErrorType.Catalog);
            }
        }

        var count = (int)NativeMethods.AppenderColumnCount(appender);
        columns = new ColumnInfo[count];
        enumIndexes = new Dictionary<string, int>?[count];
        var types = new nint[count];
        try
        {
            for (var i = 0; i < count; i++)
            {
                types[i] = NativeMethods.AppenderColumnType(appender, (ulong)i);
                columns[i] = ColumnInfo.FromLogicalType(i < names.Count ? names[i] : $"column{i}", types[i]);
                if (!CanAppend(columns[i].Type))
                {
                    throw new DuckDBException(
                        $"Table '{this.table}' column '{columns[i].Name}' has type {columns[i].TypeName}, which the appender cannot fill. " +
                        "Load such columns with INSERT … SELECT from a staging table instead.",
                        DuckDBErrorType.MismatchType);
                }
                if (columns[i].EnumValues is { } values)
                {
                    enumIndexes[i] = values.Select((v, index) => (v, index)).ToDictionary(p => p.v, p => p.index, StringComparer.Ordinal);
                }
            }
            fixed (nint* typePointers = types)
            {
                chunk = NativeMethods.CreateDataChunk(typePointers, (ulong)count);
            }
        }
        catch
        {
            NativeMethods.AppenderDestroy(ref appender);
            throw;
        }
        finally
        {
            for (var i = 0; i < count; i++)
            {
                if (types[i] != 0)
                {
                    NativeMethods.DestroyLogicalType(ref types[i]);
                }
            }
        }

        capacity = (int)NativeMethods.VectorSize();
        vectors = new nint[count];
        data = new nint[count];
        validity = new nint[count];
        RefreshVectors();
        row = new DuckDBAppenderRow(this);
    }

    /// <summary>The table this appender writes to.</summary>
    public string Table => table;

    /// <summary>Rows handed to DuckDB so far (including those still in the current chunk).</summary>
    public long RowsAppended => rowsAppended;

    /// <summary>Starts a row; give one value per column, in table order, then call <see cref="DuckDBAppenderRow.EndRow"/>.</summary>
    public DuckDBAppenderRow CreateRow()
    {
        ThrowIfClosed();
        if (column != 0)
        {
            throw new InvalidOperationException($"The previous row of '{table}' has {column} of {columns.Length} values and was not ended; call EndRow() first.");
        }
        return row;
    }

    /// <summary>Hands the rows collected so far to DuckDB.</summary>
    public void Flush()
    {
        ThrowIfClosed();
        FlushChunk();
        if (NativeMethods.AppenderFlush(appender) != NativeMethods.DuckDBSuccess)
        {
            throw AppenderFailure("flushing");
        }
    }

    /// <summary>Flushes and closes the appender; further rows are refused.</summary>
    public void Close()
    {
        if (appender == 0)
        {
            return;
        }
        try
        {
            FlushChunk();
            if (NativeMethods.AppenderClose(appender) != NativeMethods.DuckDBSuccess)
            {
                throw AppenderFailure("closing");
            }
        }
        finally
        {
            NativeMethods.DestroyDataChunk(ref chunk);
            NativeMethods.AppenderDestroy(ref appender);
        }
    }

    /// <summary>Flushes the remaining rows and releases the native appender.</summary>
    public void Dispose() => Close();

    internal void EndRow()
    {
        if (column != columns.Length)
        {
            var given = column;
            column = 0;
            throw new DuckDBException(
                $"Table '{table}' has {columns.Length} columns but {given} values were given (row {rowsAppended + 1}).",
                DuckDBErrorType.MismatchType);
        }
        column = 0;
        rowsAppended++;
        if (++rowInChunk == capacity)
        {
            FlushChunk();
        }
    }

    private void FlushChunk()
    {
        if (rowInChunk == 0)
        {
            return;
        }
        NativeMethods.DataChunkSetSize(chunk, (ulong)rowInChunk);
        if (NativeMethods.AppendDataChunk(appender, chunk) != NativeMethods.DuckDBSuccess)
        {
            throw AppenderFailure("appending a chunk");
        }
        NativeMethods.DataChunkReset(chunk);
        rowInChunk = 0;
        RefreshVectors();
    }

    private void RefreshVectors()
    {
        for (var i = 0; i < columns.Length; i++)
        {
            vectors[i] = NativeMethods.DataChunkGetVector(chunk, (ulong)i);
            data[i] = (nint)NativeMethods.VectorGetData(vectors[i]);
            validity[i] = 0;
        }
    }

    private DuckDBException AppenderFailure(string action)
    {
        var error = Utf8.FromNative(NativeMethods.AppenderError(appender)) ?? "unknown error";
        return new DuckDBException($"Appending to '{table}' failed while {action}: {error}", StatementSequence.Classify(error) is var t && t != DuckDBErrorType.Invalid ? t : DuckDBErrorType.Constraint);
    }

    private void ThrowIfClosed()
    {
        if (appender == 0)
        {
            throw new ObjectDisposedException(nameof(DuckDBAppender), $"The appender for '{table}' is closed.");
        }
    }

    private static bool CanAppend(DuckDBTypeId type) => type switch
    {
        DuckDBTypeId.Boolean or DuckDBTypeId.TinyInt or DuckDBTypeId.SmallInt or DuckDBTypeId.Integer or DuckDBTypeId.BigInt
            or DuckDBTypeId.UTinyInt or DuckDBTypeId.USmallInt or DuckDBTypeId.UInteger or DuckDBTypeId.UBigInt
            or DuckDBTypeId.HugeInt or DuckDBTypeId.Float or DuckDBTypeId.Double or DuckDBTypeId.Decimal
            or DuckDBTypeId.Varchar or DuckDBTypeId.Blob or DuckDBTypeId.Enum or DuckDBTypeId.Date or DuckDBTypeId.Time
            or DuckDBTypeId.Timestamp or DuckDBTypeId.TimestampTz or DuckDBTypeId.Interval or DuckDBTypeId.Uuid => true,
        _ => false,
    };

    private static List<string> ColumnNames(DuckDBConnection connection, string? schema, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = schema is null
            ? "SELECT column_name FROM duckdb_columns() WHERE table_name = $table AND schema_name = current_schema() ORDER BY column_index"
            : "SELECT column_name FROM duckdb_columns() WHERE table_name = $table AND schema_name = $schema ORDER BY column_index";
        command.Parameters.AddWithValue("table", table);
        if (schema is not null)
        {
            command.Parameters.AddWithValue("schema", schema);
        }
        var names = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }

    private static Encoding Utf8Encoding => Encoding.UTF8;
}
