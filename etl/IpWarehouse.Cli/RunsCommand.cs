using System.CommandLine;
using System.Text.Json;
using IpWarehouse.DuckDb;
using IpWarehouse.Etl.Warehouse;
using Spectre.Console;

namespace IpWarehouse.Cli;

/// <summary><c>ipwh runs</c>: the load history, newest first, with each source's counts.</summary>
internal static class RunsCommand
{
    internal static Command Create()
    {
        var config = CommonOptions.Config();
        var format = CommonOptions.Format();
        var limit = new Option<int>("--limit") { Description = "How many loads (newest first).", DefaultValueFactory = _ => 20 };
        var command = new Command("runs", "Show the load history: status, times and per-source rows read/accepted/quarantined.") { config, limit, format };
        command.SetAction(result =>
        {
            var configuration = CommonOptions.LoadConfig(result, config, checkFiles: false);
            using var connection = WarehouseConnections.OpenHistory(new WarehousePaths(configuration.Warehouse), out var fromCopy);
            if (fromCopy)
            {
                Console.Error.WriteLine("ipwh: a load is running; showing the history as of the last publish.");
            }
            var runs = Read(connection, result.GetValue(limit));
            if (result.GetValue(format) == OutputFormat.Json)
            {
                WriteJson(runs, Console.Out);
            }
            else
            {
                WriteTable(runs, Console.Out);
            }
            return 0;
        });
        return command;
    }

    internal sealed record Run(string BatchId, string Status, string Trigger, DateTime StartedAt, DateTime? FinishedAt, DateTime? PublishedAt, string? Message, List<SourceRun> Sources);

    internal sealed record SourceRun(string Name, string Status, long RowsRead, long RowsAccepted, long RowsQuarantined, string? Message);

    internal static List<Run> Read(DuckDBConnection connection, int limit)
    {
        var runs = new List<Run>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT batch_id, status, trigger, started_at, finished_at, published_at, message
                FROM etl_batch ORDER BY started_at DESC, batch_id DESC LIMIT $limit
                """;
            command.Parameters.AddWithValue("limit", limit);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                runs.Add(new Run(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetDateTime(3),
                    reader.IsDBNull(4) ? null : reader.GetDateTime(4), reader.IsDBNull(5) ? null : reader.GetDateTime(5),
                    reader.IsDBNull(6) ? null : reader.GetString(6), []));
            }
        }
        var byId = runs.ToDictionary(r => r.BatchId);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT batch_id, source_name, status, rows_read, rows_accepted, rows_quarantined, message
                FROM etl_source_run ORDER BY batch_id, started_at, source_name
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (byId.TryGetValue(reader.GetString(0), out var run))
                {
                    run.Sources.Add(new SourceRun(reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4),
                        reader.GetInt64(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
                }
            }
        }
        return runs;
    }

    private static void WriteJson(List<Run> runs, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var run in runs)
            {
                json.WriteStartObject();
                json.WriteString("batch_id", run.BatchId);
                json.WriteString("status", run.Status);
                json.WriteString("trigger", run.Trigger);
                json.WritePropertyName("started_at");
                ReaderOutput.WriteJsonValue(json, run.StartedAt);
                json.WritePropertyName("finished_at");
                ReaderOutput.WriteJsonValue(json, run.FinishedAt);
                json.WritePropertyName("published_at");
                ReaderOutput.WriteJsonValue(json, run.PublishedAt);
                json.WriteString("message", run.Message);
                json.WriteStartArray("sources");
                foreach (var source in run.Sources)
                {
                    json.WriteStartObject();
                    json.WriteString("name", source.Name);
                    json.WriteString("status", source.Status);
                    json.WriteNumber("rows_read", source.RowsRead);
                    json.WriteNumber("rows_accepted", source.RowsAccepted);
                    json.WriteNumber("rows_quarantined", source.RowsQuarantined);
                    json.WriteString("message", source.Message);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteTable(List<Run> runs, TextWriter output)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("批次 batch", "状态 status", "触发 trigger", "开始 started (UTC)", "用时 duration", "来源 sources (read / accepted / quarantined)");
        foreach (var run in runs)
        {
            var duration = run.FinishedAt is { } end ? $"{(end - run.StartedAt).TotalSeconds:F1} s" : "";
            var sources = string.Join("\n", run.Sources.Select(s => $"{s.Name} {s.Status}: {s.RowsRead:N0} / {s.RowsAccepted:N0} / {s.RowsQuarantined:N0}"));
            table.AddRow(Markup.Escape(run.BatchId), run.Status, run.Trigger, run.StartedAt.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), duration, Markup.Escape(sources));
        }
        Terminal.For(output).Write(table);
    }
}
