using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace IpWarehouse.Etl.Warehouse;

/// <summary>
/// Writes a query result as JSON or CSV, streaming row by row: the output of <c>ipwh sql</c>, <c>ipwh rejects</c>
/// and their HTTP routes, so the CLI and the web server answer byte for byte alike (the CLI's table uses
/// <see cref="Text"/> too). JSON is one array of objects keyed by column name, with unrounded numbers and null for
/// missing values (INDICATORS.md), nested values as JSON; CSV is UTF-8 with a BOM so Excel opens it correctly.
/// Values DuckDB.NET cannot hold exactly arrive already rendered by DuckDB (<see cref="ReadOnlyQuery"/>).
/// </summary>
public static class QueryOutput
{
    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes every row as one JSON array, stopping before a row that would pass <paramref name="limit"/>; says which limit cut it.</summary>
    public static ResultCut WriteJson(QueryResult reader, TextWriter output, OutputLimit limit = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return WriteJsonArray(Rows(reader), (json, row) =>
        {
            json.WriteStartObject();
            for (var i = 0; i < row.FieldCount; i++)
            {
                json.WritePropertyName(row.GetName(i));
                WriteJsonValue(json, row.GetValue(i));
            }
            json.WriteEndObject();
        }, output, limit);
    }

    /// <summary>
    /// Writes <paramref name="rows"/> as one JSON array, each with <paramref name="writeRow"/>, stopping before a row that
    /// would pass <paramref name="limit"/> (the array closes after the last row that fits); says which limit cut it. The
    /// limits of <c>/api/sql</c> and of the planners' long lists (<c>/api/expiring</c>, <c>/api/cases</c>) are this one.
    /// </summary>
    public static ResultCut WriteJsonArray<T>(IEnumerable<T> rows, Action<Utf8JsonWriter, T> writeRow, TextWriter output, OutputLimit limit = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(writeRow);
        ArgumentNullException.ThrowIfNull(output);
        var cut = ResultCut.None;
        var count = 0;
        long written = 0;
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, JsonOptions))
        {
            json.WriteStartArray();
            foreach (var row in rows)
            {
                if (limit.Rows > 0 && count == limit.Rows)
                {
                    cut = ResultCut.Rows;
                    break;
                }
                json.Flush();
                var before = stream.Length;
                writeRow(json, row);
                json.Flush();
                if (limit.Bytes > 0 && written + stream.Length + 3 > limit.Bytes)
                {
                    stream.SetLength(before); // the row goes: the array closes after the last row that fits
                    cut = ResultCut.Bytes;
                    break;
                }
                count++;
                if (stream.Length > 1 << 20)
                {
                    written += stream.Length;
                    output.Write(Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length));
                    stream.SetLength(0);
                }
            }
            json.WriteEndArray();
        }
        output.Write(Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length));
        output.WriteLine();
        return cut;
    }

    private static IEnumerable<QueryResult> Rows(QueryResult reader)
    {
        while (reader.Read())
        {
            yield return reader;
        }
    }

    /// <summary>One value as JSON: numbers unrounded, dates ISO 8601, NaN and infinity as null.</summary>
    public static void WriteJsonValue(Utf8JsonWriter json, object? value)
    {
        ArgumentNullException.ThrowIfNull(json);
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
            case JsonText text: WriteJsonText(json, text.Json); break;
            default: json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }

    /// <summary>Writes a header and every row as CSV with a BOM, stopping before a row that would pass <paramref name="limit"/>; says which limit cut it.</summary>
    public static ResultCut WriteCsv(QueryResult reader, TextWriter output, OutputLimit limit = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(output);
        var header = '\uFEFF' + string.Join(",", Enumerable.Range(0, reader.FieldCount).Select(i => CsvField(reader.GetName(i))));
        output.WriteLine(header);
        long written = Encoding.UTF8.GetByteCount(header) + 1;
        var line = new StringBuilder();
        var rows = 0;
        while (reader.Read())
        {
            if (limit.Rows > 0 && rows == limit.Rows)
            {
                return ResultCut.Rows;
            }
            rows++;
            if (limit.Bytes <= 0)
            {
                WriteCsvRow(reader, output); // no byte limit: straight to the writer
                continue;
            }
            line.Clear();
            using (var measured = new StringWriter(line, CultureInfo.InvariantCulture))
            {
                WriteCsvRow(reader, measured);
            }
            if ((written += Encoding.UTF8.GetByteCount(line.ToString())) > limit.Bytes)
            {
                return ResultCut.Bytes;
            }
            output.Write(line);
        }
        return ResultCut.None;
    }

    private static void WriteCsvRow(QueryResult reader, TextWriter output)
    {
        for (var i = 0; i < reader.FieldCount; i++)
        {
            if (i > 0)
            {
                output.Write(',');
            }
            output.Write(CsvField(Text(reader.GetValue(i))));
        }
        output.WriteLine();
    }

    /// <summary>A value as a person reads it in a table or a CSV cell.</summary>
    public static string Text(object? value) => value switch
    {
        null or DBNull => string.Empty,
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        byte[] bytes => Convert.ToHexString(bytes),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// DuckDB's to_json writes NaN and Infinity inside nested values, which JSON has no words for: such a
    /// value is written as a JSON string of DuckDB's text instead of as invalid JSON.
    private static void WriteJsonText(Utf8JsonWriter json, string text)
    {
        if (IsJson(text))
        {
            json.WriteRawValue(text, skipInputValidation: true);
        }
        else
        {
            json.WriteStringValue(text);
        }
    }

    private static bool IsJson(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes);
        try
        {
            while (reader.Read())
            {
            }
            return reader.BytesConsumed == bytes.Length;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string CsvField(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
