using System.Text.Json.Nodes;
using IpWarehouse.Etl.DuckDb;
using IpWarehouse.Etl.Loading;
using IpWarehouse.Etl.Warehouse;
using IpWarehouse.Jobs.Tests.Infrastructure;

namespace IpWarehouse.Jobs.Tests;

/// Each publish is a version of its own (warehouse/published/&lt;batch&gt;.duckdb), named by published.json and
/// linked from warehouse/ipwh.duckdb; versions past loader.keepPublished go once no connection holds them.
public sealed class PublishedVersionTests
{
    private static readonly DateTimeOffset Night = new(2025, 3, 10, 17, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Each_publish_is_a_new_file_named_by_the_marker_and_the_link()
    {
        using var warehouse = new TinyWarehouse();
        var config = warehouse.Configure();
        var clock = new FakeClock(Night);
        var first = await new Loader(config, clock).RunAsync(new LoadRequest());
        clock.Advance(TimeSpan.FromDays(1));
        File.AppendAllText(Path.Combine(warehouse.Folder, "drops", "training.csv"), "E3,2024-05-01,620102,50,版权\n");
        var second = await new Loader(config, clock).RunAsync(new LoadRequest());

        var paths = warehouse.Paths;
        var marker = PublishedMarker.Read(paths)!;
        Assert.Equal(second.BatchId, marker.BatchId);
        Assert.Equal($"published/{second.BatchId}.duckdb", marker.Database);
        Assert.Equal(Path.Combine("published", second.BatchId + ".duckdb"), new FileInfo(paths.PublishedDatabase).LinkTarget);
        Assert.True(File.Exists(paths.PublishedVersion(first.BatchId)), "one older version stays by default");
        Assert.Equal(paths.PublishedVersion(second.BatchId), DuckDbFactory.NormalizePath(paths.PublishedDatabase));

        // Opened by the link, as a statistician's DuckDB does, the file is the new publish.
        using var linked = DuckDbFactory.Open(paths.PublishedDatabase, new DuckDbOptions { ReadOnly = true });
        using var count = linked.CreateCommand();
        count.CommandText = "SELECT count(*) FROM fact_training";
        Assert.Equal(3L, Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_version_a_reader_holds_stays_until_a_later_publish_finds_it_free()
    {
        using var warehouse = new TinyWarehouse();
        var config = warehouse.Configure(loader: new JsonObject { ["keepPublished"] = 0 });
        var clock = new FakeClock(Night);
        var first = await new Loader(config, clock).RunAsync(new LoadRequest());
        var paths = warehouse.Paths;

        var progress = new List<string>();
        using (var reader = WarehouseConnections.OpenPublished(paths))
        {
            clock.Advance(TimeSpan.FromDays(1));
            await new Loader(config, clock).RunAsync(new LoadRequest(), new Collect(progress));

            // The reader still answers from its version, which was kept for it.
            Assert.True(File.Exists(paths.PublishedVersion(first.BatchId)));
            Assert.Contains(progress, p => p.Contains("still in use", StringComparison.Ordinal) && p.Contains(first.BatchId, StringComparison.Ordinal));
            using var count = reader.CreateCommand();
            count.CommandText = "SELECT count(*) FROM fact_training";
            Assert.Equal(2L, Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
        }

        clock.Advance(TimeSpan.FromDays(1));
        var third = await new Loader(config, clock).RunAsync(new LoadRequest());
        Assert.Equal([third.BatchId + ".duckdb"], Directory.GetFiles(paths.PublishedFolder).Select(Path.GetFileName));
    }

    [Fact]
    public void Retention_keeps_the_current_version_and_the_newest_older_ones()
    {
        var versions = new[] { "20250308T013000-aaaa", "20250309T013000-bbbb", "20250310T013000-cccc", "20250311T013000-dddd" };
        Assert.Equal(["20250308T013000-aaaa"], new PublishRetention(1).Expired(versions[..3], "20250310T013000-cccc"));
        Assert.Empty(new PublishRetention(5).Expired(versions[..3], "20250310T013000-cccc"));
        // A version newer than the current one never became current (its publish did not complete).
        Assert.Equal(["20250309T013000-bbbb", "20250308T013000-aaaa", "20250311T013000-dddd"], new PublishRetention(0).Expired(versions, "20250310T013000-cccc"));
    }

    [Fact]
    public void A_retention_that_is_not_a_count_is_refused_before_any_load_work()
    {
        using var warehouse = new TinyWarehouse();
        var error = Assert.Throws<Etl.ConfigException>(() => new Loader(warehouse.Configure(loader: new JsonObject { ["keepPublished"] = -1 })));
        Assert.Contains("loader.keepPublished", error.Message, StringComparison.Ordinal);
    }

    private sealed class Collect(List<string> lines) : IProgress<LoadProgress>
    {
        public void Report(LoadProgress value) => lines.Add(value.Detail);
    }
}
