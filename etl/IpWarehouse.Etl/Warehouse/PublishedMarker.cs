using System.Text.Json;
using System.Text.Json.Serialization;

namespace IpWarehouse.Etl.Warehouse;

/// <summary>
/// <c>warehouse/published.json</c>: which publish is current. The loader replaces it whole (write a temporary
/// file, rename it over) once the publish's database file is complete, so a reader that reads it opens a
/// complete version; the version file is never written again.
/// </summary>
/// <param name="BatchId">The published batch.</param>
/// <param name="AsOf">When the batch's load started (the data's "as of").</param>
/// <param name="PublishedAt">When it was published.</param>
/// <param name="Snapshot">The snapshot folder's name under <c>snapshots/</c>, once it is written (the snapshot follows the publish).</param>
/// <param name="Database">The version's database file, relative to the warehouse folder (<c>published/&lt;batch&gt;.duckdb</c>);
/// null in a marker written before versions existed, whose database is <c>ipwh.duckdb</c> itself.</param>
public sealed record PublishedMarker(
    [property: JsonPropertyName("batch_id")] string BatchId,
    [property: JsonPropertyName("as_of")] DateTimeOffset AsOf,
    [property: JsonPropertyName("published_at")] DateTimeOffset? PublishedAt,
    [property: JsonPropertyName("snapshot")] string? Snapshot,
    [property: JsonPropertyName("database")] string? Database)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// The snapshot of this publish: <c>pending</c> (published, the snapshot follows), <c>written</c> (verified, see
    /// <see cref="SnapshotVerification"/>) or <c>failed</c> (the next load or <c>ipwh snapshots write</c> writes it);
    /// null in a marker written before the snapshot followed the publish (its snapshot was written first).
    /// </summary>
    [JsonPropertyName("snapshot_status")]
    public string? SnapshotStatus { get; init; }

    /// <summary>When the snapshot was written or failed.</summary>
    [JsonPropertyName("snapshot_finished_at")]
    public DateTimeOffset? SnapshotFinishedAt { get; init; }

    /// <summary>What Parquet.Net verified of the written snapshot, or why it failed.</summary>
    [JsonPropertyName("snapshot_verification")]
    public string? SnapshotVerification { get; init; }

    /// <summary>The full path of the version's database file.</summary>
    public string DatabasePath(WarehousePaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return Database is null ? paths.PublishedDatabase : Path.GetFullPath(Database, paths.Folder);
    }

    /// <summary>The marker of <paramref name="paths"/>, or null when there is none yet or it cannot be read at this moment.</summary>
    public static PublishedMarker? Read(WarehousePaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return Read(paths.PublishedMarker);
    }

    /// <summary>The marker at <paramref name="file"/>, or null when there is none or it cannot be read at this moment.</summary>
    public static PublishedMarker? Read(string file)
    {
        try
        {
            var marker = JsonSerializer.Deserialize<PublishedMarker>(File.ReadAllText(file), Json);
            return marker?.BatchId is null ? null : marker;
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return null;
        }
    }

    /// <summary>Writes the marker of <paramref name="paths"/> atomically: a reader sees the old one or this one, whole.</summary>
    public void Write(WarehousePaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var temp = paths.PublishedMarker + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(this, Json));
        File.Move(temp, paths.PublishedMarker, overwrite: true);
    }
}
