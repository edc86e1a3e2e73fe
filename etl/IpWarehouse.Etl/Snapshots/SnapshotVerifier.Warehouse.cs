using IpWarehouse.Etl.Planning;
using IpWarehouse.Etl.Snapshots.Internal;
using IpWarehouse.Etl.Warehouse;

namespace IpWarehouse.Etl.Snapshots;

public static partial class SnapshotVerifier
{
    /// <summary>
    /// <c>ipwh snapshots verify</c>: the snapshot of the current publish is compared with the published warehouse
    /// itself; an older one with its own manifest (the warehouse no longer holds its data), and with
    /// <paramref name="deep"/> its decoded values with DuckDB reading the same files.
    /// </summary>
    public static async Task<SnapshotReport> VerifyAsync(WarehousePaths paths, SnapshotFolder snapshot, bool deep, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(snapshot);
        var manifest = snapshot.ReadManifest();
        if (IsCurrent(paths, manifest))
        {
            using var published = WarehouseConnections.OpenPublished(paths);
            var expected = SnapshotExpectation.FromWarehouse(published, manifest.Tables.Select(t => t.Name), null,
                manifest.BatchId, manifest.AsOf, manifest.SchemaVersion, "已发布仓库 the published warehouse");
            return deep
                ? await VerifyDeepAsync(snapshot.Path, expected, published, referenceIsWarehouse: true, cancellationToken).ConfigureAwait(false)
                : await VerifyAsync(snapshot.Path, expected, cancellationToken).ConfigureAwait(false);
        }
        var recorded = SnapshotExpectation.FromManifest(manifest, () => PublishedColumns(paths, manifest));
        if (!deep)
        {
            return await VerifyAsync(snapshot.Path, recorded, cancellationToken).ConfigureAwait(false);
        }
        using var files = SnapshotDuckDb.OpenForFiles();
        return await VerifyDeepAsync(snapshot.Path, recorded, files, referenceIsWarehouse: false, cancellationToken).ConfigureAwait(false);
    }

    private static bool IsCurrent(WarehousePaths paths, SnapshotManifest manifest) =>
        PublishInfo.FromMarker(paths.PublishedMarker)?.BatchId == manifest.BatchId && File.Exists(paths.PublishedDatabase);

    private static Dictionary<string, IReadOnlyList<SnapshotColumn>> PublishedColumns(WarehousePaths paths, SnapshotManifest manifest)
    {
        using var published = WarehouseConnections.OpenPublished(paths);
        return WarehouseShape.Columns(published, [.. manifest.Tables.Select(t => t.Name)]);
    }
}
