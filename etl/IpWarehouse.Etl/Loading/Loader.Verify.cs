using IpWarehouse.Etl.Snapshots;
using IpWarehouse.Etl.Warehouse;

namespace IpWarehouse.Etl.Loading;

/// Snapshot verification, between writing the Parquet files and writing their manifest: Parquet.Net, which
/// shares no code with the DuckDB that wrote them, must read back every published table's columns, types and
/// rows and the batch's metadata, or the snapshot fails (the publish stands; the next load writes the snapshot again).
public sealed partial class Loader
{
    /// For tests only: called with the snapshot folder after its files are written and before they are verified.
    internal Action<string>? SnapshotWritten { get; set; }

    /// The KV_METADATA option of the snapshot's COPY statements.
    private static string SnapshotMetadataOption(string batchId, DateTimeOffset asOf) =>
        SnapshotMetadata.CopyOption(batchId, SnapshotMetadata.AsOfText(asOf), Schema.Version);

    /// Verifies the files in <paramref name="folder"/> against the published tables.
    private SnapshotReport VerifySnapshot(string folder, SnapshotExpectation expected, string batchId, IProgress<LoadProgress>? progress)
    {
        progress?.Report(new LoadProgress(null, "verifying", "verifying the Parquet snapshot with Parquet.Net"));
        SnapshotWritten?.Invoke(folder);
        var report = SnapshotVerifier.VerifyAsync(folder, expected).GetAwaiter().GetResult();
        return report.Passed ? report : throw SnapshotException.NotWritten(report, batchId);
    }
}
