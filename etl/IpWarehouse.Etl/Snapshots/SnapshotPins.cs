using IpWarehouse.Etl.Warehouse;

namespace IpWarehouse.Etl.Snapshots;

/// <summary><c>ipwh snapshots pin|unpin</c>: a pinned publish keeps its snapshot and its published version whatever the retention rule says.</summary>
public static class SnapshotPins
{
    /// <summary>
    /// Pins (or with <paramref name="pinned"/> false unpins) the publish named by <paramref name="asOf"/>: a snapshot's
    /// folder name or its start (a day: the latest of that day), or a batch id. Returns the entry as it is now.
    /// </summary>
    /// <exception cref="SnapshotException">Nothing matches, or the snapshot was already removed.</exception>
    public static SnapshotEntry Set(WarehousePaths paths, string asOf, bool pinned, string? note)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(asOf);
        var wanted = asOf.Trim();
        return SnapshotLedger.Update(paths, entries =>
        {
            var index = entries.FindLastIndex(e => e.BatchId == wanted || e.Snapshot == wanted);
            if (index < 0)
            {
                index = entries.FindLastIndex(e => e.Status != SnapshotLedger.Removed &&
                    (e.Snapshot?.StartsWith(wanted, StringComparison.Ordinal) == true || e.BatchId.StartsWith(wanted, StringComparison.Ordinal)));
            }
            if (index < 0)
            {
                var live = entries.Where(e => e.Status != SnapshotLedger.Removed).TakeLast(10).Select(e => e.Snapshot ?? e.BatchId);
                throw new SnapshotException(
                    $"没有与 {wanted} 对应的快照 / No snapshot matches '{wanted}'. Give a snapshot's name, its start (a day such as 2026-11-21) or a batch id; " +
                    $"'ipwh snapshots list' shows them all. The latest: {string.Join(", ", live)}.");
            }
            var entry = entries[index];
            if (pinned && entry.Status == SnapshotLedger.Removed)
            {
                throw new SnapshotException(
                    $"快照 {entry.Snapshot ?? entry.BatchId} 已被清理，无法固定 / The snapshot of batch {entry.BatchId} was removed by retention ({entry.FinishedAt:yyyy-MM-dd}); it cannot be pinned.");
            }
            entries[index] = entry with { Pinned = pinned, Note = pinned ? note ?? entry.Note : null };
            return entries[index];
        });
    }
}
