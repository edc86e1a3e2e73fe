using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;
using IpWarehouse.Etl.DuckDb;
using IpWarehouse.Etl.Loading.Internal;
using IpWarehouse.Etl.Snapshots;
using IpWarehouse.Etl.Warehouse;

namespace IpWarehouse.Etl.Loading;

/// The snapshot follows the publish: Parquet files written from the published version (a file never written again),
/// verified by Parquet.Net, then manifest.json, then the folder renamed to its as-of name. Its status goes to the
/// ledger (snapshots/snapshots.json) and, for the current publish, to published.json. A failed or interrupted
/// snapshot is written by the next load (or by <c>ipwh snapshots write</c>); retention then prunes.
public sealed partial class Loader
{
    /// <summary>
    /// <c>ipwh snapshots write BATCH</c>: writes the snapshot of a publish whose snapshot failed or was interrupted
    /// (or writes it again), from its published version. Waits for no load: one running is an error.
    /// </summary>
    /// <exception cref="SnapshotException">The batch was never published, or its published version is gone.</exception>
    public SnapshotEntry WriteSnapshot(string batchId, IProgress<LoadProgress>? progress = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(batchId);
        var entry = SnapshotLedger.Find(paths, batchId) ?? throw new SnapshotException(
            $"没有批次 {batchId} 的发布 / No publish of batch {batchId} in {SnapshotLedger.FilePath(paths)}. 'ipwh snapshots list' shows the publishes and their snapshots.");
        if (!File.Exists(paths.PublishedVersion(batchId)))
        {
            throw new SnapshotException(
                $"批次 {batchId} 的发布版本已被删除，无法再写快照 / The published version of batch {batchId} ({paths.PublishedVersion(batchId)}) was removed by retention, " +
                "so its snapshot can no longer be written. Pin a publish ('ipwh snapshots pin') to keep its version and snapshot.");
        }
        paths.EnsureFolders();
        using var work = OpenWork(); // the load's lock: no load publishes or prunes meanwhile
        var written = WriteSnapshotOf(entry.BatchId, entry.AsOf, entry.PublishedAt, progress);
        return written.Status == SnapshotLedger.Written ? written : throw new SnapshotException(
            $"批次 {batchId} 的快照写入失败 / The snapshot of batch {batchId} failed again: {written.Message}");
    }

    /// Writes the snapshot of one publish and records how it went; a failure is recorded, not thrown: the publish stands.
    private SnapshotEntry WriteSnapshotOf(string batchId, DateTimeOffset asOf, DateTimeOffset? publishedAt, IProgress<LoadProgress>? progress)
    {
        progress?.Report(new LoadProgress(null, "snapshot", $"writing the Parquet snapshot of {batchId}"));
        SnapshotEntry entry;
        try
        {
            FaultInjection.Pause("snapshot");
            var (folder, verified) = WriteSnapshotFiles(batchId, asOf, progress);
            entry = new SnapshotEntry(batchId, asOf, publishedAt, SnapshotLedger.Written)
            {
                Snapshot = Path.GetFileName(folder),
                FinishedAt = clock.GetUtcNow(),
                Verification = verified,
                Bytes = SnapshotRetention.FolderBytes(folder),
            };
        }
        catch (Exception e) when (e is SnapshotException or DuckDBException or IOException or UnauthorizedAccessException)
        {
            entry = new SnapshotEntry(batchId, asOf, publishedAt, SnapshotLedger.Failed)
            {
                FinishedAt = clock.GetUtcNow(),
                Message = e.Message,
            };
            progress?.Report(new LoadProgress(null, "snapshot",
                $"快照写入失败 / the snapshot of {batchId} failed; the publish stands and the next load (or 'ipwh snapshots write {batchId}') writes it: {e.Message}"));
        }
        SnapshotLedger.Put(paths, entry);
        if (PublishedMarker.Read(paths) is { } marker && marker.BatchId == batchId)
        {
            (marker with
            {
                Snapshot = entry.Snapshot,
                SnapshotStatus = entry.Status,
                SnapshotFinishedAt = entry.FinishedAt,
                SnapshotVerification = entry.Verification ?? entry.Message,
            }).Write(paths);
        }
        return entry;
    }

    /// Snapshots of earlier publishes that failed or were interrupted (a kill after the publish), which retention still
    /// keeps: written now. <paramref name="attempted"/>, this load's own, was just tried.
    private void WriteMissingSnapshots(string attempted, IProgress<LoadProgress>? progress)
    {
        var entries = SnapshotLedger.Read(paths);
        var kept = snapshotRetention.Kept(entries, PublishedMarker.Read(paths)?.BatchId, clock.GetUtcNow(), config.TimeZone);
        foreach (var entry in entries.Where(e => e.BatchId != attempted && (e.Status is SnapshotLedger.Pending or SnapshotLedger.Failed) && kept.Contains(e.BatchId)))
        {
            if (File.Exists(paths.PublishedVersion(entry.BatchId)))
            {
                WriteSnapshotOf(entry.BatchId, entry.AsOf, entry.PublishedAt, progress);
            }
        }
    }

