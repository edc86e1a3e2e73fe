using System.CommandLine;
using IpWarehouse.Etl.Sources;
using Spectre.Console;

namespace IpWarehouse.Cli;

/// <summary><c>ipwh check</c>: validates the configuration and reaches every source without loading it.</summary>
internal static class CheckCommand
{
    internal static Command Create()
    {
        var config = CommonOptions.Config();
        var command = new Command("check", "Validate ipwh.json and reach every source (a zero-row query, a file glob).") { config };
        command.SetAction(async (result, cancellationToken) =>
        {
            var configuration = CommonOptions.LoadConfig(result, config, checkFiles: false);
            _ = Jobs.ConsoleSettings.FromConfig(configuration); // the console section is checked as ipwh serve will read it
            _ = Jobs.SchedulerSettings.FromConfig(configuration); // and the scheduler section with schedule.nightly (NightlySchedule.Parse)
            var results = await SourceConnectors.CheckAllAsync(configuration, cancellationToken).ConfigureAwait(false);
            var table = new Table().Border(TableBorder.Rounded).AddColumns("来源 source", "状态 status", "说明 message");
            foreach (var check in results)
            {
                table.AddRow(Markup.Escape(check.SourceName), check.Status.ToString().ToLowerInvariant(), Markup.Escape(check.Message));
            }
            var console = Terminal.For(Console.Out);
            console.Write(table);
            console.WriteLine($"configuration {configuration.ConfigPath}: {results.Count} source(s), warehouse {configuration.Warehouse}");
            return results.Any(r => r.Status == SourceCheckStatus.Failed) ? 1 : 0;
        });
        return command;
    }
}
