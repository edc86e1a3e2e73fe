namespace IpWarehouse.Etl.Sources.Internal;

/// What one byte pass over a UTF-8 CSV file found. Records are counted the way DuckDB's read_csv
/// counts them: RFC 4180 quoting, \n, \r\n or \r ending a record, empty lines skipped.
internal sealed class CsvScan
{
    /// Records found (blank lines excluded); DuckDB's rowid + 1 of a record is its ordinal here.
    public long Records { get; set; }

    /// The widest record, in fields.
    public int MaxFields { get; set; }

    /// The narrowest record, in fields (title rows above the header included). Equal to MaxFields
    /// when every record has the same shape, so the loader can skip the shape check.
    public int MinFields { get; set; } = int.MaxValue;

    /// A quoted field spans lines: DuckDB's parallel scanner must be off for this file.
    public bool HasQuotedNewline { get; set; }

    /// (record ordinal, line) wherever a record does not start on the line after the previous one's
    /// start: after blank lines and multi-line records. Always holds the first record. Sorted.
    public List<(long Record, long Line)> Breakpoints { get; } = [];

    /// The fields of the first records (for delimiter and header detection).
    public List<string[]> FirstRecords { get; } = [];

    /// Line of the first NUL byte, when there is one (the file is not text).
    public long? NulLine { get; set; }

    /// Line where a quoted field opens and never closes.
    public long? UnterminatedQuoteLine { get; set; }

    /// The scan stopped early (record or byte limit), so the counts cover a prefix only.
    public bool Truncated { get; set; }

    /// The line a record ordinal starts on, from the breakpoints.
    public long LineOf(long record)
    {
        var index = Breakpoints.BinarySearch((record, long.MaxValue), Comparer<(long Record, long Line)>.Create((a, b) => a.Record.CompareTo(b.Record)));
        if (index < 0)
        {
            index = ~index - 1;
        }
        if (index < 0)
        {
            return record;
        }
        var (start, line) = Breakpoints[index];
        return line + (record - start);
    }
}
