using DuckDB.NET.Data;
using IpWarehouse.Etl.DuckDb;
using IpWarehouse.Etl.Snapshots;
using IpWarehouse.Etl.Warehouse;

namespace IpWarehouse.Etl.Loading;

/// Retention after each load (and <c>ipwh snapshots prune</c>): snapshots the rule of ipwh.json <c>snapshots.keep</c>
/// no longer keeps, then published versions past <c>loader.keepPublished</c>. Never the current publish, never a
/// pinned one; a version whose snapshot is still to be written stays while the rule keeps its snapshot.
public sealed partial class Loader
{
    /// <summary>
    /// <c>ipwh snapshots prune</c>: removes what retention no longer keeps and returns the snapshots removed (with the
    /// bytes freed) and the published versions removed. Waits for no load: one running is an error.
    /// </summary>
    public RetentionReport Prune(IProgress<LoadProgress>? progress = null)
    {
        paths.EnsureFolders();
        using var work = OpenWork();
        return ApplyRetention(progress);
    }

    private RetentionReport ApplyRetention(IProgress<LoadProgress>? progress)
    {
        var snapshots = snapshotRetention.Prune(paths, clock.GetUtcNow(), config.TimeZone);
        var versions = RemoveOldVersions(progress);
        var report = new RetentionReport(snapshots, versions);
        if (snapshots.Count + versions.Count > 0)
        {
            progress?.Report(new LoadProgress(null, "retention", report.Summary));
        }
        return report;
    }

    /// Versions past retention (loader.keepPublished) go once no process holds them; a held one stays for a later
    /// publish. The current, pinned ones and those whose snapshot is still to be written stay.
    private List<RemovedVersion> RemoveOldVersions(IProgress<LoadProgress>? progress)
    {
        if (PublishedMarker.Read(paths)?.BatchId is not { } current)
        {
            return [];
        }
        var entries = SnapshotLedger.Read(paths);
        var kept = snapshotRetention.Kept(entries, current, clock.GetUtcNow(), config.TimeZone);
        var stay = entries
            .Where(e => e.Pinned || (e.Status is SnapshotLedger.Pending or SnapshotLedger.Failed && kept.Contains(e.BatchId)))
            .Select(e => e.BatchId)
            .ToHashSet(StringComparer.Ordinal);
        var versions = Directory.EnumerateFiles(paths.PublishedFolder, "*.duckdb")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => name is not null && !name.StartsWith('.'))
            .ToList();
        var held = new List<string>();
        var removed = new List<RemovedVersion>();
        foreach (var batch in retention.Expired(versions!, current).Where(b => !stay.Contains(b)))
        {
            var file = paths.PublishedVersion(batch);
            try
            {
                var bytes = new FileInfo(file).Length;
                if (DuckDbFactory.DeleteUnlessHeld(file))
                {
                    removed.Add(new RemovedVersion(batch, bytes));
                }
                else
                {
                    held.Add(batch);
                }
            }
            catch (Exception e) when (e is DuckDBException or IOException or UnauthorizedAccessException)
            {
                // Removing an old version is housekeeping: the publish stands, a later one tries again.
                held.Add($"{batch} ({e.Message.Split('\n')[0]})");
            }
        }
        if (held.Count > 0)
        {
            progress?.Report(new LoadProgress(null, "retention",
                $"kept {held.Count} old published version(s) still in use; a later publish removes them: {string.Join(", ", held)}"));
        }
        return removed;
    }
}

/// <summary>What retention removed.</summary>
/// <param name="Snapshots">The snapshots removed (or never written because the rule no longer keeps them).</param>
/// <param name="Versions">The published versions removed.</param>
public sealed record RetentionReport(IReadOnlyList<PrunedSnapshot> Snapshots, IReadOnlyList<RemovedVersion> Versions)
{
    /// <summary>Bytes freed in all.</summary>
    public long Bytes => Snapshots.Sum(s => s.Bytes) + Versions.Sum(v => v.Bytes);

    /// <summary>One line: what went and the space freed.</summary>
    public string Summary =>
        $"保留策略 retention removed {Snapshots.Count(s => s.Snapshot is not null)} snapshot(s) " +
        $"[{string.Join(", ", Snapshots.Where(s => s.Snapshot is not null).Select(s => s.Snapshot))}]" +
        (Snapshots.Any(s => s.Snapshot is null) ? $", {Snapshots.Count(s => s.Snapshot is null)} unwritten" : "") +
        $" and {Versions.Count} published version(s) [{string.Join(", ", Versions.Select(v => v.BatchId))}], freeing {ByteSize(Bytes)}";

    /// <summary>Bytes as people read them (MB with one decimal, or GB).</summary>
    public static string ByteSize(long bytes) => bytes >= 1L << 30
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):F2} GB")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):F1} MB");
}

/// <summary>A published version retention removed.</summary>
/// <param name="BatchId">Its batch.</param>
/// <param name="Bytes">The bytes freed.</param>
public sealed record RemovedVersion(string BatchId, long Bytes);
