using System.Collections;
using System.Data;
using System.Data.Common;
using IpWarehouse.DuckDb.Internal;

namespace IpWarehouse.DuckDb;

/// <summary>
/// Streams a query result chunk by chunk (<c>duckdb_fetch_chunk</c>); at most one chunk (2 048 rows)
/// is held at a time. Several statements in one command give several result sets (<see cref="NextResult"/>).
/// </summary>
public sealed unsafe partial class DuckDBDataReader : DbDataReader
{
    private readonly DuckDBCommand command;
    private readonly StatementSequence sequence;
    private readonly CommandBehavior behavior;
    private NativeResult? result;
    private ColumnInfo[] columns = [];
    private Dictionary<string, int>? ordinals;
    private nint chunk;
    private int chunkSize;
    private int row = -1;
    private nint[] data = [];
    private nint[] validity = [];
    private bool exhausted;
    private bool closed;

    internal DuckDBDataReader(DuckDBCommand command, StatementSequence sequence, CommandBehavior behavior)
    {
        this.command = command;
        this.sequence = sequence;
        this.behavior = behavior;
        Advance();
    }

    /// <inheritdoc />
    public override int Depth => 0;

    /// <inheritdoc />
    public override int FieldCount => columns.Length;

    /// <inheritdoc />
    public override bool HasRows
    {
        get
        {
            if (result is null)
            {
                return false;
            }
            return row >= 0 && row < chunkSize || EnsureRowAhead();
        }
    }

    /// <inheritdoc />
    public override bool IsClosed => closed;

    /// <inheritdoc />
    public override int RecordsAffected => sequence.RecordsAffected;

    /// <inheritdoc />
    public override object this[int ordinal] => GetValue(ordinal);

    /// <inheritdoc />
    public override object this[string name] => GetValue(GetOrdinal(name));

    /// <inheritdoc />
    public override bool Read()
    {
        if (result is null || !EnsureRowAhead())
        {
            return false;
        }
        row++;
        return true;
    }

    /// <inheritdoc />
    public override bool NextResult()
    {
        ReleaseResult();
        return Advance();
    }

    /// <inheritdoc />
    public override void Close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        try
        {
            ReleaseResult();
            sequence.RunRemaining();
        }
        finally
        {
            sequence.Dispose();
            if ((behavior & CommandBehavior.CloseConnection) != 0)
            {
                command.Connection?.Close();
            }
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Close();
        }
        base.Dispose(disposing);
    }

    /// <inheritdoc />
    public override string GetName(int ordinal) => Column(ordinal).Name;

    /// <inheritdoc />
    public override int GetOrdinal(string name)
    {
        ordinals ??= BuildOrdinals();
        if (ordinals.TryGetValue(name, out var ordinal))
        {
            return ordinal;
        }
        throw new IndexOutOfRangeException(
            $"The result has no column '{name}'. Its columns are: {string.Join(", ", columns.Select(c => c.Name))}.");
    }

    /// <inheritdoc />
    public override string GetDataTypeName(int ordinal) => Column(ordinal).TypeName;

    /// <inheritdoc />
    public override Type GetFieldType(int ordinal) => Column(ordinal).ClrType;

    /// <inheritdoc />
    public override IEnumerator GetEnumerator() => new DbEnumerator(this, closeReader: false);

    /// <inheritdoc />
    public override int GetValues(object[] values)
    {
        var count = Math.Min(values.Length, columns.Length);
        for (var i = 0; i < count; i++)
        {
            values[i] = GetValue(i);
        }
        return count;
    }

    /// <inheritdoc />
    public override DataTable GetSchemaTable()
    {
        var table = new DataTable("SchemaTable") { Locale = System.Globalization.CultureInfo.InvariantCulture };
        table.Columns.Add(SchemaTableColumn.ColumnName, typeof(string));
        table.Columns.Add(SchemaTableColumn.ColumnOrdinal, typeof(int));
        table.Columns.Add(SchemaTableColumn.ColumnSize, typeof(int));
        table.Columns.Add(SchemaTableColumn.NumericPrecision, typeof(short));
        table.Columns.Add(SchemaTableColumn.NumericScale, typeof(short));
        table.Columns.Add(SchemaTableColumn.DataType, typeof(Type));
        table.Columns.Add(SchemaTableColumn.AllowDBNull, typeof(bool));
        table.Columns.Add("DataTypeName", typeof(string));
        for (var i = 0; i < columns.Length; i++)
        {
            var column = columns[i];
            table.Rows.Add(
                column.Name,
                i,
                -1,
                column.Type == DuckDBTypeId.Decimal ? column.Width : DBNull.Value,
                column.Type == DuckDBTypeId.Decimal ? column.Scale : DBNull.Value,
                column.ClrType,
                true,
                column.TypeName);
        }
        return table;
    }

    private Dictionary<string, int> BuildOrdinals()
    {
        var map = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = columns.Length - 1; i >= 0; i--)
        {
            map[columns[i].Name] = i;
        }
        return map;
    }

    /// Moves to the next statement that returns rows; false when none is left.
    private bool Advance()
    {
        result = sequence.NextQueryResult();
        if (result is null)
        {
            columns = [];
            return false;
        }
        var count = (int)NativeMethods.ColumnCount(result.Pointer);
        columns = new ColumnInfo[count];
        for (var i = 0; i < count; i++)
        {
            var name = Utf8.FromNative(NativeMethods.ColumnName(result.Pointer, (ulong)i)) ?? $"column{i}";
            var logicalType = NativeMethods.ColumnLogicalType(result.Pointer, (ulong)i);
            try
            {
                columns[i] = ColumnInfo.FromLogicalType(name, logicalType);
            }
            finally
            {
                NativeMethods.DestroyLogicalType(ref logicalType);
            }
        }
        data = new nint[count];
        validity = new nint[count];
        ordinals = null;
        exhausted = false;
        row = -1;
        chunkSize = 0;
        return true;
    }

    /// True when a row follows the current one, fetching chunks as needed.
    private bool EnsureRowAhead()
    {
        while (row + 1 >= chunkSize)
        {
            if (exhausted)
            {
                return false;
            }
            if (chunk != 0)
            {
                NativeMethods.DestroyDataChunk(ref chunk);
            }
            chunk = result!.FetchChunk(sequence.Guard);
            if (chunk == 0)
            {
                exhausted = true;
                chunkSize = 0;
                row = -1;
                return false;
            }
            chunkSize = (int)NativeMethods.DataChunkGetSize(chunk);
            row = -1;
            for (var i = 0; i < columns.Length; i++)
            {
                var vector = NativeMethods.DataChunkGetVector(chunk, (ulong)i);
                data[i] = (nint)NativeMethods.VectorGetData(vector);
                validity[i] = (nint)NativeMethods.VectorGetValidity(vector);
            }
        }
        return true;
    }

    private void ReleaseResult()
    {
        if (chunk != 0)
        {
            NativeMethods.DestroyDataChunk(ref chunk);
        }
        result?.Dispose();
        result = null;
        chunkSize = 0;
        row = -1;
    }

    private ColumnInfo Column(int ordinal)
    {
        if ((uint)ordinal >= (uint)columns.Length)
        {
            throw new IndexOutOfRangeException($"Column ordinal {ordinal} is out of range; the result has {columns.Length} column(s).");
        }
        return columns[ordinal];
    }
}
