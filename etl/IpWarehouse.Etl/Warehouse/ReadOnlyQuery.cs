using System.Text.Json;
using DuckDB.NET.Data;
using DuckDB.NET.Native;
using IpWarehouse.Etl.DuckDb;

namespace IpWarehouse.Etl.Warehouse;

/// <summary>
/// Runs a statistician's SQL on the published warehouse (<c>ipwh sql</c>, <c>POST /api/sql</c>). Only
/// queries run: DuckDB itself refuses writes (read-only file), file access (<c>enable_external_access=false</c>)
/// and <c>SET</c> (locked configuration); this class checks first so the refusal says why in plain words,
/// and turns DuckDB's permission errors and time limits into the same kind of message. Results stream, and
/// every DuckDB type reaches the output: what DuckDB.NET cannot hold exactly is rendered by DuckDB itself
/// (<see cref="ResultColumns"/>).
/// </summary>
public static partial class ReadOnlyQuery
{
    /// <summary>
    /// Checks <paramref name="sql"/> and starts it on <paramref name="published"/> (a connection from
    /// <see cref="WarehouseConnections.OpenPublished(WarehousePaths)"/>). A zero <paramref name="timeout"/> means no
    /// limit; a limit covers the reading of the rows too. <paramref name="shape"/> says which types arrive as .NET values.
    /// </summary>
    /// <exception cref="QueryRefusedException">The SQL is not one query, touches files, or ran past its time limit.</exception>
    /// <exception cref="DuckDBException">DuckDB's own error for the query (syntax, unknown table or column, conversion…).</exception>
    public static QueryResult Execute(DuckDBConnection published, string sql, TimeSpan timeout = default, ResultShape shape = ResultShape.Text)
    {
        ArgumentNullException.ThrowIfNull(published);
        Check(published, sql);
        var limit = DuckDbTimeLimit.Start(published, timeout);
        try
        {
            var columns = ResultColumns.Describe(published, sql, limit, shape);
            var result = columns.Projection() is { } projection
                ? QueryResult.Run(published, $"SELECT {projection} FROM query($ipwh_sql)", [new DuckDBParameter("ipwh_sql", sql)],
                    columns.JsonColumns, limit, e => Refusal(e, timeout))
                : QueryResult.Run(published, sql, [], null, limit, e => Refusal(e, timeout));
            result.DescribedTypes = [.. columns.Columns.Select(c => c.Type)];
            return result;
        }
        catch (Exception e) when (e is not QueryRefusedException)
        {
            limit.Dispose();
            throw Refusal(limit.Translate(e), timeout);
        }
    }

    /// <summary>
    /// Refuses anything but one <c>SELECT</c>/<c>WITH … SELECT</c>/<c>VALUES</c>/<c>FROM …</c> query, naming the
    /// statement kind found. DuckDB's own parser decides (<c>json_serialize_sql</c> serialises queries only),
    /// so comments, quoting and several statements are read exactly as DuckDB would read them.
    /// </summary>
    /// <exception cref="QueryRefusedException">The SQL is empty, holds a statement that is not a query, or several statements.</exception>
    public static void Check(DuckDBConnection published, string sql)
    {
        ArgumentNullException.ThrowIfNull(published);
        if (string.IsNullOrWhiteSpace(sql))
        {
            throw new QueryRefusedException("没有 SQL 可执行 / The query is empty: write a SELECT over the published tables, e.g. SELECT * FROM mart_indicator LIMIT 10.");
        }
        using var command = published.CreateCommand();
        command.CommandText = "SELECT json_serialize_sql(CAST($sql AS VARCHAR))";
        command.Parameters.Add(new DuckDBParameter("sql", sql));
        using var result = JsonDocument.Parse((string)command.ExecuteScalar()!);
        var root = result.RootElement;
        if (!root.GetProperty("error").GetBoolean())
        {
            if (root.TryGetProperty("statements", out var statements) && statements.GetArrayLength() > 1)
            {
                throw new QueryRefusedException(
                    $"一次只能执行一条查询 / One query at a time: the SQL holds {statements.GetArrayLength()} statements. Run them one by one.");
            }
            return;
        }
        var type = root.TryGetProperty("error_type", out var t) ? t.GetString() : null;
        if (type is "parser" or "Parser")
        {
            return; // executing reports DuckDB's own parser error with the position, which is clearer
        }
        var keyword = FirstKeyword(sql);
        throw new QueryRefusedException(
            $"只允许查询语句（SELECT），不能执行 {keyword} / Only queries (SELECT) run on the published warehouse, not {keyword}: " +
            "it is read-only and cannot write, attach databases, read or write files, install or load extensions, or change settings. " +
            "To export results use CSV output (ipwh sql --format csv, or the CSV download in the web console).");
    }

    /// The statistician's reading of DuckDB's refusals: file access, and the time limit (an operator's cancel stays a cancel).
    private static Exception Refusal(Exception error, TimeSpan timeout) => error switch
    {
        DuckDBException e when DuckDbErrors.Kind(e) == DuckDBErrorType.Permission => new QueryRefusedException(
            "不允许从 SQL 读写文件 / Reading or writing files from SQL is disabled on the published warehouse " +
            $"(enable_external_access=false). Query its tables instead; they are listed in the data dictionary. DuckDB said: {FirstLine(e.Message)}", e),
        TimeLimitException e => new QueryTimeLimitException(
            $"查询超过 {timeout.TotalSeconds:0} 秒的时间限制，已被中止 / The query ran past its time limit of {timeout.TotalSeconds:0} s and was stopped: " +
            "aggregate in SQL, filter by year or region, or add LIMIT.", e),
        _ => error,
    };

    private static string FirstKeyword(string sql)
    {
        var text = sql.AsSpan().TrimStart();
        var end = 0;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }
        return end == 0 ? "this statement" : text[..end].ToString().ToUpperInvariant();
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? message : message[..end];
    }
}
