using System.Net;
using System.Text.Json.Nodes;
using IpWarehouse.Jobs.Internal;
using IpWarehouse.Jobs.Tests.Infrastructure;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace IpWarehouse.Jobs.Tests;

/// The single-node default: Hangfire.Storage.SQLite in the warehouse folder, one worker, our lease and pause beside it.
public sealed class SqliteSchedulerTests
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    private static JsonObject Scheduler(string name) => new() { ["name"] = name, ["idleWaitSeconds"] = 1 };

    [Fact]
    public async Task Restart_keeps_the_trigger_and_a_missed_night_runs_once_not_as_a_backlog()
    {
        using var warehouse = new TinyWarehouse();
        var config = warehouse.Configure(nightly: "0 30 1 * * ?", scheduler: Scheduler("t-restart"));
        var clock = new FakeClock(new DateTimeOffset(2025, 3, 10, 12, 0, 0, Shanghai));
        await using (var host = await TestHost.StartAsync(config, clock))
        {
            var status = await host.StatusAsync();
            Assert.Equal("scheduled", status.State);
            Assert.Equal("0 30 1 * * ?", status.Schedule);
            Assert.Equal(new DateTimeOffset(2025, 3, 11, 1, 30, 0, Shanghai), status.NextFireTime);
            Assert.Equal(Shanghai, status.NextFireTime!.Value.Offset);
        }
        Assert.True(File.Exists(Path.Combine(warehouse.Paths.Folder, "scheduler", "hangfire.db")));
        Assert.False(File.Exists(warehouse.Paths.WorkDatabase)); // nothing ran

        // Down for the nights of the 11th, 12th and 13th; back at 09:00 on the 13th.
        var back = new DateTimeOffset(2025, 3, 13, 9, 0, 0, Shanghai);
        clock.Set(back);
        await using (var host = await TestHost.StartAsync(config, clock))
        {
            await host.WaitForRunsAsync(1);
            await Task.Delay(TimeSpan.FromSeconds(3)); // three idle polls: a backlog would have fired by now
            var run = Assert.Single(await host.RunsAsync());
            Assert.Equal("misfire", run.Trigger);
            Assert.Equal("succeeded", run.Status);
            Assert.Equal(back.UtcDateTime, run.StartedAt);
            var status = await host.StatusAsync();
            Assert.Equal("scheduled", status.State);
            Assert.Equal(new DateTimeOffset(2025, 3, 14, 1, 30, 0, Shanghai), status.NextFireTime);
        }
    }

    [Fact]
    public async Task Run_now_loads_and_api_runs_is_exactly_the_cli_json()
    {
        using var warehouse = new TinyWarehouse();
        var config = warehouse.Configure(scheduler: Scheduler("t-run"));
        var clock = new FakeClock(new DateTimeOffset(2025, 3, 10, 12, 0, 0, Shanghai));
        string api;
        await using (var host = await TestHost.StartAsync(config, clock))
        {
            Assert.Equal("unscheduled", (await host.StatusAsync()).State);
            Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/api/runs")).StatusCode); // nothing loaded yet
            var accepted = await host.Client.PostAsync("/api/jobs/run", null);
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
            var run = Assert.Single(await host.WaitForRunsAsync(1));
            Assert.Equal("manual", run.Trigger);
            Assert.Equal("succeeded", run.Status);
            var source = Assert.Single(run.Sources);
            Assert.Equal(("training", 2L, 2L, 0L, false), (source.Name, source.RowsRead, source.RowsAccepted, source.RowsQuarantined, source.Stale));
            Assert.Equal(run.BatchId, warehouse.PublishedBatch());
            api = await host.Client.GetStringAsync("/api/runs");
            Assert.Equal(HttpStatusCode.BadRequest, (await host.Client.GetAsync("/api/runs?limit=zero")).StatusCode);
        }
        var cli = ServeProcess.Ipwh(warehouse.Folder, "runs", "--config", warehouse.ConfigPath, "--format", "json");
        Assert.Equal(0, cli.ExitCode);
        Assert.Equal(cli.Stdout.Trim(), api.Trim());
    }

    [Fact]
    public async Task Run_now_of_one_source_rereads_that_source_in_full_and_refuses_unknown_names_and_other_sites()
    {
        using var warehouse = new TinyWarehouse();
        warehouse.Write("drops/events.csv", "event_id,event_date,region_code,person_times,topic\nF1,2024-05-01,620102,10,专利\n");
        var events = new JsonObject { ["name"] = "events", ["kind"] = "training", ["connector"] = "csv", ["path"] = "drops/events.csv" };
        var config = warehouse.Configure(scheduler: Scheduler("t-source"), moreSources: events);
        var clock = new FakeClock(new DateTimeOffset(2025, 3, 10, 12, 0, 0, Shanghai));
        await using var host = await TestHost.StartAsync(config, clock);
        await host.Client.PostAsync("/api/jobs/run", null);
        Assert.Equal(2, Assert.Single(await host.WaitForRunsAsync(1)).Sources.Count);

        var unknown = await host.Client.PostAsync("/api/jobs/run", Json("""{"source": "patents"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("可用的数据源：training, events", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var elsewhere = new HttpRequestMessage(HttpMethod.Post, "/api/jobs/run") { Content = Json("{}") };
        elsewhere.Headers.Add("Origin", "http://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client.SendAsync(elsewhere)).StatusCode);

        clock.Advance(TimeSpan.FromHours(1));
        using var same = new HttpRequestMessage(HttpMethod.Post, "/api/jobs/run") { Content = Json("""{"source": "events"}""") };
        same.Headers.Add("Origin", "http://localhost"); // the test server's own address: its pages may act
        Assert.Equal(HttpStatusCode.Accepted, (await host.Client.SendAsync(same)).StatusCode);
        var runs = await host.WaitForRunsAsync(2);
        Assert.Equal("manual", runs[0].Trigger);
        var source = Assert.Single(runs[0].Sources);
        Assert.Equal(("events", "succeeded", 1L), (source.Name, source.Status, source.RowsRead)); // read again in full, the other source left alone
    }

    // Hangfire.Storage.SQLite (sqlite-net-pcl, SQLitePCLRaw 3) and our SQLite connector and lease
    // (Microsoft.Data.Sqlite) in one process: a scheduled run reads a SQLite source.
    [Fact]
    public async Task Hangfire_s_sqlite_storage_and_the_sqlite_connector_work_in_one_process()
    {
        using var warehouse = new TinyWarehouse();
        warehouse.EventsDatabase();
        var events = TinyWarehouse.EventsSource();
        var config = warehouse.Configure(scheduler: Scheduler("t-sqlite"), moreSources: events);
        await using var host = await TestHost.StartAsync(config, new FakeClock(new DateTimeOffset(2025, 3, 10, 12, 0, 0, Shanghai)));
        Assert.Equal(HttpStatusCode.Accepted, (await host.Client.PostAsync("/api/jobs/run", Json("""{"source": "events-db"}"""))).StatusCode);
        var run = Assert.Single(await host.WaitForRunsAsync(1));
        var source = Assert.Single(run.Sources, s => s.Name == "events-db");
        Assert.Equal(("succeeded", 2L), (source.Status, source.RowsAccepted));
        Assert.Equal("Hangfire.Storage.SQLite", (await host.StatusAsync()).Store);
    }

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");

    [Fact]
    public async Task Cancel_mid_load_publishes_nothing_and_keeps_the_previous_publish()
    {
        using var warehouse = new TinyWarehouse();
        var config = warehouse.Configure(scheduler: Scheduler("t-cancel"));
        var clock = new FakeClock(new DateTimeOffset(2025, 3, 10, 12, 0, 0, Shanghai));
        using var hold = new HoldAt("landed");
        await using var host = await TestHost.StartAsync(config, clock, hold);
        Assert.Equal(HttpStatusCode.Conflict, (await host.Client.PostAsync("/api/jobs/cancel", null)).StatusCode);

        await host.Client.PostAsync("/api/jobs/run", null);
        var first = Assert.Single(await host.WaitForRunsAsync(1));
        Assert.Equal(first.BatchId, warehouse.PublishedBatch());

        hold.Arm();
        clock.Advance(TimeSpan.FromHours(1));
        await host.Client.PostAsync("/api/jobs/run", null);
        await hold.Reached.WaitAsync(TimeSpan.FromSeconds(60));
        var running = (await host.StatusAsync()).Running!;
        Assert.Equal("landed", running.Phase);
        Assert.Equal(HttpStatusCode.Conflict, (await host.Client.PostAsync("/api/jobs/run", null)).StatusCode);
        var cancel = await host.Client.PostAsync("/api/jobs/cancel", null);
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        hold.Release();

        var runs = await host.WaitForRunsAsync(2);
        Assert.Equal(running.BatchId, runs[0].BatchId);
        Assert.Equal("cancelled", runs[0].Status);
        Assert.Null(runs[0].PublishedAt);
        Assert.Equal(first.BatchId, warehouse.PublishedBatch());
        Assert.Contains(host.Logs, l => l.Contains($"Load {running.BatchId} cancelled (manual)", StringComparison.Ordinal));
        // Hangfire's job ends Deleted with the reason, not Failed, not requeued.
        var monitoring = (await host.Services.GetRequiredService<SchedulerHostedService>().Storage).GetMonitoringApi();
        await Eventually(() => monitoring.DeletedListCount() == 1);
        var deleted = Assert.Single(monitoring.DeletedJobs(0, 10)).Value;
        Assert.Equal(0, monitoring.EnqueuedCount("default") + monitoring.FetchedCount("default"));
        Assert.Equal(2, monitoring.SucceededListCount() + monitoring.DeletedListCount());
        Assert.Equal(0, monitoring.FailedCount());
        Assert.Contains("RunAsync", deleted.Job.Method.Name, StringComparison.Ordinal);
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within 30 s");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Pause_over_a_fire_skips_it_and_resume_runs_one_catch_up_and_keeps_the_schedule()
    {
        using var warehouse = new TinyWarehouse();
        var config = warehouse.Configure(nightly: "0 30 1 * * ?", scheduler: Scheduler("t-pause"));
        var clock = new FakeClock(new DateTimeOffset(2025, 3, 10, 12, 0, 0, Shanghai));
        await using var host = await TestHost.StartAsync(config, clock);
        var paused = await host.Client.PostAsync("/api/jobs/pause", null);
        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        var status = await host.StatusAsync();
        Assert.Equal("paused", status.State);
        Assert.Null(status.NextFireTime);

        // The nights of the 11th and 12th pass while paused: the fires find the pause and do nothing.
        clock.Set(new DateTimeOffset(2025, 3, 11, 1, 30, 5, Shanghai));
        await WaitForLogAsync(host, "The nightly schedule is paused");
        clock.Set(new DateTimeOffset(2025, 3, 12, 1, 30, 5, Shanghai));
        await WaitForLogAsync(host, "The nightly schedule is paused", count: 2);
        Assert.False(File.Exists(warehouse.Paths.WorkDatabase));

        clock.Set(new DateTimeOffset(2025, 3, 12, 9, 0, 0, Shanghai));
        await host.Client.PostAsync("/api/jobs/resume", null);
        var run = Assert.Single(await host.WaitForRunsAsync(1));
        Assert.Equal(("misfire", "succeeded"), (run.Trigger, run.Status));
        await Task.Delay(TimeSpan.FromSeconds(3)); // three polls: a second catch-up would have started by now
        Assert.Single(await host.RunsAsync());
        status = await host.StatusAsync();
        Assert.Equal("scheduled", status.State);
        Assert.Equal(new DateTimeOffset(2025, 3, 13, 1, 30, 0, Shanghai), status.NextFireTime);

        // Pause and resume with no fire between: no catch-up.
        await host.Client.PostAsync("/api/jobs/pause", null);
        await host.Client.PostAsync("/api/jobs/resume", null);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Single(await host.RunsAsync());
    }

    private static async Task WaitForLogAsync(TestHost host, string text, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (host.Logs.Count(l => l.Contains(text, StringComparison.Ordinal)) < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"no {count} × '{text}' within 30 s:\n{string.Join('\n', host.Logs)}");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task A_fire_while_another_node_holds_the_lease_is_a_logged_no_op()
    {
        using var warehouse = new TinyWarehouse();
        var config = warehouse.Configure(scheduler: Scheduler("t-lease"));
        var clock = new FakeClock(new DateTimeOffset(2025, 3, 10, 12, 0, 0, Shanghai));
        await using var host = await TestHost.StartAsync(config, clock);
        var lease = host.Services.GetRequiredService<LoadLease>();
        Assert.True((await lease.TryAcquireAsync("other-node/fire-1", "schedule", CancellationToken.None)).Acquired);
        Assert.False((await lease.TryAcquireAsync("this-node/fire-2", "manual", CancellationToken.None)).Acquired);

        var status = await host.StatusAsync();
        Assert.Equal("running", status.State);
        Assert.Equal("other-node", status.Running!.Node);
        Assert.Equal(HttpStatusCode.Conflict, (await host.Client.PostAsync("/api/jobs/run", null)).StatusCode);

        // A nightly fire (as Hangfire's recurring job enqueues it): the job finds the lease taken and does nothing.
        var storage = await host.Services.GetRequiredService<SchedulerHostedService>().Storage;
        new BackgroundJobClient(storage).Enqueue<LoadJob>(job => job.RunAsync(LoadJob.Nightly, "schedule", null, null, null, CancellationToken.None));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!host.Logs.Any(l => l.Contains("Skipped this schedule fire: a load is already running on node other-node", StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, string.Join('\n', host.Logs));
            await Task.Delay(100);
        }
        Assert.False(File.Exists(warehouse.Paths.WorkDatabase));

        // The lease lapses when its holder stops renewing it.
        clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Null((await host.StatusAsync()).Running);
    }

    [Fact]
    public async Task With_a_token_the_mutating_routes_need_it_and_reads_do_not()
    {
        using var warehouse = new TinyWarehouse();
        const string Token = "0123456789abcdef-operator";
        var config = warehouse.Configure(nightly: "0 30 1 * * ?", scheduler: Scheduler("t-token"), server: new JsonObject { ["operatorToken"] = Token });
        var clock = new FakeClock(new DateTimeOffset(2025, 3, 10, 12, 0, 0, Shanghai));
        await using var host = await TestHost.StartAsync(config, clock);

        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/api/jobs")).StatusCode);
        var none = await host.Client.PostAsync("/api/jobs/pause", null);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Contains("Authorization: Bearer", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Post(host, "/api/jobs/pause", "Bearer " + Token + "x")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Post(host, "/api/jobs/pause", Token)).StatusCode);
        Assert.Equal("scheduled", (await host.StatusAsync()).State);
        Assert.Equal(HttpStatusCode.OK, (await Post(host, "/api/jobs/pause", "Bearer " + Token)).StatusCode);
        Assert.Equal("paused", (await host.StatusAsync()).State);

        // Hangfire's dashboard: anyone may read it; its commands need the token (header, or the 运行 page's cookie)
        // from this site's pages.
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/hangfire/recurring")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Trigger(host, null, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Trigger(host, "Bearer " + Token, "http://evil.example")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Trigger(host, "Bearer " + Token + "x", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Trigger(host, "Bearer " + Token, "http://localhost")).StatusCode);
        using var withCookie = new HttpRequestMessage(HttpMethod.Get, "/hangfire/recurring");
        withCookie.Headers.Add("Cookie", "ipwh_operator=" + Token);
        Assert.Contains("js-jobs-list-command", await (await host.Client.SendAsync(withCookie)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("js-jobs-list-command", await host.Client.GetStringAsync("/hangfire/recurring"), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> Trigger(TestHost host, string? authorization, string? origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/hangfire/recurring/trigger")
        {
            Content = new FormUrlEncodedContent([new("jobs[]", "ipwh.nightly")]),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }
        return host.Client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> Post(TestHost host, string path, string authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return host.Client.SendAsync(request);
    }
}
