using System.CommandLine;
using IpWarehouse.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace IpWarehouse.Cli;

/// <summary><c>ipwh serve</c>: the scheduler (nightly loads) and the HTTP API in one process.</summary>
internal static class ServeCommand
{
    private const string Name = "serve";

    internal static Command Create()
    {
        var config = CommonOptions.Config();
        var urls = new Option<string?>("--urls")
        {
            Description = $"Where to listen (default: server.urls in ipwh.json, else {ServerSettings.DefaultUrls}). " +
                $"Beyond loopback, ${ServerSettings.TokenVariable} or server.operatorToken is required.",
        };
        var command = new Command(Name, "Run the nightly scheduler (schedule.nightly) and the HTTP API: /api/jobs, /api/runs. Ctrl+C stops it at a safe point.")
        {
            config, urls,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            // Source files may arrive after the service starts: each load checks them when it runs.
            var configuration = CommonOptions.LoadConfig(result, config, checkFiles: false);
            var app = JobsHost.Create(configuration, new JobsHostOptions { Urls = result.GetValue(urls) });
            await using (app.ConfigureAwait(false))
            {
                try
                {
                    await app.StartAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (IOException e) when (e.InnerException is System.Net.Sockets.SocketException || e.Message.Contains("bind", StringComparison.OrdinalIgnoreCase))
                {
                    // Kestrel could not listen (the port is taken): stop what started (the scheduler) and exit.
                    await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
                    Console.Error.WriteLine($"ipwh: 无法监听，端口可能已被占用 / cannot listen: {e.Message} " +
                        "Stop the other process on that port, or choose another address with --urls or server.urls in ipwh.json.");
                    return 2;
                }
                Console.Error.WriteLine($"ipwh: serving {configuration.ConfigPath}; try: ./ipwh jobs list --config {Path.GetRelativePath(Environment.CurrentDirectory, configuration.ConfigPath)}");
                await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            }
            return 0;
        });
        return command;
    }

    internal static bool Handles(ParseResult parsed) => parsed.CommandResult.Command.Name == Name;
}
