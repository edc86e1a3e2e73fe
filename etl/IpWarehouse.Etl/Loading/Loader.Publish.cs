using DuckDB.NET.Data;
using IpWarehouse.Etl.DuckDb;
using IpWarehouse.Etl.Indicators;
using IpWarehouse.Etl.Loading.Internal;
using IpWarehouse.Etl.Snapshots;
using IpWarehouse.Etl.Warehouse;

namespace IpWarehouse.Etl.Loading;

/// Publish: a new, never-changed version of the warehouse (published/&lt;batch&gt;.duckdb), built beside the current
/// one; published.json then names the version (readers switch there) and the link ipwh.duckdb is swapped to it.
/// The Parquet snapshot follows, written from that version (Loader.Snapshot.cs). A crash before published.json is
/// written leaves the previous publish current; after it, the next load finishes the rest and writes the snapshot.
public sealed partial class Loader
{
    /// What the last publish did to the indicator marts, for the load's report.
    private string? martsSummary;

    private PublishedMarker Publish(DuckDBConnection work, string batchId, DateTimeOffset asOf, IProgress<LoadProgress>? progress, bool rebuildMarts = false)
    {
        var version = paths.PublishedVersion(batchId);
        // A crash after published.json named this batch left its version complete: finish the rest.
        var marker = PublishedMarker.Read(paths) is { } current && current.BatchId == batchId && File.Exists(version)
            ? current
            : WriteVersion(work, batchId, asOf, version, progress, rebuildMarts);
        FaultInjection.Pause("link");
        SwapLink(version);
        var publishedAt = marker.PublishedAt ?? clock.GetUtcNow();
        BatchLog.Published(work, batchId, publishedAt);
        BatchLog.AdvanceWatermarks(work, batchId, publishedAt);
        progress?.Report(new LoadProgress(null, "published", $"published {version}"));
        return marker;
    }

    /// The version's file, then published.json naming it (its snapshot pending): from here on readers see this publish.
    private PublishedMarker WriteVersion(DuckDBConnection work, string batchId, DateTimeOffset asOf, string version, IProgress<LoadProgress>? progress,
        bool rebuildMarts)
    {
        FaultInjection.Pause("publish");
        // The indicator marts are brought up to date with the committed facts before every publish (a recovered
        // publish included), so a published warehouse never pairs new facts with old marts: only the rows the
        // loads since the last build can affect, or whole (first load, changed settings, --rebuild-marts …).
        progress?.Report(new LoadProgress(null, "indicators", "computing the indicator marts"));
        var marts = rebuildMarts ? IndicatorMart.Build(work, indicatorSettings, clock) : IndicatorMart.Refresh(work, indicatorSettings, clock);
        martsSummary = marts.Summary;
        progress?.Report(new LoadProgress(null, "indicators", "indicator marts: " + marts.Summary));
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
        FaultInjection.Pause("rename");

        // No reader opens a version before published.json names it, so an earlier attempt's file may be replaced.
        File.Move(publishing, version, overwrite: true);
        var publishedAt = clock.GetUtcNow();
        SnapshotLedger.Put(paths, new SnapshotEntry(batchId, asOf, publishedAt, SnapshotLedger.Pending));
        var marker = new PublishedMarker(batchId, asOf, publishedAt, null, Path.GetRelativePath(paths.Folder, version))
        {
            SnapshotStatus = SnapshotLedger.Pending,
        };
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
        foreach (var leftover in Directory.EnumerateDirectories(paths.Snapshots, ".tmp-*").Concat(Directory.EnumerateDirectories(paths.Snapshots, ".removing-*")))
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
}
