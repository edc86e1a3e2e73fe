using DuckDB.NET.Data;

namespace IpWarehouse.Etl.Loading.Internal;

/// The load's own records: etl_batch and etl_source_run rows, written as the load goes.
internal static class BatchLog
{
    internal static void Start(DuckDBConnection work, string batchId, string trigger, DateTimeOffset startedAt) =>
        SqlScript.Parameterized(work,
            "INSERT INTO etl_batch (batch_id, status, trigger, started_at, as_of) VALUES ($1, 'running', $2, $3, $3)",
            batchId, trigger, startedAt);

    internal static void Finish(DuckDBConnection work, string batchId, string status, DateTimeOffset finishedAt, string? message) =>
        SqlScript.Parameterized(work,
            "UPDATE etl_batch SET status = $2, finished_at = $3, message = $4 WHERE batch_id = $1",
            batchId, status, finishedAt, message);

    internal static void Published(DuckDBConnection work, string batchId, DateTimeOffset publishedAt) =>
        SqlScript.Parameterized(work, "UPDATE etl_batch SET published_at = $2 WHERE batch_id = $1", batchId, publishedAt);

    internal static void SourceStarted(DuckDBConnection work, string batchId, SourceRunRecord run) =>
        SqlScript.Parameterized(work,
            """
            INSERT INTO etl_source_run (batch_id, source_name, kind, connector, status, started_at, watermark_before)
            VALUES ($1, $2, $3, $4, 'running', $5, $6)
            """,
            batchId, run.Name, run.Kind, run.Connector, run.StartedAt, run.WatermarkBefore);

    internal static void SourceFinished(DuckDBConnection work, string batchId, SourceRunRecord run) =>
        SqlScript.Parameterized(work,
            """
            UPDATE etl_source_run
            SET status = $3, rows_read = $4, rows_accepted = $5, rows_quarantined = $6, finished_at = $7,
                watermark_after = $8, message = $9
            WHERE batch_id = $1 AND source_name = $2
            """,
            batchId, run.Name, run.Status, run.RowsRead, run.RowsAccepted, run.RowsQuarantined, run.FinishedAt,
            run.WatermarkAfter, run.Message);

    /// Loads that were running when the process stopped (a kill, a power cut) are marked failed: none
    /// of their work was committed, so nothing of them is in the warehouse.
    internal static int MarkInterrupted(DuckDBConnection work, DateTimeOffset now)
    {
        const string Message = "interrupted: the loader stopped before this load finished; nothing of it was published";
        SqlScript.Parameterized(work,
            "UPDATE etl_source_run SET status = 'failed', finished_at = $1, message = $2 WHERE status = 'running'", now, Message);
        using var command = work.CreateCommand();
        command.CommandText = "UPDATE etl_batch SET status = 'failed', finished_at = $1, message = $2 WHERE status = 'running'";
        command.Parameters.Add(new DuckDBParameter(now));
        command.Parameters.Add(new DuckDBParameter(Message));
        return command.ExecuteNonQuery();
    }

    /// The newest committed load whose publish did not complete, if any.
    internal static (string BatchId, DateTimeOffset AsOf)? Unpublished(DuckDBConnection work)
    {
        using var command = work.CreateCommand();
        command.CommandText = """
            SELECT batch_id, as_of FROM etl_batch
            WHERE status IN ('succeeded', 'partial') AND published_at IS NULL
            ORDER BY started_at DESC LIMIT 1
            """;
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetString(0), new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero)) : null;
    }

    internal static string? Watermark(DuckDBConnection work, string source) =>
        SqlScript.Scalar(work, "SELECT watermark FROM etl_watermark WHERE source_name = $1", source) as string;

    /// The high-water marks advance only once the batch that read them is published.
    internal static void AdvanceWatermarks(DuckDBConnection work, string batchId, DateTimeOffset now) =>
        SqlScript.Parameterized(work,
            """
            INSERT OR REPLACE INTO etl_watermark (source_name, watermark, batch_id, updated_at)
            SELECT source_name, watermark_after, batch_id, $2
            FROM etl_source_run
            WHERE batch_id = $1 AND status = 'succeeded' AND watermark_after IS NOT NULL
            """,
            batchId, now);
}

/// One source's row of etl_source_run, filled in as the load goes.
internal sealed class SourceRunRecord
{
    public required string Name { get; init; }
    public required string Kind { get; init; }
    public required string Connector { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public string? WatermarkBefore { get; init; }
    public string Status { get; set; } = "running";
    public long RowsRead { get; set; }
    public long RowsAccepted { get; set; }
    public long RowsQuarantined { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public string? WatermarkAfter { get; set; }
    public string? Message { get; set; }
    public string? RawTable { get; set; }
}
