using System.Text.Json;
using IpWarehouse.Etl.Warehouse;
using Spectre.Console;

namespace IpWarehouse.Cli;

/// <summary>
/// Writes a query result as a table, JSON or CSV, streaming row by row. JSON is one array of objects
/// keyed by column name, with unrounded numbers and null for missing values (INDICATORS.md).
/// </summary>
internal static class ReaderOutput
{
    /// <summary>At most this many rows are drawn as a table; JSON and CSV write everything.</summary>
    internal const int TableRowLimit = 1000;

    internal static void Write(QueryResult reader, OutputFormat format, TextWriter output)
    {
        switch (format)
        {
            case OutputFormat.Json:
                Buffered(output, writer => WriteJson(reader, writer));
                break;
            case OutputFormat.Csv:
                Buffered(output, writer => WriteCsv(reader, writer));
                break;
            default:
                WriteTable(reader, output);
                break;
        }
    }

    /// Console.Out flushes at every write: a large answer goes to stdout through a 64 KiB buffer instead.
    private static void Buffered(TextWriter output, Action<TextWriter> write)
    {
        if (output != Console.Out)
        {
            write(output);
            return;
        }
        using var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 16);
        write(stdout);
    }

    internal static void WriteJson(QueryResult reader, TextWriter output) => QueryOutput.WriteJson(reader, output);

    internal static void WriteJsonValue(Utf8JsonWriter json, object? value) => QueryOutput.WriteJsonValue(json, value);

    internal static void WriteCsv(QueryResult reader, TextWriter output) => QueryOutput.WriteCsv(reader, output);

    internal static void WriteTable(QueryResult reader, TextWriter output)
    {
        var table = new Table().Border(TableBorder.Rounded);
        for (var i = 0; i < reader.FieldCount; i++)
        {
            table.AddColumn(new TableColumn(Markup.Escape(reader.GetName(i))));
        }
        var shown = 0;
        var more = 0L;
        while (reader.Read())
        {
            if (shown == TableRowLimit)
            {
                more++;
                continue;
            }
            table.AddRow(Enumerable.Range(0, reader.FieldCount).Select(i => Markup.Escape(Text(reader.GetValue(i)))).ToArray());
            shown++;
        }
        var console = Terminal.For(output);
        console.Write(table);
        console.WriteLine(more > 0
            ? $"{shown} of {shown + more} row(s) shown; use --format csv or json for all of them."
            : $"{shown} row(s)");
    }

    internal static string Text(object? value) => QueryOutput.Text(value);
}
