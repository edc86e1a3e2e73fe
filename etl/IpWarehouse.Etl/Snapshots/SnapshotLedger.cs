using System.Text.Json;
using System.Text.Json.Serialization;
using IpWarehouse.Etl.Warehouse;

namespace IpWarehouse.Etl.Snapshots;

/// <summary>
/// <c>warehouse/snapshots/snapshots.json</c>: one entry per publish, saying whether its Parquet snapshot is
/// <c>pending</c> (published, snapshot not written yet), <c>written</c> (verified by Parquet.Net), <c>failed</c>
/// (the next load or <c>ipwh snapshots write</c> writes it) or <c>removed</c> (by retention), and whether an
/// operator pinned it. Changed only under its lock (<see cref="Update"/>), replaced whole, so a reader sees
/// the old file or the new one.
/// </summary>
public static class SnapshotLedger
{
    /// <summary>Status of a publish whose snapshot is not written yet.</summary>
    public const string Pending = "pending";

    /// <summary>Status of a snapshot written and verified.</summary>
    public const string Written = "written";

    /// <summary>Status of a snapshot whose writing or verification failed.</summary>
    public const string Failed = "failed";

    /// <summary>Status of a snapshot retention removed (or never wrote because retention no longer keeps it).</summary>
    public const string Removed = "removed";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>A status as the text outputs show it, Chinese first (待写 pending, 已写 written, 失败 failed, 已清理 removed).</summary>
    public static string Label(string? status) => status switch
    {
        Pending => "待写 pending",
        Written => "已写 written",
        Failed => "失败 failed",
        Removed => "已清理 removed",
        _ => "",
    };

    /// <summary>The ledger's file.</summary>
    public static string FilePath(WarehousePaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return Path.Combine(paths.Snapshots, "snapshots.json");
    }

    /// <summary>The entries, oldest first; empty when there is no ledger yet.</summary>
    public static IReadOnlyList<SnapshotEntry> Read(WarehousePaths paths)
    {
        var file = FilePath(paths);
        if (!File.Exists(file))
        {
            return [];
        }
        try
        {
            return JsonSerializer.Deserialize<List<SnapshotEntry>>(File.ReadAllText(file), Json) ?? [];
        }
        catch (JsonException e)
        {
            throw new SnapshotException(
                $"快照台账无法读取 / {file} is not a snapshot ledger ({e.Message}). Restore it from a backup, or remove it: the next load starts a new one (pins are lost).", e)
            { File = file };
        }
    }

    /// <summary>The entry of <paramref name="batchId"/>, or null.</summary>
    public static SnapshotEntry? Find(WarehousePaths paths, string batchId) => Read(paths).LastOrDefault(e => e.BatchId == batchId);

    /// <summary>
    /// Reads the entries, lets <paramref name="change"/> change them and writes them back, holding the ledger's
    /// lock (a file no other process can open meanwhile) so that a pin and a prune never lose each other's change.
    /// </summary>
    public static T Update<T>(WarehousePaths paths, Func<List<SnapshotEntry>, T> change)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(change);
        Directory.CreateDirectory(paths.Snapshots);
        using var held = Lock(paths);
        var entries = File.Exists(FilePath(paths)) ? Read(paths).ToList() : Existing(paths);
        var result = change(entries);
        var file = FilePath(paths);
        var temp = file + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(entries.OrderBy(e => e.BatchId, StringComparer.Ordinal), Json));
        File.Move(temp, file, overwrite: true);
        return result;
    }

    /// <summary>Adds or replaces the entry of <paramref name="entry"/>'s batch.</summary>
    public static void Put(WarehousePaths paths, SnapshotEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Update(paths, entries =>
        {
            var index = entries.FindIndex(e => e.BatchId == entry.BatchId);
            if (index >= 0)
            {
                // A pin survives a rewrite of the snapshot.
                entries[index] = entry with { Pinned = entries[index].Pinned, Note = entries[index].Note };
            }
            else
            {
                entries.Add(entry);
            }
            return 0;
        });
    }

    /// A warehouse from before the ledger: its snapshot folders become written entries, so retention and pins cover them.
    private static List<SnapshotEntry> Existing(WarehousePaths paths)
    {
        var entries = new List<SnapshotEntry>();
        foreach (var folder in SnapshotFolder.All(paths))
        {
            try
            {
                var manifest = folder.ReadManifest();
                entries.Add(new SnapshotEntry(manifest.BatchId, DateTimeOffset.Parse(manifest.AsOf, System.Globalization.CultureInfo.InvariantCulture), null, Written)
                {
                    Snapshot = folder.Name,
                    Bytes = SnapshotRetention.FolderBytes(folder.Path),
                    Message = "recorded from its manifest (written before the snapshot ledger existed)",
                });
            }
            catch (Exception e) when (e is SnapshotException or FormatException)
            {
                // Not a complete snapshot: nothing to record, nothing retention may remove.
            }
        }
        return entries;
    }

    private static FileStream Lock(WarehousePaths paths)
    {
        var file = Path.Combine(paths.Snapshots, ".ledger.lock");
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(file, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited.Elapsed < TimeSpan.FromSeconds(30))
            {
                Thread.Sleep(50);
            }
            catch (IOException e)
            {
                throw new SnapshotException($"快照台账被占用 / Another ipwh process has held {file} for 30 s; try again when it has finished.", e) { File = file };
            }
        }
    }
}

/// <summary>One publish's snapshot in the ledger.</summary>
/// <param name="BatchId">The published batch.</param>
/// <param name="AsOf">The batch's as-of time.</param>
/// <param name="PublishedAt">When the batch was published.</param>
/// <param name="Status"><c>pending</c>, <c>written</c>, <c>failed</c> or <c>removed</c>.</param>
public sealed record SnapshotEntry(
    [property: JsonPropertyName("batch_id")] string BatchId,
    [property: JsonPropertyName("as_of")] DateTimeOffset AsOf,
    [property: JsonPropertyName("published_at")] DateTimeOffset? PublishedAt,
    [property: JsonPropertyName("status")] string Status)
{
    /// <summary>The snapshot folder's name under <c>snapshots/</c>, once written.</summary>
    [JsonPropertyName("snapshot")]
    public string? Snapshot { get; init; }

    /// <summary>When the snapshot was written (or failed, or was removed).</summary>
    [JsonPropertyName("snapshot_finished_at")]
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>What Parquet.Net verified, e.g. "18 tables, 40 files, 12,345 rows".</summary>
    [JsonPropertyName("verification")]
    public string? Verification { get; init; }

    /// <summary>Why the snapshot failed or was removed.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary>The snapshot folder's size on disk.</summary>
    [JsonPropertyName("bytes")]
    public long? Bytes { get; init; }

    /// <summary>True when an operator pinned it: retention never removes it.</summary>
    [JsonPropertyName("pinned")]
    public bool Pinned { get; init; }

    /// <summary>The operator's note of the pin (e.g. 2024年度考核上报).</summary>
    [JsonPropertyName("note")]
    public string? Note { get; init; }
}
