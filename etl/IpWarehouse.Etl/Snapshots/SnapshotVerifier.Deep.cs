using System.Data.Common;
using System.Diagnostics;
using IpWarehouse.Etl.Snapshots.Internal;

namespace IpWarehouse.Etl.Snapshots;

public static partial class SnapshotVerifier
{
    /// <summary>
    /// The footer check, then every value of every table decoded by Parquet.Net and summed up per column (count,
    /// nulls, min, max, sum or hash), compared with the same figures computed by DuckDB on <paramref name="reference"/>:
    /// the published tables (<paramref name="referenceIsWarehouse"/>) or the snapshot's own files read by DuckDB.
    /// Tables whose files did not pass the footer check are not decoded.
    /// </summary>
    public static async Task<SnapshotReport> VerifyDeepAsync(
        string folder, SnapshotExpectation expected, DbConnection reference, bool referenceIsWarehouse, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(reference);
        var watch = Stopwatch.StartNew();
        var footers = await VerifyAsync(folder, expected, cancellationToken).ConfigureAwait(false);
        var problems = footers.Problems.ToList();
        var comparisons = new List<ColumnComparison>();
        foreach (var table in expected.Tables)
        {
            var files = SnapshotFiles.Of(folder, table.Name);
            if (files.Count == 0 || footers.Problems.Any(p => p.Table == table.Name && p.Check is not ("row_count" or "metadata")))
            {
                continue;
            }
            var decoded = await ParquetFigures.ReadAsync(files, table.Columns, cancellationToken).ConfigureAwait(false);
            var source = referenceIsWarehouse
                ? $"main.{Sql.Identifier(table.Name)}"
                : $"read_parquet([{string.Join(", ", files.Select(Sql.Literal))}], hive_partitioning = false)";
            var computed = DuckDbFigures.Compute(reference, source, table.Columns);
            for (var c = 0; c < table.Columns.Count; c++)
            {
                if (decoded[c].Kind == FigureKind.NotCompared)
                {
                    continue;
                }
                var column = table.Columns[c];
                var comparison = new ColumnComparison(table.Name, column.Name, column.Type, decoded[c].ToFigures(), computed[c].ToFigures())
                {
                    Equal = decoded[c].SameAs(computed[c]),
                };
                comparisons.Add(comparison);
                if (!comparison.Equal)
                {
                    problems.Add(new(files.Count == 1 ? SnapshotFiles.Relative(folder, files[0]) : table.Name + "/", table.Name, column.Name, "values",
                        Describe(comparison.Reference), Describe(comparison.Parquet)));
                }
            }
        }
        return footers with
        {
            Problems = problems,
            Columns = comparisons,
            DeepComparedWith = referenceIsWarehouse ? expected.ComparedWith : "DuckDB read_parquet 读取同一批文件 the same files read by DuckDB",
            Elapsed = watch.Elapsed,
        };
    }

    private static string Describe(ColumnFigures f) =>
        $"count {f.Count}, nulls {f.Nulls}, min {f.Min ?? "-"}, max {f.Max ?? "-"}, sum {f.Sum ?? "-"}";
}
