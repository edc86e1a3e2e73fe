using System.Globalization;

namespace IpWarehouse.Etl.Snapshots;

/// <summary>
/// The key/value metadata every snapshot file carries (Parquet's file-level <c>key_value_metadata</c>), written
/// by DuckDB's <c>COPY … (FORMAT parquet, KV_METADATA {…})</c>: a file found on its own still says which batch,
/// as-of time and schema version it belongs to, and the verification checks each file carries them.
/// </summary>
public static class SnapshotMetadata
{
    /// <summary>The batch whose publish wrote the file.</summary>
    public const string BatchIdKey = "batch_id";

    /// <summary>The as-of time of the data, ISO 8601 in the configured time zone (as in <c>manifest.json</c>).</summary>
    public const string AsOfKey = "as_of";

    /// <summary>The warehouse schema version (<c>Schema.Version</c>).</summary>
    public const string SchemaVersionKey = "schema_version";

    /// <summary>The keys every file must carry, in the order they are reported.</summary>
    public static IReadOnlyList<string> Keys { get; } = [BatchIdKey, AsOfKey, SchemaVersionKey];

    /// <summary>The as-of time as the manifest and the metadata write it, e.g. <c>2026-11-21T02:00:00.0000000+08:00</c>.</summary>
    public static string AsOfText(DateTimeOffset asOfInTimeZone) => asOfInTimeZone.ToString("o", CultureInfo.InvariantCulture);

    /// <summary>The values a file of this publish carries, by key.</summary>
    public static IReadOnlyDictionary<string, string> Values(string batchId, string asOf, int schemaVersion) => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [BatchIdKey] = batchId,
        [AsOfKey] = asOf,
        [SchemaVersionKey] = schemaVersion.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The COPY option that writes them, e.g. <c>KV_METADATA {batch_id: '…', as_of: '…', schema_version: '1'}</c>.</summary>
    public static string CopyOption(string batchId, string asOf, int schemaVersion) =>
        "KV_METADATA {" + string.Join(", ", Values(batchId, asOf, schemaVersion).Select(kv => $"{kv.Key}: {Literal(kv.Value)}")) + "}";

    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