    /// Parquet per table; the large facts partitioned by year (Hive layout: fact_patent/year=2024/…). Returns the
    /// folder and what Parquet.Net verified.
    private (string Folder, string Verified) WriteSnapshotFiles(string batchId, DateTimeOffset asOf, IProgress<LoadProgress>? progress)
    {
        var local = TimeZoneInfo.ConvertTime(asOf, config.TimeZone);
        var name = local.ToString("yyyy-MM-dd'T'HHmmss", CultureInfo.InvariantCulture);
        var temp = Path.Combine(paths.Snapshots, $".tmp-{batchId}");
        if (Directory.Exists(temp))
        {
            Directory.Delete(temp, recursive: true);
        }
        Directory.CreateDirectory(temp);

        using var reader = DuckDbFactory.OpenInMemory(new DuckDbOptions { MemoryLimit = MemoryLimit, TempDirectory = Path.Combine(paths.Temp, "duckdb-spill") });
        using var published = DuckDbFactory.AttachReadOnly(reader, paths.PublishedVersion(batchId), "published");
        SqlScript.Execute(reader, "USE published");
        var expected = SnapshotExpectation.FromWarehouse(reader, PublishedTables, null, batchId, SnapshotMetadata.AsOfText(local), Schema.Version,
            "已发布的表 the published tables");
        var counts = expected.Tables.ToDictionary(t => t.Name, t => t.Rows, StringComparer.Ordinal);
        var metadata = SnapshotMetadataOption(batchId, local); // each file says its batch, as-of and schema version
        var years = KindModel.All.Where(m => m.SnapshotYear is not null).ToDictionary(m => m.Fact, m => m.SnapshotYear!);
        foreach (var table in PublishedTables)
        {
            if (years.TryGetValue(table, out var dateColumn) && counts[table] > 0)
            {
                SqlScript.Execute(reader,
                    $"COPY (SELECT *, year({dateColumn}) AS year FROM {table}) TO {Literal(Path.Combine(temp, table))} (FORMAT parquet, PARTITION_BY (year), {metadata})");
            }
            else
            {
                SqlScript.Execute(reader, $"COPY {table} TO {Literal(Path.Combine(temp, table + ".parquet"))} (FORMAT parquet, {metadata})");
            }
        }
        SqlScript.Execute(reader, "USE memory");

        // Parquet.Net reads the files back before the manifest is written: a mismatch fails the snapshot (Loader.Verify.cs).
        var report = VerifySnapshot(temp, expected, batchId, progress);
        FaultInjection.Pause("manifest");
        var manifest = new
        {
            as_of = local.ToString("o", CultureInfo.InvariantCulture),
            batch_id = batchId,
            schema_version = Schema.Version,
            published_database = Path.GetRelativePath(paths.Folder, paths.PublishedVersion(batchId)),
            partitioned_by_year = years.Keys.Where(t => counts.GetValueOrDefault(t) > 0).Order(StringComparer.Ordinal).ToArray(),
            tables = expected.Tables.ToDictionary(t => t.Name, t => new { rows = t.Rows, columns = t.Columns.Select(c => new { name = c.Name, type = c.Type }) }),
        };
        File.WriteAllText(Path.Combine(temp, "manifest.json"), JsonSerializer.Serialize(manifest, ManifestJson));

        var final = Path.Combine(paths.Snapshots, name);
        if (Directory.Exists(final) && ManifestBatch(final) == batchId)
        {
            Directory.Delete(final, recursive: true); // this batch's earlier snapshot, written again
        }
        else if (Directory.Exists(final))
        {
            final = Path.Combine(paths.Snapshots, $"{name}-{batchId}");
        }
        Directory.Move(temp, final);
        return (final, string.Create(CultureInfo.InvariantCulture,
            $"Parquet.Net: {report.Tables.Count} tables, {report.Files:N0} files, {report.Rows:N0} rows ({report.Elapsed.TotalSeconds:F2} s)"));
    }

    private static string? ManifestBatch(string folder)
    {
        try
        {
            return SnapshotManifest.Read(folder).BatchId;
        }
        catch (SnapshotException)
        {
            return null;
        }
    }

    private static readonly JsonSerializerOptions ManifestJson = new() { WriteIndented = true };
}
