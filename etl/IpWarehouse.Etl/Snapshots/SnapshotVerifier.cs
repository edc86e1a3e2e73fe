using System.Diagnostics;
using IpWarehouse.Etl.Snapshots.Internal;

namespace IpWarehouse.Etl.Snapshots;

/// <summary>
/// Verifies a Parquet snapshot with Parquet.Net, an implementation independent of the DuckDB that wrote it:
/// each file's footer is opened; its column names and types must equal the published table's, the rows of a
/// table's files (summed over the year partitions) must equal the table's, and each file must carry the batch's
/// key/value metadata. Every publish runs this before it writes <c>manifest.json</c>; <c>ipwh snapshots verify</c>
/// runs it on any snapshot, and with <c>--deep</c> also decodes every value.
/// </summary>
public static partial class SnapshotVerifier
{
    /// <summary>Checks the footers of every file in <paramref name="folder"/> against <paramref name="expected"/>.</summary>
    public static async Task<SnapshotReport> VerifyAsync(string folder, SnapshotExpectation expected, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(expected);
        var watch = Stopwatch.StartNew();
        var problems = new List<SnapshotProblem>();
        var tables = new List<SnapshotTableCheck>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in expected.Tables)
        {
            var files = SnapshotFiles.Of(folder, table.Name);
            seen.UnionWith(files);
            if (files.Count == 0)
            {
                problems.Add(new($"{table.Name}.parquet", table.Name, null, "file_missing", $"{table.Name}.parquet or {table.Name}/year=…/*.parquet", "no file"));
            }
            long rows = 0;
            var unreadable = false;
            foreach (var file in files)
            {
                var name = SnapshotFiles.Relative(folder, file);
                ParquetFooter footer;
                try
                {
                    footer = await ParquetFooter.ReadAsync(file, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Whatever Parquet.Net cannot read is a snapshot nobody else should trust either.
                    problems.Add(new(name, table.Name, null, "unreadable", "a Parquet file", $"{e.GetType().Name}: {e.Message}"));
                    unreadable = true;
                    continue;
                }
                CompareColumns(name, table, footer.Columns, problems);
                CompareMetadata(name, table.Name, expected.Metadata, footer.Metadata, problems);
                rows += footer.Rows;
            }
            if (files.Count > 0 && !unreadable && rows != table.Rows)
            {
                var where = files.Count == 1 ? SnapshotFiles.Relative(folder, files[0]) : table.Name + "/";
                problems.Add(new(where, table.Name, null, "row_count", $"{SnapshotExpectation.Count(table.Rows)} rows",
                    $"{SnapshotExpectation.Count(rows)} rows{(files.Count > 1 ? $" in {files.Count} files" : "")}"));
            }
            tables.Add(new SnapshotTableCheck(table.Name, files.Count, rows, table.Rows, table.Columns.Count));
        }
        foreach (var file in SnapshotFiles.All(folder).Where(f => !seen.Contains(f)))
        {
            var name = SnapshotFiles.Relative(folder, file);
            problems.Add(new(name, name.Split('/')[0].Replace(".parquet", "", StringComparison.Ordinal), null, "file_unexpected",
                "only the published tables' files", "a file of no published table"));
        }
        return new SnapshotReport(folder, expected, tables, problems, watch.Elapsed);
    }

    /// Same number of columns: compared position by position, so a renamed column is named as such. A different
    /// number: compared by name (missing, extra), then the types of the names both have.
    private static void CompareColumns(string file, SnapshotTable table, IReadOnlyList<SnapshotColumn> found, List<SnapshotProblem> problems)
    {
        var expected = table.Columns;
        if (found.Count == expected.Count)
        {
            for (var i = 0; i < expected.Count; i++)
            {
                if (!string.Equals(expected[i].Name, found[i].Name, StringComparison.Ordinal))
                {
                    problems.Add(new(file, table.Name, expected[i].Name, "column_name", $"column {i + 1} named {expected[i].Name}", $"{found[i].Name}"));
                }
                else
                {
                    CompareType(file, table.Name, expected[i], found[i], problems);
                }
            }
            return;
        }
        var byName = found.ToDictionary(c => c.Name, StringComparer.Ordinal);
        foreach (var column in expected)
        {
            if (byName.TryGetValue(column.Name, out var match))
            {
                CompareType(file, table.Name, column, match, problems);
            }
            else
            {
                problems.Add(new(file, table.Name, column.Name, "column_missing", $"{column.Name} {column.Type}", $"no such column among the file's {found.Count}"));
            }
        }
        var known = expected.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var column in found.Where(c => !known.Contains(c.Name)))
        {
            problems.Add(new(file, table.Name, column.Name, "column_extra", $"the table's {expected.Count} columns", $"{column.Name} {column.Type}"));
        }
    }

    private static void CompareType(string file, string table, SnapshotColumn expected, SnapshotColumn found, List<SnapshotProblem> problems)
    {
        var written = ParquetTypes.AsWritten(expected.Type);
        if (!string.Equals(written, found.Type, StringComparison.Ordinal))
        {
            var asWritten = string.Equals(written, expected.Type, StringComparison.OrdinalIgnoreCase) ? "" : $" (written to Parquet as {written})";
            problems.Add(new(file, table, expected.Name, "column_type", expected.Type + asWritten, found.Type));
        }
    }

    private static void CompareMetadata(string file, string table, IReadOnlyDictionary<string, string> expected, IReadOnlyDictionary<string, string> found, List<SnapshotProblem> problems)
    {
        foreach (var key in SnapshotMetadata.Keys)
        {
            var value = expected[key];
            if (!found.TryGetValue(key, out var actual))
            {
                problems.Add(new(file, table, null, "metadata", $"{key}={value}", $"no {key}"));
            }
            else if (!string.Equals(actual, value, StringComparison.Ordinal))
            {
                problems.Add(new(file, table, null, "metadata", $"{key}={value}", $"{key}={actual}"));
            }
        }
    }
}
