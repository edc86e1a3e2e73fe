using System.CommandLine;
using IpWarehouse.Etl.Sandbox;

namespace IpWarehouse.Cli;

/// <summary><c>ipwh sql-worker</c> (hidden): one statistician's query in its own process, started by <see cref="SqlSandbox"/>.</summary>
internal static class SqlWorkerCommand
{
    internal static Command Create()
    {
        var command = new Command("sql-worker", "Runs one query sent on stdin (started by ipwh sql and ipwh serve).") { Hidden = true };
        command.SetAction(_ => SqlWorker.Run(Console.In, Console.OpenStandardOutput(), Console.Error, (reader, writer) =>
        {
            ReaderOutput.WriteTable(reader, writer ?? Console.Out);
            return Etl.Warehouse.ResultCut.None;
        }));
        return command;
    }
}
