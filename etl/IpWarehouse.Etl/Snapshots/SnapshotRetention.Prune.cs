using IpWarehouse.Etl.Warehouse;

namespace IpWarehouse.Etl.Snapshots;

public sealed partial record SnapshotRetention
{
    /// <summary>
    /// Removes the snapshots this rule no longer keeps (never the current publish's, never a pinned one) and marks
    /// them <c>removed</c> in the ledger; a pending or failed snapshot the rule no longer keeps is marked removed
    /// without being written. Returns what went, with the bytes freed.
    /// </summary>
    public IReadOnlyList<PrunedSnapshot> Prune(WarehousePaths paths, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var current = PublishedMarker.Read(paths)?.BatchId;
        return SnapshotLedger.Update(paths, entries =>
        {
            var kept = Kept(entries, current, now, zone);
            var pruned = new List<PrunedSnapshot>();
            for (var i = 0; i < entries.Count; i++)
            {
                var entry = entries[i];
                if (entry.Status == SnapshotLedger.Removed || kept.Contains(entry.BatchId))
                {
                    continue;
                }
                var folder = entry.Snapshot is null ? null : Path.Combine(paths.Snapshots, entry.Snapshot);
                long bytes = 0;
                if (folder is not null && Directory.Exists(folder))
                {
                    bytes = FolderBytes(folder);
                    // Renamed first, so a reader never finds half a snapshot under its name.
                    var doomed = Path.Combine(paths.Snapshots, $".removing-{entry.BatchId}");
                    Directory.Move(folder, doomed);
                    Directory.Delete(doomed, recursive: true);
                }
                entries[i] = entry with
                {
                    Status = SnapshotLedger.Removed,
                    FinishedAt = now,
                    Message = entry.Status == SnapshotLedger.Written
                        ? $"retention {this}: removed"
                        : $"retention {this}: no longer kept, so never written (it was {entry.Status})",
                };
                pruned.Add(new PrunedSnapshot(entry.BatchId, entry.Snapshot, entry.Status, bytes));
            }
            return (IReadOnlyList<PrunedSnapshot>)pruned;
        });
    }

    /// <summary>The bytes of the files under <paramref name="folder"/>.</summary>
    public static long FolderBytes(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
}

/// <summary>A snapshot retention removed.</summary>
/// <param name="BatchId">Its batch.</param>
/// <param name="Snapshot">Its folder name, or null when it was never written.</param>
/// <param name="Status">Its status before: <c>written</c>, or <c>pending</c>/<c>failed</c> for one never written.</param>
/// <param name="Bytes">The bytes freed.</param>
public sealed record PrunedSnapshot(string BatchId, string? Snapshot, string Status, long Bytes);
