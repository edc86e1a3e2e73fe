using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;
using IpWarehouse.Etl.DuckDb;
using IpWarehouse.Etl.Indicators;
using IpWarehouse.Etl.Loading.Internal;
using IpWarehouse.Etl.Warehouse;

namespace IpWarehouse.Etl.Loading;

/// Publish: a new, never-changed version of the warehouse (published/&lt;batch&gt;.duckdb) and a Parquet snapshot,
/// built beside the current ones; published.json then names the version (readers switch there), the link
/// ipwh.duckdb is swapped to it, and versions past retention that no process holds are removed. A crash before
/// published.json is written leaves the previous publish current; after it, the next load finishes the rest.
public sealed partial class Loader
{
    private string Publish(DuckDBConnection work, string batchId, DateTimeOffset asOf, IProgress<LoadProgress>? progress)
    {
        var version = paths.PublishedVersion(batchId);
        // A crash after published.json named this batch left its version and snapshot complete: finish the rest.
        var marker = PublishedMarker.Read(paths) is { Snapshot: not null } current && current.BatchId == batchId && File.Exists(version)
            ? current
            : WriteVersion(work, batchId, asOf, version, progress);
        FaultInjection.Pause("link");
        SwapLink(version);
        var publishedAt = marker.PublishedAt ?? clock.GetUtcNow();
        BatchLog.Published(work, batchId, publishedAt);
        BatchLog.AdvanceWatermarks(work, batchId, publishedAt);
        RemoveOldVersions(batchId, progress);
        progress?.Report(new LoadProgress(null, "done", $"published {version}"));
        return Path.Combine(paths.Snapshots, marker.Snapshot!);
    }

    /// The version's file and snapshot, then published.json naming them: from here on readers see this publish.
    private PublishedMarker WriteVersion(DuckDBConnection work, string batchId, DateTimeOffset asOf, string version, IProgress<LoadProgress>? progress)
    {
        FaultInjection.Pause("publish");
        // The indicator marts are rebuilt from the committed facts before every publish (a recovered
        // publish included), so a published warehouse never pairs new facts with old marts.
        progress?.Report(new LoadProgress(null, "indicators", "computing the indicator marts"));
        IndicatorMart.Build(work, indicatorSettings, clock);
        progress?.Report(new LoadProgress(null, "publishing", "writing the published warehouse"));
        var publishing = paths.PublishingDatabase(batchId);
        DeleteDatabaseFiles(publishing);
        if (File.Exists(LandingApartMarker))
        {
            PublishByCopy(work, publishing);
        }
        else
        {
            PublishByTables(work, publishing);
        }
        var counts = PublishedTables.ToDictionary(
            table => table,
            table => Convert.ToInt64(SqlScript.Scalar(work, $"SELECT count(*) FROM main.{table}"), CultureInfo.InvariantCulture),
            StringComparer.Ordinal);

        progress?.Report(new LoadProgress(null, "snapshot", "writing the Parquet snapshot"));
        var snapshot = WriteSnapshot(work, batchId, asOf, counts, progress);
        FaultInjection.Pause("rename");

        // No reader opens a version before published.json names it, so an earlier attempt's file may be replaced.
        File.Move(publishing, version, overwrite: true);
        var marker = new PublishedMarker(batchId, asOf, clock.GetUtcNow(), Path.GetFileName(snapshot), Path.GetRelativePath(paths.Folder, version));
        marker.Write(paths);
        return marker;
    }

    /// ipwh.duckdb, the path statisticians open, becomes a link to the version: a new link is made beside it and
    /// renamed over it, so the path always names a complete version.
    private void SwapLink(string version)
    {
        var temp = paths.PublishedDatabase + ".link-tmp";
        File.Delete(temp);
        File.CreateSymbolicLink(temp, Path.GetRelativePath(paths.Folder, version));
        File.Move(temp, paths.PublishedDatabase, overwrite: true);
    }

