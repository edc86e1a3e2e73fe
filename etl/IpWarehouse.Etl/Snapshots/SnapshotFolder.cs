using IpWarehouse.Etl.Warehouse;

namespace IpWarehouse.Etl.Snapshots;

/// <summary>One snapshot folder of a warehouse (<c>warehouse/snapshots/&lt;as-of&gt;</c>) and its manifest.</summary>
/// <param name="Name">The folder name: the as-of time in the configured zone, e.g. <c>2026-11-21T020000</c>.</param>
/// <param name="Path">The folder.</param>
public sealed record SnapshotFolder(string Name, string Path)
{
    /// <summary>Its manifest.</summary>
    public SnapshotManifest ReadManifest() => SnapshotManifest.Read(Path);

    /// <summary>The complete snapshots of a warehouse (folders being written start with a dot), oldest first.</summary>
    public static IReadOnlyList<SnapshotFolder> All(WarehousePaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (!Directory.Exists(paths.Snapshots))
        {
            return [];
        }
        return [.. Directory.EnumerateDirectories(paths.Snapshots)
            .Select(d => new SnapshotFolder(System.IO.Path.GetFileName(d), d))
            .Where(s => !s.Name.StartsWith('.'))
            .OrderBy(s => s.Name, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The snapshot named <paramref name="asOf"/> (its folder name, or the start of it such as a day
    /// <c>2026-11-21</c>: the latest that matches); the latest snapshot when null.
    /// </summary>
    /// <exception cref="SnapshotException">No snapshot matches; the message lists the ones there are.</exception>
    public static SnapshotFolder Find(WarehousePaths paths, string? asOf)
    {
        var all = All(paths);
        if (all.Count == 0)
        {
            throw new SnapshotException(
                $"没有快照 / There are no snapshots in {paths.Snapshots} yet: every publish writes one. Run 'ipwh load' (or './ipwh demo') first.");
        }
        if (string.IsNullOrWhiteSpace(asOf))
        {
            return all[^1];
        }
        var wanted = asOf.Trim();
        return all.LastOrDefault(s => s.Name == wanted) ?? all.LastOrDefault(s => s.Name.StartsWith(wanted, StringComparison.Ordinal))
            ?? throw new SnapshotException(
                $"没有与 {wanted} 对应的快照 / No snapshot matches '{wanted}'. Give a snapshot's name or its start (a day such as {all[^1].Name[..Math.Min(10, all[^1].Name.Length)]}); " +
                $"the snapshots are: {string.Join(", ", all.TakeLast(10).Select(s => s.Name))}{(all.Count > 10 ? $" (the latest 10 of {all.Count})" : "")}.");
    }
}
