using System.CommandLine;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using IpWarehouse.Etl.Configuration;
using IpWarehouse.Jobs;
using Spectre.Console;

namespace IpWarehouse.Cli;

/// <summary>
/// <c>ipwh jobs [list|run|pause|resume|cancel]</c>: talks to a running <c>ipwh serve</c> over its HTTP API.
/// The address comes from <c>--url</c>, else the config's <c>server.urls</c>, else loopback:5080; the
/// operator token from <c>$IPWH_OPERATOR_TOKEN</c> or <c>server.operatorToken</c>.
/// </summary>
internal static class JobsCommand
{
    private static readonly JsonSerializerOptions ApiJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    internal static Command Create()
    {
        var command = new Command("jobs", "Show or control the scheduled load of a running 'ipwh serve': list (default), run, pause, resume, cancel.");
        var list = Sub("list", "State, next fire time and the running load (GET /api/jobs).", "GET", "/api/jobs");
        command.Subcommands.Add(list.Command);
        command.Subcommands.Add(Sub("run", "Start a load now (POST /api/jobs/run); follow it with 'ipwh runs'.", "POST", "/api/jobs/run").Command);
        command.Subcommands.Add(Sub("pause", "Pause the nightly trigger (POST /api/jobs/pause).", "POST", "/api/jobs/pause").Command);
        command.Subcommands.Add(Sub("resume", "Resume it; a night missed while paused runs once now (POST /api/jobs/resume).", "POST", "/api/jobs/resume").Command);
        command.Subcommands.Add(Sub("cancel", "Cancel the running load: it publishes nothing (POST /api/jobs/cancel).", "POST", "/api/jobs/cancel").Command);
        // `ipwh jobs` alone lists.
        foreach (var option in list.Command.Options)
        {
            command.Options.Add(option);
        }
        command.SetAction((result, cancellationToken) => list.Run(result, cancellationToken));
        return command;
    }

    private sealed record Verb(Command Command, Func<ParseResult, CancellationToken, Task<int>> Run);

    private static Verb Sub(string name, string description, string method, string path)
    {
        var config = CommonOptions.Config();
        var url = new Option<string?>("--url") { Description = $"The address of ipwh serve (default: server.urls in ipwh.json, else {ServerSettings.DefaultUrls})." };
        var format = new Option<OutputFormat>("--format") { Description = "table (for people) or json (the API's answer).", DefaultValueFactory = _ => OutputFormat.Table };
        var command = new Command(name, description) { config, url, format };
        Func<ParseResult, CancellationToken, Task<int>> run = (result, cancellationToken) =>
            CallAsync(result, config, url, format, method, path, cancellationToken);
        command.SetAction(run);
        return new Verb(command, run);
    }

    private static async Task<int> CallAsync(ParseResult result, Option<string?> configOption, Option<string?> urlOption, Option<OutputFormat> formatOption,
        string method, string path, CancellationToken cancellationToken)
    {
        var config = TryLoadConfig(result, configOption);
        var baseUrl = result.GetValue(urlOption) ?? ClientUrl(config);
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        var token = Environment.GetEnvironmentVariable(ServerSettings.TokenVariable) is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : config?.Section("server") is { ValueKind: JsonValueKind.Object } server && server.TryGetProperty("operatorToken", out var value)
                && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (token is not null && method != "GET")
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            Console.Error.WriteLine($"ipwh: cannot reach ipwh serve at {baseUrl} ({e.Message}). Start it with './ipwh serve --config ipwh.json', or pass --url.");
            return 1;
        }
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                Console.Error.WriteLine($"ipwh: {method} {path}: HTTP {(int)response.StatusCode}: {ErrorText(body)}");
                return 1;
            }
            if (result.GetValue(formatOption) == OutputFormat.Json)
            {
                Console.WriteLine(body);
                return 0;
            }
            Print(path, body);
            return 0;
        }
    }

    private static void Print(string path, string body)
    {
        var console = Terminal.For(Console.Out);
        if (path == "/api/jobs/run")
        {
            using var document = JsonDocument.Parse(body);
            console.WriteLine($"已提交 scheduled：加载马上开始（{document.RootElement.GetProperty("scheduled_at").GetString()}）；用 ipwh jobs list 和 ipwh runs 查看进度。");
            return;
        }
        if (path == "/api/jobs/cancel")
        {
            var cancelled = JsonSerializer.Deserialize<RunningLoad>(body, ApiJson)!;
            console.WriteLine($"已请求取消 cancel requested：批次 {cancelled.BatchId ?? "准备中"}（节点 {cancelled.Node}）在下一个安全点停止，不发布任何数据。");
            return;
        }
        var status = JsonSerializer.Deserialize<JobsStatus>(body, ApiJson)!;
        var table = new Table().Border(TableBorder.Rounded).HideHeaders().AddColumns("", "");
        table.AddRow("任务 job", Markup.Escape($"夜间加载 {status.Job}"));
        table.AddRow("状态 state", Markup.Escape(JobsText.State(status.State)));
        table.AddRow("计划 schedule", Markup.Escape(JobsText.Schedule(status.Schedule, status.TimeZone)));
        table.AddRow("下次运行 next fire", Time(status.NextFireTime));
        table.AddRow("上次定时 previous fire", Time(status.PreviousFireTime));
        table.AddRow("运行中 running", Markup.Escape(JobsText.Running(status.Running, Time)));
        table.AddRow("节点 node", Markup.Escape($"{status.Node}（{(status.Clustered ? "集群" : "单机")}，调度存储 {status.Store}）"));
        console.Write(table);
    }

    private static string Time(DateTimeOffset? time) =>
        time is { } t ? t.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture) : "—";

    private static string ErrorText(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("error", out var error) ? error.GetString() ?? body : body;
        }
        catch (JsonException)
        {
            return body;
        }
    }

    // The config is optional here: without one, the default address and no token.
    private static IpwhConfig? TryLoadConfig(ParseResult result, Option<string?> option)
    {
        var explicitPath = result.GetValue(option);
        if (explicitPath is null && Environment.GetEnvironmentVariable(ConfigLoader.EnvironmentVariable) is null && !File.Exists(ConfigLoader.DefaultFileName))
        {
            return null;
        }
        return CommonOptions.LoadConfig(result, option, checkFiles: false);
    }

    /// Where to reach the server from this machine: its first address, with a wildcard host made loopback.
    internal static string ClientUrl(IpwhConfig? config)
    {
        var urls = config?.Section("server") is { ValueKind: JsonValueKind.Object } server && server.TryGetProperty("urls", out var value)
            && value.ValueKind == JsonValueKind.String ? value.GetString()! : ServerSettings.DefaultUrls;
        var first = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
        var uri = new UriBuilder(first.Replace("://*", "://wildcard", StringComparison.Ordinal).Replace("://+", "://wildcard", StringComparison.Ordinal));
        if (uri.Host is "wildcard" or "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "127.0.0.1";
        }
        return uri.Uri.GetLeftPart(UriPartial.Authority);
    }
}
