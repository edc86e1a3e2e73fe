using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace IpWarehouse.Jobs.Browser.Tests;

/// One demo warehouse (`ipwh demo`, scale 1) served by the real `ipwh serve` on a free loopback port, with
/// 城关区 (620102) as the console's home region, and one headless chromium, shared by the browser tests.
/// Screenshots go to artifacts/screenshots/ at the repository root (or $IPWH_TEST_ARTIFACTS), where a person
/// can look at them after the run.
public sealed class ServedDemo : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "ipwh-browser-" + Guid.NewGuid().ToString("N")[..12]);
    private Process? server;
    private readonly StringBuilder serverLog = new();
    private IPlaywright? playwright;

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string Config => Path.Combine(folder, "ipwh.json");

    /// The home region written into the demo's ipwh.json (console.homeRegion).
    public const string Home = "620102";

    public static string Artifacts
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("IPWH_TEST_ARTIFACTS");
            var root = !string.IsNullOrEmpty(configured) ? configured : Path.Combine(RepositoryRoot(), "artifacts");
            var screenshots = Path.Combine(root, "screenshots");
            Directory.CreateDirectory(screenshots);
            return screenshots;
        }
    }

    public async Task InitializeAsync()
    {
        if (Tests.Browser.ExecutablePath is null)
        {
            return; // the tests skip locally, or fail on CI with ChromiumFact's message
        }
        Directory.CreateDirectory(folder);
        var demo = Run("demo", "--dir", folder);
        if (demo.ExitCode != 0)
        {
            throw new InvalidOperationException($"ipwh demo failed ({demo.ExitCode}):\n{demo.Output}");
        }
        var config = await File.ReadAllTextAsync(Config);
        var at = config.IndexOf("\"warehouse\"", StringComparison.Ordinal);
        await File.WriteAllTextAsync(Config, config[..at] + $"\"console\": {{ \"homeRegion\": \"{Home}\" }},\n  " + config[at..]);

        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        server = Start("serve", "--config", Config, "--urls", BaseAddress.ToString().TrimEnd('/'));
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        await WaitUntilServing();
        // A console is a long-running server: warm it (JIT, the publish's cache) as a first visitor would, so
        // the first-render times below are those of a running service, not of its start.
        foreach (var path in new[] { "", "js/main.js", "lib/echarts.min.js", "api/meta", "api/dictionary", "api/runs", "api/jobs", "api/regions",
            $"api/profile?region={Home}&year=2024", "geo/index.json" })
        {
            using var _ = await Http.GetAsync(new Uri(path, UriKind.Relative));
        }

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Tests.Browser.ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--lang=zh-CN"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        playwright?.Dispose();
        Http?.Dispose();
        if (server is { HasExited: false })
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
        server?.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // the killed server may hold a file a moment longer; the OS temp cleaner takes it
        }
    }

    public async Task<string> GetText(string path)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} → {(int)response.StatusCode}: {body}");
        return body;
    }

    public async Task<byte[]> GetBytes(string path)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} → {(int)response.StatusCode}");
        return body;
    }

    public async Task<JsonElement> GetJson(string path)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} → {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private IBrowserContext? lastContext;

    /// A new page in a fresh browser context; the previous page's context is closed first, so that old pages
    /// do not keep running timers and rendering on the machine's two cores while the next one is measured.
    public async Task<IPage> OpenPage(int width = 1440)
    {
        if (lastContext is not null)
        {
            await lastContext.CloseAsync();
        }
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = width, Height = 1000 },
            AcceptDownloads = true,
        });
        lastContext = context;
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        return page;
    }

    public string ServerLog
    {
        get
        {
            lock (serverLog)
            {
                return serverLog.ToString();
            }
        }
    }

    private async Task WaitUntilServing()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (server!.HasExited)
            {
                throw new InvalidOperationException($"ipwh serve exited with {server.ExitCode}:\n{ServerLog}");
            }
            try
            {
                using var response = await Http.GetAsync(new Uri("api/meta", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"ipwh serve did not answer /api/meta within 60 s:\n{ServerLog}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private (int ExitCode, string Output) Run(params string[] args)
    {
        using var process = Start(args);
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"ipwh {string.Join(' ', args)} did not finish in 5 minutes");
        }
        process.WaitForExit();
        return (process.ExitCode, ServerLog);
    }

    private Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "IpWarehouse.Cli.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["CI"] = "true"; // plain lines, no terminal control codes
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start ipwh");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (serverLog)
        {
            serverLog.AppendLine(line);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IpWarehouse.sln")))
            {
                return dir.FullName;
            }
        }
        return Path.GetTempPath();
    }
}

[CollectionDefinition(nameof(ServedDemo))]
public sealed class ServedDemoGroup : ICollectionFixture<ServedDemo>;
