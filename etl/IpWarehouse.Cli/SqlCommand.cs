using System.CommandLine;
using IpWarehouse.Etl.Warehouse;

namespace IpWarehouse.Cli;

/// <summary><c>ipwh sql</c>: a query on the published warehouse, read-only and without file access.</summary>
internal static class SqlCommand
{
    internal static Command Create()
    {
        var config = CommonOptions.Config();
        var format = CommonOptions.Format();
        var query = new Argument<string>("query") { Description = "The SQL to run, e.g. \"SELECT region_code, count(*) FROM fact_patent GROUP BY 1\"." };
        var command = new Command("sql", "Query the published warehouse (read-only; no reading or writing files from SQL).") { query, config, format };
        command.SetAction(result =>
        {
            var configuration = CommonOptions.LoadConfig(result, config, checkFiles: false);
            using var connection = WarehouseConnections.OpenPublished(new WarehousePaths(configuration.Warehouse));
            using var reader = ReadOnlyQuery.Execute(connection, result.GetValue(query)!);
            ReaderOutput.Write(reader, result.GetValue(format), Console.Out);
            return 0;
        });
        return command;
    }
}
