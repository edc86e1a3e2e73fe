using System.CommandLine;
using IpWarehouse.Etl.DuckDb;

namespace IpWarehouse.Cli;

/// <summary>The root of the <c>ipwh</c> command line; each sub-command lives in its own file.</summary>
internal static class IpwhCommand
{
    internal static RootCommand Create()
    {
        var root = new RootCommand(
            "IpWarehouse (ipwh): the nightly IP-indicator warehouse for county and city IP administrations. " +
            $"DuckDB {DuckDbFactory.LibraryVersion}.")
        {
            DemoCommand.Create(),
            LoadCommand.Create(),
            RunsCommand.Create(),
            RejectsCommand.Create(),
            SqlCommand.Create(),
            SqlWorkerCommand.Create(),
            SnapshotsCommand.Create(),
            CheckCommand.Create(),
            IndicatorsCommand.Create(),
            RankCommand.Create(),
            TargetsCommand.Create(),
            ReconcileCommand.Create(),
            ExplainCommand.Create(),
            TrendCommand.Create(),
            ProfileCommand.Create(),
            ViolationsCommand.Create(),
            IndexCommand.Create(),
            WatchCommands.Expiring(),
            WatchCommands.Cases(),
            RegionsCommand.Create(),
            ServeCommand.Create(),
            JobsCommand.Create(),
        };
        return root;
    }
}
