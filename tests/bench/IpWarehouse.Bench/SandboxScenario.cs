using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace IpWarehouse.Bench;

/// <summary>
/// <c>sandbox --config CONFIG [--attackers 6] [--seconds 30]</c> (issue 13): the real <c>ipwh serve</c> on a loaded
/// warehouse while N clients each send <c>SELECT list(range(100000000))</c> to <c>POST /api/sql</c> again and again, and
/// one client measures <c>GET /api/rank</c> (a new question every request, so each is computed). Side by side in the
/// same run: the same ranking with no attack. Targets: /api/rank p95 ≤ 100 ms, the server process's RSS ≤ 1 GB (its
/// workers are separate processes), each bad query ends with an error within the time limit + 5 s, the server answers afterwards.
/// </summary>
internal static class SandboxScenario
{
    private const string Attack = "SELECT list(range(100000000)) AS l";

    public static int Run(string[] args)
    {
        string? config = null;
        var attackers = 6;
        var seconds = 30;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--config": config = args[++i]; break;
                case "--attackers": attackers = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--seconds": seconds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine($"Unknown option {args[i]}. Usage: sandbox --config DIR/ipwh.json [--attackers 6] [--seconds 30]");
                    return 2;
            }
        }
        if (config is null)
        {
            Console.Error.WriteLine("sandbox needs --config: the ipwh.json of a loaded warehouse (e.g. ./ipwh demo's demo/ipwh.json).");
            return 2;
        }
        return RunAsync(Path.GetFullPath(config), attackers, TimeSpan.FromSeconds(seconds)).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(string config, int attackers, TimeSpan duration)
    {
        var baseUri = new Uri($"http://127.0.0.1:{WebScenario.FreePort()}/");
        using var server = WebScenario.StartServer(config, baseUri);
        try
        {
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = attackers + 2 }) { BaseAddress = baseUri, Timeout = TimeSpan.FromMinutes(5) };
            await WebScenario.WaitUntilServing(http, server);
            var (path, _, regions) = await WebScenario.ChooseRanking(http);
            var unique = 0;
            Task Rank(int _) => WebScenario.Get(http, $"{path}&n={Interlocked.Increment(ref unique)}");
            Console.WriteLine($"ranking: GET /{path} ({regions} regions), 1 client; {attackers} clients sending {Attack}; {duration.TotalSeconds:0} s each");

            await WebScenario.Drive(1, TimeSpan.FromSeconds(3), Rank);
            var quiet = await WebScenario.Drive(1, duration, Rank);

            var peak = 0L;
            using var stop = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    peak = Math.Max(peak, Rss(server.Id));
                    await Task.Delay(100, CancellationToken.None);
                }
            });
            var bad = new ConcurrentBag<(double Seconds, int Status, string Error)>();
            var clock = Stopwatch.StartNew();
            var attack = Enumerable.Range(0, attackers).Select(_ => Task.Run(async () =>
            {
                while (clock.Elapsed < duration)
                {
                    var start = Stopwatch.GetTimestamp();
                    using var response = await http.PostAsync(new Uri("api/sql", UriKind.Relative),
                        new StringContent(JsonSerializer.Serialize(new { sql = Attack }), Encoding.UTF8, "application/json"));
                    var body = await response.Content.ReadAsStringAsync();
                    var error = response.IsSuccessStatusCode ? "(answered)" : JsonDocument.Parse(body).RootElement.GetProperty("error").GetString()!;
                    bad.Add((Stopwatch.GetElapsedTime(start).TotalSeconds, (int)response.StatusCode, error));
                }
            })).ToList();
            var loud = await WebScenario.Drive(1, duration, Rank);
            await Task.WhenAll(attack);
            await stop.CancelAsync();
            await sampler;

            using var after = await http.GetAsync(new Uri("api/meta", UriKind.Relative));
            Report(quiet, loud, bad.ToList(), peak, after.StatusCode == HttpStatusCode.OK && !server.HasExited);
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
            }
        }
        return 0;
    }

    private static void Report((List<double> Ms, double Seconds) quiet, (List<double> Ms, double Seconds) loud,
        List<(double Seconds, int Status, string Error)> bad, long peak, bool up)
    {
        static double P(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        quiet.Ms.Sort();
        loud.Ms.Sort();
        Console.WriteLine();
        Console.WriteLine("| GET /api/rank (computed) | requests | p50 ms | p95 ms | p99 ms | max ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (name, run) in new[] { ("no attack", quiet), ("while the attack runs", loud) })
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {run.Ms.Count} | {P(run.Ms, 0.5):0.0} | {P(run.Ms, 0.95):0.0} | {P(run.Ms, 0.99):0.0} | {run.Ms[^1]:0.0} |"));
        }
        Console.WriteLine();
        foreach (var group in bad.GroupBy(b => (b.Status, Kind(b.Error))).OrderBy(g => g.Key.Status))
        {
            var secs = group.Select(b => b.Seconds).Order().ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"bad queries → HTTP {group.Key.Status} ({group.Key.Item2}): {group.Count()}, seconds p50 {P(secs, 0.5):0.0}, max {secs[^1]:0.0}"));
        }
        var p95 = P(loud.Ms, 0.95);
        var slowest = bad.Count == 0 ? 0 : bad.Max(b => b.Seconds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""

            {(p95 <= 100 ? "PASS" : "MISS")} /api/rank p95 ≤ 100 ms under attack: {p95:0.0} ms (no attack {P(quiet.Ms, 0.95):0.0} ms, ratio {p95 / P(quiet.Ms, 0.95):0.00}×)
            {(peak <= 1_000_000_000 ? "PASS" : "MISS")} server RSS ≤ 1 GB: peak {peak / 1e6:0} MB
            {(slowest <= 35 && bad.All(b => b.Status != 200) ? "PASS" : "MISS")} every bad query ended with an error within 30 + 5 s: {bad.Count} queries, slowest {slowest:0.0} s
            {(up ? "PASS" : "MISS")} the server answers afterwards
            """));
    }

    private static string Kind(string error) =>
        error.Contains("内存", StringComparison.Ordinal) ? "worker killed: memory" :
        error.Contains("Out of Memory", StringComparison.Ordinal) ? "DuckDB out of memory" :
        error.Contains("查询太多", StringComparison.Ordinal) ? "queue full" :
        error.Contains("时间", StringComparison.Ordinal) ? "time limit" : error[..Math.Min(60, error.Length)];

    private static long Rss(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
