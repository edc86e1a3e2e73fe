using System.CommandLine;
using IpWarehouse.Etl.Warehouse;

namespace IpWarehouse.Cli;

/// <summary><c>ipwh sql</c>: a query on the published warehouse, read-only and without file access.</summary>
internal static class SqlCommand
{
    internal static Command Create()
    {
        var config = CommonOptions.Config();
        var query = new Argument<string>("query") { Description = "The SQL to run, e.g. \"SELECT region_code, count(*) FROM fact_patent GROUP BY 1\"." };
        var command = new Command("sql", "Query the published warehouse (read-only; no reading or writing files from SQL).") { query, config };
        var (format, output) = ReaderAnswer.AddOptions(command);
        command.SetAction(result =>
        {
            var configuration = CommonOptions.LoadConfig(result, config, checkFiles: false);
            using var connection = WarehouseConnections.OpenPublished(new WarehousePaths(configuration.Warehouse));
            // Labels come from the data dictionary, read before the query streams on the connection.
            var parquet = result.GetValue(format) == OutputFormat.Parquet;
            var labels = parquet ? QueryLabels.FromDictionary(WarehouseCatalog.Read(connection)) : null;
            using var reader = ReadOnlyQuery.Execute(connection, result.GetValue(query)!, shape: parquet ? ResultShape.Typed : ResultShape.Text);
            ReaderAnswer.Write(reader, result.GetValue(format), result.GetValue(output), labels);
            return 0;
        });
        return command;
    }
}
