using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;

namespace IpWarehouse.Etl.Warehouse;

/// <summary>
/// The load history from etl_batch and etl_source_run, newest first: what <c>ipwh runs</c> prints and
/// <c>GET /api/runs</c> returns, from one reader and one JSON writer so the two cannot drift apart.
/// </summary>
public static class RunHistory
{
    /// <summary>
    /// Reads the newest <paramref name="limit"/> loads with their sources and, given the warehouse's
    /// <paramref name="paths"/>, each publish's snapshot status from the snapshot ledger.
    /// </summary>
    public static IReadOnlyList<RunRecord> Read(DuckDBConnection connection, int limit, WarehousePaths? paths = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var runs = new List<RunRecord>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT batch_id, status, trigger, started_at, finished_at, published_at, message
                FROM etl_batch ORDER BY started_at DESC, batch_id DESC LIMIT $limit
                """;
            command.Parameters.Add(new DuckDBParameter("limit", limit));
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                runs.Add(new RunRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetDateTime(3),
                    NullableTime(reader, 4), NullableTime(reader, 5), reader.IsDBNull(6) ? null : reader.GetString(6), []));
            }
        }
        var byId = runs.ToDictionary(r => r.BatchId);
        using (var command = connection.CreateCommand())
        {
            // A failed source's last good data stays published: its as-of is the newest earlier published
            // batch in which the source succeeded. etl_source_run is small (sources x nights).
            command.CommandText = """
                SELECT s.batch_id, s.source_name, s.status, s.rows_read, s.rows_accepted, s.rows_quarantined, s.message,
                       CASE WHEN s.status = 'failed' THEN (
                           SELECT max(g.as_of)
                           FROM etl_source_run AS gs JOIN etl_batch AS g ON g.batch_id = gs.batch_id
                           WHERE gs.source_name = s.source_name AND gs.status = 'succeeded'
                             AND g.published_at IS NOT NULL AND g.started_at < b.started_at)
                       END AS stale_data_as_of
                FROM etl_source_run AS s JOIN etl_batch AS b ON b.batch_id = s.batch_id
                ORDER BY s.batch_id, s.started_at, s.source_name
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (byId.TryGetValue(reader.GetString(0), out var run))
                {
                    run.Sources.Add(new RunSourceRecord(reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4),
                        reader.GetInt64(5), reader.IsDBNull(6) ? null : reader.GetString(6), NullableTime(reader, 7)));
                }
            }
        }
        if (paths is not null)
        {
            var snapshots = Snapshots.SnapshotLedger.Read(paths).ToDictionary(e => e.BatchId, StringComparer.Ordinal);
            return [.. runs.Select(r => snapshots.TryGetValue(r.BatchId, out var s)
                ? r with { SnapshotStatus = s.Status, SnapshotFinishedAt = s.FinishedAt is { } at ? AsHistoryTime(at) : null }
                : r)];
        }
        return runs;
    }

    /// <summary>
    /// Writes the runs as the JSON array of INDICATORS.md (<c>batch_id</c>, <c>status</c>, <c>started_at</c>,
    /// <c>finished_at</c>, <c>sources</c> with <c>name</c>, <c>status</c>, <c>rows_read</c>, <c>rows_accepted</c>,
    /// <c>rows_quarantined</c>), plus <c>trigger</c>, <c>published_at</c>, <c>snapshot_status</c> (pending, written, failed,
    /// removed; null for a load that published nothing), <c>snapshot_finished_at</c>, <c>message</c> and, per source,
    /// <c>stale</c>, <c>stale_data_as_of</c> and <c>stale_age_hours</c>.
    /// </summary>
    public static void WriteJson(IEnumerable<RunRecord> runs, Utf8JsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(json);
        json.WriteStartArray();
        foreach (var run in runs)
        {
            json.WriteStartObject();
            json.WriteString("batch_id", run.BatchId);
            json.WriteString("status", run.Status);
            json.WriteString("trigger", run.Trigger);
            WriteTime(json, "started_at", run.StartedAt);
            WriteTime(json, "finished_at", run.FinishedAt);
            WriteTime(json, "published_at", run.PublishedAt);
            json.WriteString("snapshot_status", run.SnapshotStatus);
            WriteTime(json, "snapshot_finished_at", run.SnapshotFinishedAt);
            json.WriteString("message", run.Message);
            json.WriteStartArray("sources");
            foreach (var source in run.Sources)
            {
                json.WriteStartObject();
                json.WriteString("name", source.Name);
                json.WriteString("status", source.Status);
                json.WriteNumber("rows_read", source.RowsRead);
                json.WriteNumber("rows_accepted", source.RowsAccepted);
                json.WriteNumber("rows_quarantined", source.RowsQuarantined);
                json.WriteString("message", source.Message);
                json.WriteBoolean("stale", source.IsStale);
                WriteTime(json, "stale_data_as_of", source.StaleDataAsOf);
                if (source.StaleAge(run.StartedAt) is { } age)
                {
                    json.WriteNumber("stale_age_hours", Math.Round(age.TotalHours, 1));
                }
                else
                {
                    json.WriteNull("stale_age_hours");
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>The JSON writer settings of the reporting output: indented, Chinese text unescaped.</summary>
    public static JsonWriterOptions JsonOptions { get; } = new()
    {
        Indented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    // As the history's own TIMESTAMPTZ columns read: UTC, microseconds, no kind, so the JSON writes them alike.
    private static DateTime AsHistoryTime(DateTimeOffset time)
    {
        var ticks = time.UtcDateTime.Ticks;
        return new DateTime(ticks - ticks % 10, DateTimeKind.Unspecified);
    }

    private static DateTime? NullableTime(DuckDBDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDateTime(ordinal);

    // The same text as every other timestamp of the JSON output (ReaderOutput in the CLI).
    private static void WriteTime(Utf8JsonWriter json, string name, DateTime? time)
    {
        if (time is not { } value)
        {
            json.WriteNull(name);
            return;
        }
        json.WriteString(name, value.ToString(
            value.Kind == DateTimeKind.Utc ? "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
    }
}

/// <summary>One load of the history (a row of etl_batch) with its sources.</summary>
/// <param name="BatchId">The batch id.</param>
/// <param name="Status">running, succeeded, partial, failed or cancelled.</param>
/// <param name="Trigger">What started it: cli, schedule, misfire, manual, demo.</param>
/// <param name="StartedAt">When it started (UTC).</param>
/// <param name="FinishedAt">When it ended, or null while running.</param>
/// <param name="PublishedAt">When its warehouse was published, or null.</param>
/// <param name="Message">The summary or the error that ended it.</param>
/// <param name="Sources">One entry per source it touched.</param>
public sealed record RunRecord(string BatchId, string Status, string Trigger, DateTime StartedAt, DateTime? FinishedAt,
    DateTime? PublishedAt, string? Message, List<RunSourceRecord> Sources)
{
    /// <summary>Its publish's snapshot: pending, written, failed or removed; null when it published nothing.</summary>
    public string? SnapshotStatus { get; init; }

    /// <summary>When its snapshot was written, failed or removed (UTC).</summary>
    public DateTime? SnapshotFinishedAt { get; init; }
}

/// <summary>One source's part of a load (a row of etl_source_run).</summary>
/// <param name="Name">The source's name in ipwh.json.</param>
/// <param name="Status">succeeded, failed, running or skipped.</param>
/// <param name="RowsRead">Data rows read.</param>
/// <param name="RowsAccepted">Rows accepted into the facts.</param>
/// <param name="RowsQuarantined">Rows quarantined.</param>
/// <param name="Message">Why it failed, or warnings.</param>
/// <param name="StaleDataAsOf">
/// For a failed source: the as-of time of its last good data, which stays published; null when the
/// source did not fail or never loaded before.
/// </param>
public sealed record RunSourceRecord(string Name, string Status, long RowsRead, long RowsAccepted, long RowsQuarantined, string? Message,
    DateTime? StaleDataAsOf)
{
    /// <summary>True when the source failed in this load and the warehouse holds its older data.</summary>
    public bool IsStale => StaleDataAsOf is not null;

    /// <summary>How old the stale data was when the load started, or null when not stale.</summary>
    public TimeSpan? StaleAge(DateTime loadStartedAt) => StaleDataAsOf is { } asOf ? loadStartedAt - asOf : null;
}
