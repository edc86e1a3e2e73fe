using DuckDB.NET.Data;

namespace IpWarehouse.Etl.Warehouse;

/// <summary>The quarantined rows of a batch, as <c>ipwh rejects</c> and <c>GET /api/rejects</c> list them.</summary>
public static class Quarantine
{
    /// <summary>
    /// One row per quarantined input row of <paramref name="batchId"/> (default: the latest finished load), in
    /// source, file and row order, with the keys of INDICATORS.md: <c>batch_id</c>, <c>source</c>, <c>file</c>,
    /// <c>row</c>, <c>column</c>, <c>value</c>, <c>reason</c>, <c>message</c>.
    /// </summary>
    public static QueryResult Read(DuckDBConnection connection, string? batchId)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return QueryResult.Run(connection, """
            SELECT batch_id, source_name AS source, source_file AS file, source_row AS "row", column_name AS "column",
                   raw_value AS value, reason, message
            FROM etl_reject
            WHERE batch_id = coalesce($batch, (SELECT max(batch_id) FROM etl_batch WHERE status <> 'running'))
            ORDER BY source_name, source_file, source_row
            """, new DuckDBParameter("batch", batchId));
    }
}
