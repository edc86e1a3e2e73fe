using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;

namespace IpWarehouse.Jobs.Tests.Infrastructure;

/// A real `ipwh serve` (the built IpWarehouse.Cli.dll) in a child process on a free loopback port: a
/// cluster node that can be killed like a real one.
public sealed class ServeProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private ServeProcess(Process process, string url)
    {
        this.process = process;
        Url = url;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
    }

    public string Url { get; }

    public HttpClient Client { get; }

    public string Output => string.Join('\n', output);

    public bool HasExited => process.HasExited;

    internal static string Dll => Path.Combine(AppContext.BaseDirectory, "IpWarehouse.Cli.dll");

    public static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// Starts `ipwh serve --config CONFIG --urls http://127.0.0.1:PORT` and waits until its API answers.
    public static async Task<ServeProcess> StartAsync(string configPath, IDictionary<string, string>? environment = null)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var start = Info(Path.GetDirectoryName(configPath)!, environment, "serve", "--config", configPath, "--urls", url);
        var node = new ServeProcess(Process.Start(start)!, url);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (node.HasExited)
            {
                throw new InvalidOperationException($"ipwh serve exited with {node.process.ExitCode}:\n{node.Output}");
            }
            try
            {
                if ((await node.Client.GetAsync("/api/jobs")).IsSuccessStatusCode)
                {
                    return node;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            if (DateTime.UtcNow > deadline)
            {
                await node.DisposeAsync();
                throw new TimeoutException($"ipwh serve did not answer within 60 s:\n{node.Output}");
            }
            await Task.Delay(200);
        }
    }

    public async Task<JobsStatus> StatusAsync() => (await Client.GetFromJsonAsync<JobsStatus>("/api/jobs", TestHost.Json))!;

    /// Waits for a line of the node's output containing <paramref name="text"/>.
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!output.Any(l => l.Contains(text, StringComparison.Ordinal)))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"no '{text}' within {timeout}:\n{Output}");
            }
            await Task.Delay(200);
        }
    }

    /// SIGKILL: no shutdown, no lease release, no goodbye to the job store; as a power cut.
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit(10_000);
    }

    /// SIGTERM: the host stops at a safe point.
    public async Task StopAsync()
    {
        if (process.HasExited)
        {
            return;
        }
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(wait.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        Client.Dispose();
        process.Dispose();
    }

    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    /// Runs one `ipwh` command to the end.
    public static Result Ipwh(string workingDirectory, params string[] args)
    {
        using var process = Process.Start(Info(workingDirectory, null, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"ipwh {string.Join(' ', args)} did not finish in 2 minutes");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    private static ProcessStartInfo Info(string workingDirectory, IDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["CI"] = "true"; // plain lines, no terminal control codes
        start.Environment.Remove("IPWH_OPERATOR_TOKEN");
        start.Environment.Remove("IPWH_FAULT_PAUSE");
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                start.Environment[key] = value;
            }
        }
        return start;
    }
}
