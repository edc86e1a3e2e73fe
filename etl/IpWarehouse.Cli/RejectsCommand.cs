using System.CommandLine;
using IpWarehouse.Etl.Warehouse;

namespace IpWarehouse.Cli;

/// <summary><c>ipwh rejects</c>: the quarantined rows of a batch (default: the latest), with where and why.</summary>
internal static class RejectsCommand
{
    internal static Command Create()
    {
        var config = CommonOptions.Config();
        var batch = new Option<string?>("--batch") { Description = "The batch id (default: the latest load)." };
        var command = new Command("rejects", "List quarantined rows: source, file, row, column, value, reason.") { config, batch };
        var (format, output) = ReaderAnswer.AddOptions(command);
        command.SetAction(result =>
        {
            var configuration = CommonOptions.LoadConfig(result, config, checkFiles: false);
            using var connection = WarehouseConnections.OpenHistory(new WarehousePaths(configuration.Warehouse), out var fromCopy);
            if (fromCopy)
            {
                Console.Error.WriteLine("ipwh: a load is running; showing the quarantine as of the last publish.");
            }
            using var reader = Quarantine.Read(connection, result.GetValue(batch));
            ReaderAnswer.Write(reader, result.GetValue(format), result.GetValue(output), QueryLabels.Rejects);
            return 0;
        });
        return command;
    }
}
