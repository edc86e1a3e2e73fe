using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using IpWarehouse.Etl.Configuration;
using IpWarehouse.Etl.Loading;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IpWarehouse.Jobs.Tests.Infrastructure;

/// The real jobs host (scheduler, job store, API routes) on an in-memory server, with a fake clock and
/// its log lines captured.
public sealed class TestHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private TestHost(WebApplication app, HttpClient client, ConcurrentQueue<string> logs)
    {
        this.app = app;
        Client = client;
        Logs = logs;
    }

    public HttpClient Client { get; }

    public ConcurrentQueue<string> Logs { get; }

    public IServiceProvider Services => app.Services;

    public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static async Task<TestHost> StartAsync(IpwhConfig config, TimeProvider clock, IProgress<LoadProgress>? progress = null,
        Func<string, string?>? environment = null)
    {
        var logs = new ConcurrentQueue<string>();
        var app = JobsHost.Create(config, new JobsHostOptions
        {
            Clock = clock,
            Progress = progress,
            Environment = environment ?? (_ => null),
            ConfigureBuilder = builder =>
            {
                builder.WebHost.UseTestServer();
                builder.Logging.AddProvider(new ListLoggerProvider(logs));
            },
        });
        await app.StartAsync();
        return new TestHost(app, app.GetTestClient(), logs);
    }

    public async Task<JobsStatus> StatusAsync() => (await Client.GetFromJsonAsync<JobsStatus>("/api/jobs", Json))!;

    /// The history through GET /api/runs (the host's gate keeps it off a load's working database).
    public async Task<List<ApiRun>> RunsAsync() => (await Client.GetFromJsonAsync<List<ApiRun>>("/api/runs?limit=100", Json))!;

    /// Waits until no load runs and the history holds at least <paramref name="count"/> finished loads.
    public async Task<List<ApiRun>> WaitForRunsAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (true)
        {
            var status = await StatusAsync();
            if (status.Running is null)
            {
                var response = await Client.GetAsync("/api/runs?limit=100");
                if (response.IsSuccessStatusCode)
                {
                    var runs = (await response.Content.ReadFromJsonAsync<List<ApiRun>>(Json))!;
                    if (runs.Count >= count && runs.All(r => r.Status != "running"))
                    {
                        return runs;
                    }
                }
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"no {count} finished load(s) within the timeout; log:\n{string.Join('\n', Logs)}");
            }
            await Task.Delay(250);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private sealed class ListLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ListLogger(lines, categoryName);

        public void Dispose()
        {
        }
    }

    private sealed class ListLogger(ConcurrentQueue<string> lines, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " " + exception.Message)}");
    }
}

public sealed record ApiRun(string BatchId, string Status, string Trigger, DateTime StartedAt, DateTime? PublishedAt, string? Message, List<ApiSource> Sources);

public sealed record ApiSource(string Name, string Status, long RowsRead, long RowsAccepted, long RowsQuarantined, string? Message,
    bool Stale, DateTime? StaleDataAsOf, double? StaleAgeHours);
