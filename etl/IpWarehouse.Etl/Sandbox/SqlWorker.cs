using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using IpWarehouse.Etl.DuckDb;
using IpWarehouse.Etl.Loading;
using IpWarehouse.Etl.Warehouse;

namespace IpWarehouse.Etl.Sandbox;

/// <summary>
/// The body of a worker process (<c>ipwh sql-worker</c>): reads one <see cref="SqlRequest"/> line from standard input,
/// opens the current publish read-only with the request's limits, runs the query through <see cref="ReadOnlyQuery"/>,
/// writes the answer, and reports a <see cref="SqlOutcome"/> as the last line of standard error. One query per process:
/// nothing of one statistician's session (memory, logs, settings) reaches the next.
/// </summary>
public static partial class SqlWorker
{
    /// <summary>What starts the outcome line on standard error (DuckDB's own crash messages go there too).</summary>
    public const string OutcomeMarker = "\u001eipwh-sql-outcome ";

    /// <summary>Serves one request; <paramref name="writeTable"/> writes the CLI's table format (to the console when given null). Returns the exit code.</summary>
    public static int Run(TextReader input, Stream standardOutput, TextWriter status, Func<QueryResult, TextWriter?, ResultCut> writeTable)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(status);
        using (DuckDbFactory.OpenInMemory())
        {
            // Loads DuckDB before the request comes: a warm worker answers at once.
        }
        var line = input.ReadLine();
        if (line is null)
        {
            return 0; // the pool closed before giving this worker a query
        }
        var request = JsonSerializer.Deserialize<SqlRequest>(line, SqlRequest.Json)!;
        // The caller keeps standard input open until it has the answer: its end means the caller is gone (killed), so stop.
        new Thread(() =>
        {
            while (input.Read() >= 0)
            {
            }
            Environment.Exit(3);
        }) { IsBackground = true, Name = "ipwh sql-worker: caller watch" }.Start();
        var outcome = Answer(request, standardOutput, writeTable);
        status.WriteLine(OutcomeMarker + JsonSerializer.Serialize(outcome, SqlRequest.Json));
        status.Flush();
        return outcome.Succeeded ? 0 : 1;
    }

    /// <summary>A message without the server's absolute paths: each becomes <c>…/</c> and its last part.</summary>
    public static string HidePaths(string message) => AbsolutePath().Replace(message ?? "", "…/$1");

    private static SqlOutcome Answer(SqlRequest request, Stream standardOutput, Func<QueryResult, TextWriter?, ResultCut> writeTable)
    {
        try
        {
            var paths = new WarehousePaths(request.Warehouse);
            var spill = Path.Combine(request.Warehouse, "tmp", "sql-spill", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var options = DuckDbOptions.ReadOnlyQueries with
            {
                MemoryLimit = request.MemoryLimit, MaxTempDirectorySize = request.TempLimit, TempDirectory = spill, Threads = request.Threads,
            };
            try
            {
                using var connection = WarehouseConnections.OpenPublished(paths, options, out _);
                return new SqlOutcome(200, Cut: Write(connection, request, standardOutput, writeTable));
            }
            finally
            {
                if (Directory.Exists(spill))
                {
                    Directory.Delete(spill, recursive: true);
                }
            }
        }
        catch (QueryRefusedException e)
        {
            return new SqlOutcome(400, HidePaths(e.Message));
        }
        catch (DuckDBException e)
        {
            return new SqlOutcome(400, HidePaths(e.Message));
        }
        catch (LoadException e)
        {
            return new SqlOutcome(404, HidePaths(e.Message));
        }
        catch (DatabaseLockedException e)
        {
            return new SqlOutcome(503, HidePaths(e.Message));
        }
        catch (IOException e)
        {
            return new SqlOutcome(500, "写出查询结果失败 / Writing the answer failed: " + HidePaths(e.Message));
        }
    }

    private static ResultCut Write(DuckDBConnection connection, SqlRequest request, Stream standardOutput, Func<QueryResult, TextWriter?, ResultCut> writeTable)
    {
        var parquet = request.Format == "parquet";
        var labels = parquet ? QueryLabels.FromDictionary(WarehouseCatalog.Read(connection)) : null;
        using var reader = ReadOnlyQuery.Execute(connection, request.Sql, TimeSpan.FromSeconds(request.TimeLimitSeconds), parquet ? ResultShape.Typed : ResultShape.Text);
        using var output = request.Output is null ? standardOutput : new FileStream(request.Output, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        if (parquet)
        {
            return QueryParquet.Write(reader, output, labels, request.Limit);
        }
        using var text = new StreamWriter(output, new UTF8Encoding(false), 1 << 16);
        return request.Format switch
        {
            "json" => QueryOutput.WriteJson(reader, text, request.Limit),
            "csv" => QueryOutput.WriteCsv(reader, text, request.Limit),
            _ => writeTable(reader, request.Output is null ? null : text),
        };
    }

    [GeneratedRegex(@"(?<![\w.~:/])/(?:[^\s'""/:,;()<>]+/)+([^\s'""/:,;()<>]*)", RegexOptions.CultureInvariant)]
    private static partial Regex AbsolutePath();
}
