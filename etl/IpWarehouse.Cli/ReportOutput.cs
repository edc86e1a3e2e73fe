using System.CommandLine;
using System.Globalization;
using System.Text;
using IpWarehouse.Etl.Planning;
using IpWarehouse.Etl.Warehouse;
using Spectre.Console;

namespace IpWarehouse.Cli;

/// <summary>
/// Writes a planning answer in the chosen format: JSON from the typed rows (INDICATORS.md), CSV and XLSX
/// from its <see cref="Report"/> (the writers the web server shares), or a table for people.
/// </summary>
internal static class ReportOutput
{
    /// <summary>At most this many rows are drawn as a table; the other formats write everything.</summary>
    internal const int TableRowLimit = 1000;

    /// <summary>Writes the answer as --format says; a list cut at <paramref name="limit"/> says so on stderr, in Chinese.</summary>
    internal static int Write(ParseResult result, Option<OutputFormat> formatOption, Option<string?> outOption, PlanningAnswer answer,
        OutputLimit limit = default)
    {
        var format = result.GetValue(formatOption);
        var path = result.GetValue(outOption);
        var cut = answer.Cut;
        switch (format)
        {
            case OutputFormat.Json:
                WriteText(path, writer => cut = answer.WriteJson(writer));
                break;
            case OutputFormat.Csv:
                WriteText(path, writer => ReportCsv.Write(answer.Report(), writer));
                break;
            case OutputFormat.Xlsx:
                WriteFile(path ?? answer.FileName + ".xlsx", stream => ReportXlsx.Write(answer.Report(), stream));
                break;
            case OutputFormat.Parquet:
                WriteFile(path ?? answer.FileName + ".parquet", stream => ReportParquet.Write(answer.Report(), stream));
                break;
            default:
                WriteText(path, writer => WriteTable(answer.Report(), writer));
                break;
        }
        if (cut != ResultCut.None)
        {
            Console.Error.WriteLine(cut == ResultCut.Rows
                ? "注意：" + PlanningAnswer.CutNote(limit.Rows) + "（上限为 ipwh.json 的 sql.downloadRowLimit）"
                : $"注意：JSON 超过 {limit.Bytes / 1_000_000} MB，只写出放得下的前几行：请选下一级地区或缩短期间（上限为 ipwh.json 的 sql.downloadByteLimitMB）。");
        }
        return 0;
    }

    internal static DateOnly? ParseDate(ParseResult result, Option<string?> option)
    {
        var text = result.GetValue(option);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        throw new PlanningException($"{option.Name} “{text}”不是日期：请写成 yyyy-MM-dd，例如 2024-06-30。") { Parameter = "as_of" };
    }

    internal static Option<string?> AsOf() => new("--as-of")
    {
        Description = "Year to date at this day (yyyy-MM-dd): flows from 1 Jan (16 Dec for trademark years), stocks at the day.",
    };

    internal static Option<int> Year() => new("--year")
    {
        Description = "The year (trademark indicators: the trademark year, 16 Dec .. 15 Dec by default).",
        Required = true,
    };

    /// <summary>Writes a binary answer to <paramref name="path"/>; a half-written file is removed when writing fails.</summary>
    internal static void WriteFile(string path, Action<Stream> write)
    {
        var file = Path.GetFullPath(path);
        try
        {
            using var stream = File.Create(file);
            write(stream);
        }
        catch
        {
            File.Delete(file);
            throw;
        }
        Console.Error.WriteLine($"ipwh: wrote {file}");
    }

    internal static void WriteText(string? path, Action<TextWriter> write)
    {
        if (path is null)
        {
            write(Console.Out);
            return;
        }
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        write(writer);
        Console.Error.WriteLine($"ipwh: wrote {Path.GetFullPath(path)}");
    }

    private static void WriteTable(Report report, TextWriter output)
    {
        var console = Terminal.For(output);
        console.Write(new Markup("[bold]" + Markup.Escape(report.Title) + "[/]"));
        console.WriteLine();
        foreach (var note in report.Notes)
        {
            console.WriteLine(note);
        }
        if (report.Summary.Count > 0)
        {
            var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
            foreach (var field in report.Summary)
            {
                grid.AddRow(Markup.Escape(field.Label), Markup.Escape(field.Value));
            }
            console.Write(grid);
        }
        var shown = report.Columns.Select((c, i) => (Column: c, Index: i)).Where(c => c.Column.InTable).ToList();
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var (column, _) in shown)
        {
            var header = new TableColumn(Markup.Escape(column.HeaderWithUnit));
            if (column.Kind is ReportKind.Integer or ReportKind.Number or ReportKind.RankChange)
            {
                header.RightAligned();
            }
            table.AddColumn(header);
        }
        foreach (var row in report.Rows.Take(TableRowLimit))
        {
            table.AddRow(shown.Select(c => Markup.Escape(ReportText.ForPeople(c.Column, c.Index < row.Count ? row[c.Index] : null))).ToArray());
        }
        console.Write(table);
        console.WriteLine(report.Rows.Count > TableRowLimit
            ? $"{TableRowLimit} of {report.Rows.Count} row(s) shown; --format csv, json or xlsx has them all."
            : $"{report.Rows.Count} row(s)");
    }
}
