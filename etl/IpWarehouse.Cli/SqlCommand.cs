using System.CommandLine;
using IpWarehouse.Etl.Warehouse;
using IpWarehouse.Etl.Sandbox;

namespace IpWarehouse.Cli;

/// <summary>
/// <c>ipwh sql</c>: a query on the published warehouse in a worker process (<see cref="SqlSandbox"/>, as the web
/// server runs them): read-only, no file access, the allow-list, and the <c>sql</c> section's memory, temp-space and
/// thread limits. The answer streams to stdout or <c>--out</c> without a row or byte limit; <c>--time-limit</c> is off
/// unless given.
/// </summary>
internal static class SqlCommand
{
    internal static Command Create()
    {
        var config = CommonOptions.Config();
        var query = new Argument<string>("query") { Description = "The SQL to run, e.g. \"SELECT region_code, count(*) FROM fact_patent GROUP BY 1\"." };
        var timeLimit = new Option<int>("--time-limit") { Description = "Stop the query after this many seconds (default: no limit)." };
        var command = new Command("sql", "Query the published warehouse (read-only; no reading or writing files from SQL).") { query, config, timeLimit };
        var (format, output) = ReaderAnswer.AddOptions(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var configuration = CommonOptions.LoadConfig(result, config, checkFiles: false);
            var settings = SandboxSettings.FromConfig(configuration);
            using var sandbox = new SqlSandbox(settings with { Queue = 0, Workers = 1 }, WorkerCommand.NextToThisProcess());
            var path = result.GetValue(output);
            var outcome = await sandbox.RunAsync(new SqlRequest
            {
                Warehouse = configuration.Warehouse,
                Sql = result.GetValue(query)!,
                Format = result.GetValue(format).ToString().ToLowerInvariant(),
                Output = string.IsNullOrWhiteSpace(path) ? null : Path.GetFullPath(path),
                TimeLimitSeconds = Math.Max(0, result.GetValue(timeLimit)),
                MemoryLimit = settings.MemoryLimit,
                TempLimit = settings.TempLimit,
                Threads = settings.Threads,
            }, inheritOutput: true, cancellationToken).ConfigureAwait(false);
            if (!outcome.Succeeded)
            {
                throw new QueryRefusedException(outcome.Error!);
            }
            if (!string.IsNullOrWhiteSpace(path))
            {
                Console.Error.WriteLine($"ipwh: wrote {Path.GetFullPath(path)}");
            }
            return 0;
        });
        return command;
    }
}
