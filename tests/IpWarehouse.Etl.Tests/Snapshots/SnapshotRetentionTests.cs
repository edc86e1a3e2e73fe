using System.Globalization;
using IpWarehouse.Etl.Configuration;
using IpWarehouse.Etl.Loading;
using IpWarehouse.Etl.Snapshots;
using IpWarehouse.Etl.Tests.Infrastructure;
using IpWarehouse.Etl.Warehouse;
using Xunit.Abstractions;

namespace IpWarehouse.Etl.Tests.Snapshots;

/// Retention (ipwh.json snapshots.keep): a year of nightly publishes under the default rule keeps at most 40 snapshots'
/// worth of disk, never the current publish's nor a pinned one; loads prune after publishing, versions included.
public sealed class SnapshotRetentionTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_year_of_nightly_publishes_under_the_default_rule_stays_within_40_snapshots_of_disk()
    {
        var paths = new WarehousePaths(Path.Combine(folder.Path, "warehouse"));
        paths.EnsureFolders();
        const int SnapshotBytes = 64 * 1024;
        var first = new DateTimeOffset(2025, 1, 1, 2, 0, 0, TimeSpan.FromHours(8));
        long peak = 0;
        var peakCount = 0;
        string? pinned = null;
        for (var night = 0; night < 730; night++)
        {
            var asOf = first.AddDays(night);
            var batch = asOf.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture) + "-0000";
            var name = asOf.ToString("yyyy-MM-dd'T'HHmmss", CultureInfo.InvariantCulture);
            Directory.CreateDirectory(Path.Combine(paths.Snapshots, name));
            File.WriteAllBytes(Path.Combine(paths.Snapshots, name, "fact_patent.parquet"), new byte[SnapshotBytes]);
            SnapshotLedger.Put(paths, new SnapshotEntry(batch, asOf, asOf, SnapshotLedger.Written) { Snapshot = name, Bytes = SnapshotBytes });
            new PublishedMarker(batch, asOf, asOf, name, null).Write(paths);
            if (night == 100)
            {
                pinned = SnapshotPins.Set(paths, name[..10], pinned: true, "2025年度考核上报").BatchId; // a Thursday in April, not a month's last
            }

            SnapshotRetention.Default.Prune(paths, asOf, Shanghai);

            var (bytes, count) = OnDisk(paths);
            Assert.True(Directory.Exists(Path.Combine(paths.Snapshots, name)), $"night {night}: the current publish's snapshot was removed");
            (peak, peakCount) = bytes > peak ? (bytes, count) : (peak, peakCount);
            if (night == 364)
            {
                output.WriteLine($"after a year (365 nightly publishes): {count} snapshots, {bytes:N0} bytes = {bytes / (double)SnapshotBytes:F0} snapshots' worth; peak {peakCount} ({peak:N0} bytes)");
                Assert.True(peak <= 40L * SnapshotBytes, $"a year of publishes peaked at {peak / SnapshotBytes} snapshots' worth of disk");
            }
        }

        // After two years: the last 14 days, the last of each month of 24 (some inside those 14 days), the last of 2025, the pin.
        var kept = SnapshotLedger.Read(paths).Where(e => e.Status == SnapshotLedger.Written).ToList();
        output.WriteLine($"after two years: {kept.Count} snapshots, {OnDisk(paths).Bytes:N0} bytes; peak {peakCount} ({peak:N0} bytes)");
        Assert.Contains(kept, e => e.BatchId == pinned && e.Pinned);
        Assert.Contains(kept, e => e.Snapshot == "2025-12-31T020000");
        Assert.Contains(kept, e => e.Snapshot == "2025-02-28T020000");
        Assert.DoesNotContain(kept, e => e.Snapshot == "2025-02-27T020000");
        Assert.Equal(14, kept.Count(e => e.AsOf > first.AddDays(729 - 14)));
        Assert.Equal(kept.Count, OnDisk(paths).Count);
        Assert.True(peak <= 40L * SnapshotBytes);
    }

    [Fact]
    public async Task A_load_prunes_what_the_rule_no_longer_keeps_but_never_a_pinned_publish_or_its_version()
    {
        folder.Write("drops/training.csv", "event_id,event_date,region_code,person_times,topic\nE1,2024-03-01,620102,30,专利\n");
        var config = ConfigLoader.Load(folder.Write("ipwh.json", """
            { "warehouse": "warehouse", "timeZone": "Asia/Shanghai",
              "loader": { "keepPublished": 0 },
              "snapshots": { "keep": { "days": 2, "months": 0, "years": 0 } },
              "sources": [ { "name": "training", "kind": "training", "connector": "csv", "path": "drops/training.csv" } ] }
            """), _ => null);
        var paths = new WarehousePaths(Path.Combine(folder.Path, "warehouse"));
        var day = new DateTimeOffset(2025, 3, 1, 18, 0, 0, TimeSpan.Zero);
        var batches = new List<string>();
        for (var night = 0; night < 5; night++)
        {
            var report = await new Loader(config, new Clock(day.AddDays(night))).RunAsync(new LoadRequest());
            Assert.Equal("written", report.SnapshotStatus);
            batches.Add(report.BatchId);
            if (night == 0)
            {
                SnapshotPins.Set(paths, report.BatchId, pinned: true, "2024年度考核上报");
            }
            if (night == 4)
            {
                // Night 4 removes night 2's snapshot (3 and 4 are within 2 days); nights 0 (pinned) and 1 went before.
                Assert.Equal([batches[2]], report.Retention!.Snapshots.Select(s => s.BatchId));
                Assert.True(report.Retention.Bytes > 0);
            }
        }
        var written = SnapshotLedger.Read(paths).Where(e => e.Status == SnapshotLedger.Written).Select(e => e.BatchId);
        Assert.Equal([batches[0], batches[3], batches[4]], written);
        Assert.Equal(["removed", "removed"], new[] { batches[1], batches[2] }.Select(b => SnapshotLedger.Find(paths, b)!.Status));
        Assert.Equal([batches[0], batches[4]], Directory.GetFiles(paths.PublishedFolder, "*.duckdb").Select(Path.GetFileNameWithoutExtension).Order());

        // Unpinned, the next day's prune removes it and its version (and night 3's snapshot, two days old then).
        SnapshotPins.Set(paths, batches[0], pinned: false, null);
        var pruned = new Loader(config, new Clock(day.AddDays(5))).Prune();
        Assert.Equal([batches[0], batches[3]], pruned.Snapshots.Select(s => s.BatchId));
        Assert.Equal([batches[0]], pruned.Versions.Select(v => v.BatchId));
    }

    [Theory]
    [InlineData("""{ "days": -1 }""", "snapshots.keep.days in")]
    [InlineData("""{ "weeks": 4 }""", "unknown key 'weeks'")]
    [InlineData("""{ "years": "always" }""", "snapshots.keep.years in")]
    [InlineData("14", "snapshots.keep in")]
    public void A_bad_snapshots_keep_fails_before_any_load_work_naming_the_key(string keep, string expected)
    {
        folder.Write("t.csv", "event_id,event_date,region_code,person_times,topic\n");
        var path = folder.Write("ipwh.json", $$"""
            { "warehouse": "warehouse", "timeZone": "Asia/Shanghai", "snapshots": { "keep": {{keep}} },
              "sources": [ { "name": "training", "kind": "training", "connector": "csv", "path": "t.csv" } ] }
            """);
        var error = Assert.Throws<ConfigException>(() => new Loader(ConfigLoader.Load(path, _ => null)));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("\"days\": 14, \"months\": 24, \"years\": \"forever\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_rule_is_14_days_24_months_and_every_year_forever()
    {
        folder.Write("t.csv", "event_id,event_date,region_code,person_times,topic\n");
        var path = folder.Write("ipwh.json", """
            { "warehouse": "warehouse", "timeZone": "Asia/Shanghai", "snapshots": { "keep": { "years": "forever", "days": 7 } },
              "sources": [ { "name": "training", "kind": "training", "connector": "csv", "path": "t.csv" } ] }
            """);
        Assert.Equal(new SnapshotRetention(7, 24, null), SnapshotRetention.FromConfig(ConfigLoader.Load(path, _ => null)));
        Assert.Equal(new SnapshotRetention(14, 24, null), SnapshotRetention.Default);
    }

    private static (long Bytes, int Count) OnDisk(WarehousePaths paths)
    {
        var folders = SnapshotFolder.All(paths);
        return (folders.Sum(f => SnapshotRetention.FolderBytes(f.Path)), folders.Count);
    }

    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