    /// Versions past retention (loader.keepPublished) go once no process holds them; a held one stays for a later publish.
    private void RemoveOldVersions(string current, IProgress<LoadProgress>? progress)
    {
        var versions = Directory.EnumerateFiles(paths.PublishedFolder, "*.duckdb")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => name is not null && !name.StartsWith('.'))
            .ToList();
        var held = new List<string>();
        foreach (var batch in retention.Expired(versions!, current))
        {
            try
            {
                if (!DuckDbFactory.DeleteUnlessHeld(paths.PublishedVersion(batch)))
                {
                    held.Add(batch);
                }
            }
            catch (Exception e) when (e is DuckDBException or IOException or UnauthorizedAccessException)
            {
                // Removing an old version is housekeeping: the publish stands, a later one tries again.
                held.Add($"{batch} ({e.Message.Split('\n')[0]})");
            }
        }
        if (held.Count > 0)
        {
            progress?.Report(new LoadProgress(null, "retention",
                $"kept {held.Count} old published version(s) still in use; a later publish removes them: {string.Join(", ", held)}"));
        }
    }

    /// The working database holds the published tables with their DDL, plus the loader's own state
    /// (etl_watermark's rows, ref_enum, the macros). It has never held a raw value (landing is a database
    /// of its own), so after a checkpoint its file is copied and the copy loses what readers do not see.
    /// A file copy runs at disk speed; writing every table again cost as much as the whole raw ingest.
    private void PublishByCopy(DuckDBConnection work, string publishing)
    {
        SqlScript.Execute(work, "CHECKPOINT");
        File.Copy(paths.WorkDatabase, publishing);
        using var published = DuckDbFactory.Open(publishing);
        var keep = PublishedTables.ToHashSet(StringComparer.Ordinal);
        var drops = new List<string>();
        using (var command = published.CreateCommand())
        {
            command.CommandText = """
                SELECT 'TABLE', table_name FROM duckdb_tables() WHERE database_name = current_database() AND NOT temporary
                UNION ALL
                SELECT 'VIEW', view_name FROM duckdb_views() WHERE database_name = current_database() AND NOT internal AND NOT temporary
                UNION ALL
                SELECT DISTINCT CASE function_type WHEN 'table_macro' THEN 'MACRO TABLE' ELSE 'MACRO' END, function_name
                FROM duckdb_functions()
                WHERE database_name = current_database() AND function_type IN ('macro', 'table_macro') AND NOT internal
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var (kind, name) = (reader.GetString(0), reader.GetString(1));
                if (kind == "TABLE" && keep.Contains(name))
                {
                    continue;
                }
                // The schema's own unpublished tables keep their DDL, empty, as in a publish by tables.
                drops.Add(kind == "TABLE" && Schema.Tables.Contains(name)
                    ? $"DELETE FROM {Identifier(name)}"
                    : $"DROP {kind} IF EXISTS {Identifier(name)}");
            }
        }
        foreach (var drop in drops)
        {
            SqlScript.Execute(published, drop);
        }
        SqlScript.Execute(published, "CHECKPOINT");
    }

    /// A new file with the schema's DDL and every published table copied into it: for a working database
    /// created before landing moved out of it, whose free blocks may still hold raw values.
    private void PublishByTables(DuckDBConnection work, string publishing)
    {
        // The published file gets the same DDL (and so the same comments) as the working one.
        using (var published = DuckDbFactory.Open(publishing))
        {
            Schema.Apply(published, clock);
            IndicatorMart.ApplySchema(published);
        }

        using var attached = DuckDbFactory.Attach(work, publishing, "publishing");
        foreach (var table in PublishedTables)
        {
            SqlScript.Execute(work, $"DELETE FROM publishing.main.{table}; INSERT INTO publishing.main.{table} SELECT * FROM main.{table}");
        }
        SqlScript.Execute(work, "CHECKPOINT publishing");
    }

    /// Parquet per table; the large facts partitioned by year (Hive layout: fact_patent/year=2024/…).
    private string WriteSnapshot(DuckDBConnection work, string batchId, DateTimeOffset asOf, Dictionary<string, long> counts, IProgress<LoadProgress>? progress)
    {
        var local = TimeZoneInfo.ConvertTime(asOf, config.TimeZone);
        var name = local.ToString("yyyy-MM-dd'T'HHmmss", CultureInfo.InvariantCulture);
        var final = Path.Combine(paths.Snapshots, name);
        var temp = Path.Combine(paths.Snapshots, $".tmp-{batchId}");
        if (Directory.Exists(temp))
        {
            Directory.Delete(temp, recursive: true);
        }
        Directory.CreateDirectory(temp);

        var metadata = SnapshotMetadataOption(batchId, local); // each file says its batch, as-of and schema version
        var years = KindModel.All.Where(m => m.SnapshotYear is not null).ToDictionary(m => m.Fact, m => m.SnapshotYear!);
        foreach (var table in PublishedTables)
        {
            if (years.TryGetValue(table, out var dateColumn) && counts[table] > 0)
            {
                SqlScript.Execute(work,
                    $"COPY (SELECT *, year({dateColumn}) AS year FROM {table}) TO {Literal(Path.Combine(temp, table))} (FORMAT parquet, PARTITION_BY (year), {metadata})");
            }
            else
            {
                SqlScript.Execute(work, $"COPY {table} TO {Literal(Path.Combine(temp, table + ".parquet"))} (FORMAT parquet, {metadata})");
            }
        }

        // Parquet.Net reads the files back before the manifest is written: a mismatch fails the publish (Loader.Verify.cs).
        var verified = VerifySnapshot(work, temp, batchId, local, counts, progress);
        var manifest = new
        {
            as_of = local.ToString("o", CultureInfo.InvariantCulture),
            batch_id = batchId,
            schema_version = Schema.Version,
            published_database = Path.GetRelativePath(paths.Folder, paths.PublishedVersion(batchId)),
            partitioned_by_year = years.Keys.Where(t => counts.GetValueOrDefault(t) > 0).Order(StringComparer.Ordinal).ToArray(),
            tables = verified.Tables.ToDictionary(t => t.Name, t => new { rows = t.Rows, columns = t.Columns.Select(c => new { name = c.Name, type = c.Type }) }),
        };
        File.WriteAllText(Path.Combine(temp, "manifest.json"), JsonSerializer.Serialize(manifest, ManifestJson));

        if (Directory.Exists(final))
        {
            final = Path.Combine(paths.Snapshots, $"{name}-{batchId}");
        }
        Directory.Move(temp, final);
        return final;
    }

    /// After a crash: loads that were running are marked failed, a committed load whose publish did not
    /// complete is published now, and half-written publish files are removed.
    private void Recover(DuckDBConnection work, IProgress<LoadProgress>? progress)
    {
        var interrupted = BatchLog.MarkInterrupted(work, clock.GetUtcNow());
        if (interrupted > 0)
        {
            progress?.Report(new LoadProgress(null, "recovery", $"{interrupted} interrupted load(s) marked failed"));
        }
        // Half-written versions (and, from warehouses published before versions existed, half-written files beside ipwh.duckdb).
        foreach (var leftover in Directory.EnumerateFiles(paths.PublishedFolder, ".publishing-*").Concat(Directory.EnumerateFiles(paths.Folder, ".publishing-*")))
        {
            File.Delete(leftover);
        }
        foreach (var leftover in Directory.EnumerateDirectories(paths.Snapshots, ".tmp-*"))
        {
            Directory.Delete(leftover, recursive: true);
        }
        using (var command = work.CreateCommand())
        {
            command.CommandText = "SELECT table_name FROM duckdb_tables() WHERE NOT temporary AND table_name LIKE 'raw\\_%' ESCAPE '\\'";
            var tables = new List<string>();
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    tables.Add(reader.GetString(0));
                }
            }
            foreach (var table in tables)
            {
                SqlScript.Execute(work, $"DROP TABLE IF EXISTS \"{table}\"");
            }
        }
        if (BatchLog.Unpublished(work) is { } pending)
        {
            progress?.Report(new LoadProgress(null, "recovery", $"publishing committed load {pending.BatchId}, whose publish was interrupted"));
            Publish(work, pending.BatchId, pending.AsOf, progress);
        }
    }

    /// What readers see: the star schema's tables and the indicator marts.
    private static IEnumerable<string> PublishedTables => Schema.PublishedTables.Concat(IndicatorMart.Tables);

    private static void DeleteDatabaseFiles(string path)
    {
        File.Delete(path);
        File.Delete(path + ".wal");
    }

    private static readonly JsonSerializerOptions ManifestJson = new() { WriteIndented = true };
}
