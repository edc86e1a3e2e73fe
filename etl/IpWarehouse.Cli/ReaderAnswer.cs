using System.CommandLine;
using IpWarehouse.Etl.Warehouse;

namespace IpWarehouse.Cli;

/// <summary>
/// The output of the commands that stream a query result (<c>ipwh sql</c>, <c>ipwh rejects</c>): table, JSON or CSV
/// to stdout or <c>--out</c>, or Parquet written by .NET to <c>--out</c> (the query's read-only connection writes no file).
/// </summary>
internal static class ReaderAnswer
{
    /// <summary>Adds --format (with parquet) and --out to <paramref name="command"/>, refusing parquet without --out.</summary>
    internal static (Option<OutputFormat> Format, Option<string?> Out) AddOptions(Command command)
    {
        var format = CommonOptions.Format(parquet: true);
        var output = CommonOptions.Out();
        command.Options.Add(format);
        command.Options.Add(output);
        command.Validators.Add(result =>
        {
            if (result.GetValue(format) == OutputFormat.Parquet && string.IsNullOrWhiteSpace(result.GetValue(output)))
            {
                result.AddError("--format parquet writes a file: add --out FILE, e.g. --out result.parquet.");
            }
        });
        return (format, output);
    }

    /// <summary>Writes the result; <paramref name="labels"/> (Chinese labels by column) go into Parquet's column metadata.</summary>
    internal static void Write(QueryResult reader, OutputFormat format, string? path, IReadOnlyDictionary<string, string>? labels)
    {
        if (format == OutputFormat.Parquet)
        {
            ReportOutput.WriteFile(path!, stream => QueryParquet.Write(reader, stream, labels));
        }
        else
        {
            ReportOutput.WriteText(path, writer => ReaderOutput.Write(reader, format, writer));
        }
    }
}
