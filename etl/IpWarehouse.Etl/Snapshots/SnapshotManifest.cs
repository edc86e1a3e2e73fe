using System.Text.Json;

namespace IpWarehouse.Etl.Snapshots;

/// <summary>A snapshot's <c>manifest.json</c>, written by the publish after the files were verified.</summary>
/// <param name="BatchId">The published batch.</param>
/// <param name="AsOf">The as-of time, ISO 8601 in the configured time zone.</param>
/// <param name="SchemaVersion">The schema version.</param>
/// <param name="Tables">Each table's rows, and its columns when the manifest records them.</param>
public sealed record SnapshotManifest(string BatchId, string AsOf, int SchemaVersion, IReadOnlyList<SnapshotTable> Tables)
{
    /// <summary>The file name inside a snapshot folder.</summary>
    public const string FileName = "manifest.json";

    /// <summary>Reads <c>manifest.json</c> of <paramref name="folder"/>.</summary>
    /// <exception cref="SnapshotException">The manifest is missing or is not a manifest.</exception>
    public static SnapshotManifest Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            throw new SnapshotException(
                $"快照没有 manifest.json / {folder} has no {FileName}: it is not a complete snapshot (a publish writes the manifest last, after verifying the files).")
            { File = path };
        }
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            var tables = root.GetProperty("tables").EnumerateObject()
                .Select(t => new SnapshotTable(t.Name, t.Value.GetProperty("rows").GetInt64(),
                    t.Value.TryGetProperty("columns", out var columns)
                        ? [.. columns.EnumerateArray().Select(c => new SnapshotColumn(c.GetProperty("name").GetString()!, c.GetProperty("type").GetString()!))]
                        : []))
                .ToList();
            return new SnapshotManifest(root.GetProperty("batch_id").GetString()!, root.GetProperty("as_of").GetString()!,
                root.GetProperty("schema_version").GetInt32(), tables);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new SnapshotException($"manifest.json 无法读取 / {path} is not a snapshot manifest ({e.Message}).", e) { File = path };
        }
    }
}
