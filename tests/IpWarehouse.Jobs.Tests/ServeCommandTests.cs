using System.Text.Json.Nodes;
using IpWarehouse.Jobs.Tests.Infrastructure;

namespace IpWarehouse.Jobs.Tests;

/// The operator's commands end to end: `ipwh serve` on real Kestrel, `ipwh jobs` over HTTP, `ipwh runs`.
public sealed class ServeCommandTests
{
    [Fact]
    public async Task Serve_then_jobs_list_run_and_runs()
    {
        using var warehouse = new TinyWarehouse();
        warehouse.Configure(nightly: "0 30 1 * * ?", scheduler: new JsonObject { ["idleWaitSeconds"] = 1 });
        await using var node = await ServeProcess.StartAsync(warehouse.ConfigPath);

        var list = ServeProcess.Ipwh(warehouse.Folder, "jobs", "list", "--url", node.Url);
        Assert.Equal(0, list.ExitCode);
        Assert.Contains("│ 状态 state             │ 已计划", list.Stdout, StringComparison.Ordinal);
        Assert.Contains("每天 01:30（北京时间；cron 0 30 1 * * ?）", list.Stdout, StringComparison.Ordinal);
        Assert.Contains("（单机，调度存储 Hangfire.Storage.SQLite）", list.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"next fire\s*│ \d{4}-\d\d-\d\d 01:30:00 \+08:00", list.Stdout);

        var run = ServeProcess.Ipwh(warehouse.Folder, "jobs", "run", "--url", node.Url);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("已提交 scheduled：加载马上开始", run.Stdout, StringComparison.Ordinal);
        await node.WaitForOutputAsync("succeeded (manual)", TimeSpan.FromSeconds(90));

        // `ipwh jobs` alone lists; the JSON is the API's answer.
        var json = ServeProcess.Ipwh(warehouse.Folder, "jobs", "--url", node.Url, "--format", "json");
        Assert.Contains("\"state\": \"scheduled\"", json.Stdout, StringComparison.Ordinal); // the JSON keeps its codes
        Assert.Contains("\"store\": \"Hangfire.Storage.SQLite\"", json.Stdout, StringComparison.Ordinal);
        var cancel = ServeProcess.Ipwh(warehouse.Folder, "jobs", "cancel", "--url", node.Url);
        Assert.Equal(1, cancel.ExitCode);
        Assert.Contains("HTTP 409: 当前没有正在运行的装载", cancel.Stderr, StringComparison.Ordinal);

        await node.StopAsync();
        var runs = ServeProcess.Ipwh(warehouse.Folder, "runs", "--config", warehouse.ConfigPath);
        Assert.Contains("manual", runs.Stdout, StringComparison.Ordinal);
        Assert.Contains("training succeeded: 2 / 2 / 0", runs.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_beyond_loopback_without_a_token_refuses_to_start_and_says_why()
    {
        using var warehouse = new TinyWarehouse();
        warehouse.Configure();
        var result = ServeProcess.Ipwh(warehouse.Folder, "serve", "--config", warehouse.ConfigPath, "--urls", $"http://0.0.0.0:{ServeProcess.FreePort()}");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("beyond this machine, but no operator token is configured", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Set $IPWH_OPERATOR_TOKEN", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Jobs_without_a_server_says_how_to_start_one()
    {
        using var warehouse = new TinyWarehouse();
        var result = ServeProcess.Ipwh(warehouse.Folder, "jobs", "list", "--url", $"http://127.0.0.1:{ServeProcess.FreePort()}");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("cannot reach ipwh serve at", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("./ipwh serve --config", result.Stderr, StringComparison.Ordinal);
    }
}
