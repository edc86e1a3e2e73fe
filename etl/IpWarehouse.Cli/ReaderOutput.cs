using System.Data.Common;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using IpWarehouse.DuckDb;
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

    internal static void Write(DbDataReader reader, OutputFormat format, TextWriter output)
    {
        switch (format)
        {
            case OutputFormat.Json:
                WriteJson(reader, output);
                break;
            case OutputFormat.Csv:
                WriteCsv(reader, output);
                break;
            default:
                WriteTable(reader, output);
                break;
        }
    }

    internal static void WriteJson(DbDataReader reader, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            while (reader.Read())
            {
                json.WriteStartObject();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    json.WritePropertyName(reader.GetName(i));
                    WriteJsonValue(json, reader.GetValue(i));
                }
                json.WriteEndObject();
                if (stream.Length > 1 << 20)
                {
                    json.Flush();
                    output.Write(Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length));
                    stream.SetLength(0);
                }
            }
            json.WriteEndArray();
        }
        output.Write(Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length));
        output.WriteLine();
    }

    internal static void WriteJsonValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null or DBNull: json.WriteNullValue(); break;
            case bool b: json.WriteBooleanValue(b); break;
            case sbyte or byte or short or ushort or int or uint or long:
                json.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture)); break;
            case ulong u: json.WriteNumberValue(u); break;
            case float f when float.IsFinite(f): json.WriteNumberValue(f); break;
            case double d when double.IsFinite(d): json.WriteNumberValue(d); break;
            case double or float: json.WriteNullValue(); break;
            case decimal m: json.WriteNumberValue(m); break;
            case BigInteger big: json.WriteRawValue(big.ToString(CultureInfo.InvariantCulture)); break;
            case DateOnly date: json.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            case DateTime time: json.WriteStringValue(time.ToString(time.Kind == DateTimeKind.Utc ? "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)); break;
            case byte[] bytes: json.WriteBase64StringValue(bytes); break;
            default: json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }

    internal static void WriteCsv(DbDataReader reader, TextWriter output)
    {
        output.Write('\uFEFF');
        output.WriteLine(string.Join(",", Enumerable.Range(0, reader.FieldCount).Select(i => CsvField(reader.GetName(i)))));
        var values = new object[reader.FieldCount];
        while (reader.Read())
        {
            reader.GetValues(values);
            output.WriteLine(string.Join(",", values.Select(v => CsvField(Text(v)))));
        }
    }

    internal static void WriteTable(DbDataReader reader, TextWriter output)
    {
        var table = new Table().Border(TableBorder.Rounded);
        for (var i = 0; i < reader.FieldCount; i++)
        {
            table.AddColumn(new TableColumn(Markup.Escape(reader.GetName(i))));
        }
        var values = new object[reader.FieldCount];
        var shown = 0;
        var more = 0L;
        while (reader.Read())
        {
            if (shown == TableRowLimit)
            {
                more++;
                continue;
            }
            reader.GetValues(values);
            table.AddRow(values.Select(v => Markup.Escape(Text(v))).ToArray());
            shown++;
        }
        var console = Terminal.For(output);
        console.Write(table);
        console.WriteLine(more > 0
            ? $"{shown} of {shown + more} row(s) shown; use --format csv or json for all of them."
            : $"{shown} row(s)");
    }

    internal static string Text(object? value) => value switch
    {
        null or DBNull => string.Empty,
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DuckDBInterval interval => $"{interval.Months} mon {interval.Days} days {interval.Micros} us",
        byte[] bytes => Convert.ToHexString(bytes),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string CsvField(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
