namespace IpWarehouse.Etl.Snapshots;

/// <summary>
/// A snapshot did not verify (its files do not hold what was published), or there is no snapshot to verify.
/// After a publish it fails that publish's snapshot (status failed); the publish stands and the next load writes the snapshot.
/// </summary>
public sealed class SnapshotException : EtlException
{
    /// <summary>Creates the error.</summary>
    public SnapshotException()
    {
    }

    /// <summary>Creates the error.</summary>
    public SnapshotException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with its cause.</summary>
    public SnapshotException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The verification that failed, when there was one.</summary>
    public SnapshotReport? Report { get; init; }

    /// <summary>The failure of a snapshot written after its publish: what differed, first problems first; the publish stands.</summary>
    public static SnapshotException NotWritten(SnapshotReport report, string batchId)
    {
        ArgumentNullException.ThrowIfNull(report);
        const int Shown = 5;
        var problems = string.Join("; ", report.Problems.Take(Shown).Select(p => p.Message));
        var more = report.Problems.Count > Shown ? $"; … and {report.Problems.Count - Shown} more" : "";
        var first = report.Problems.Count > 0 ? report.Problems[0] : null;
        return new SnapshotException(
            $"快照校验失败 / The Parquet snapshot of batch {batchId} did not verify, so it was not written (the publish stands): " +
            $"{problems}{more}. The unverified files stay in {report.Folder} for inspection; the next load (or 'ipwh snapshots write {batchId}') writes the snapshot again.")
        {
            BatchId = batchId,
            File = first?.File,
            Column = first?.Column,
            Report = report,
        };
    }
}
