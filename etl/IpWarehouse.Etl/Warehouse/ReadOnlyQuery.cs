using System.Text.Json;
using System.Text.RegularExpressions;
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
        sql = Check(published, sql);
        var limit = DuckDbTimeLimit.Start(published, timeout);
        try
        {
            if (Explain().IsMatch(LeadingComments().Replace(sql, "")))
            {
                return QueryResult.Run(published, sql, [], null, limit, e => Refusal(e, timeout)); // a plan is text
            }
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
    /// Refuses anything but one query — <c>SELECT</c>, <c>WITH … SELECT</c>, <c>VALUES</c>, <c>FROM …</c>, <c>PIVOT</c>,
    /// or <c>EXPLAIN</c> of one of these — and any table, view or function off the allow-lists (<see cref="TableFunctions"/>,
    /// <see cref="CatalogueViews"/>, <see cref="SideEffectFunctions"/>), naming what it found. DuckDB's own parser decides
    /// (statements are split by <c>duckdb_extract_statements</c>, queries read from <c>json_serialize_sql</c>'s tree), so
    /// comments, quoting and several statements are read exactly as DuckDB would read them. Returns the SQL to run.
    /// </summary>
    /// <exception cref="QueryRefusedException">The SQL is empty, several statements, not a query, or off the allow-lists.</exception>
    public static string Check(DuckDBConnection published, string sql)
    {
        ArgumentNullException.ThrowIfNull(published);
        if (string.IsNullOrWhiteSpace(sql))
        {
            throw new QueryRefusedException("没有 SQL 可执行 / The query is empty: write a SELECT over the published tables, e.g. SELECT * FROM mart_indicator LIMIT 10.");
        }
        var count = CountStatements(published, sql);
        if (count == 0)
        {
            return sql; // executing reports DuckDB's own parser error with the position, which is clearer
        }
        var body = LeadingComments().Replace(sql, "");
        var explain = Explain().Match(body);
        var query = explain.Success ? body[explain.Length..] : body;
        var pivot = FirstKeyword(query) is "PIVOT" or "UNPIVOT" or "PIVOT_WIDER" or "PIVOT_LONGER";
        if (count > 1 && pivot)
        {
            throw new QueryRefusedException(
                "PIVOT 需要用 IN (…) 列出取值 / PIVOT needs its values listed here, e.g. PIVOT fact_patent ON patent_type IN ('invention', 'utility') " +
                "USING count(*): without IN, DuckDB would first create a type, which the read-only warehouse does not allow.");
        }
        if (count > 1)
        {
            throw new QueryRefusedException(
                $"一次只能执行一条语句，这里有 {count} 条 / One statement per request: the SQL holds {count} statements " +
                "(separated by ';'). Send them one by one; nothing was run.");
        }
        using var command = published.CreateCommand();
        command.CommandText = "SELECT json_serialize_sql(CAST($sql AS VARCHAR))";
        command.Parameters.Add(new DuckDBParameter("sql", pivot ? $"SELECT * FROM ({query}\n)" : query));
        using var result = JsonDocument.Parse((string)command.ExecuteScalar()!);
        var root = result.RootElement;
        if (!root.GetProperty("error").GetBoolean())
        {
            Walk(root.GetProperty("statements"), ReadCatalogue(published), new HashSet<string>());
            return explain.Success ? sql : pivot ? $"SELECT * FROM ({query}\n)" : sql;
        }
        var type = root.TryGetProperty("error_type", out var t) ? t.GetString() : null;
        if (type is "parser" or "Parser")
        {
            return sql;
        }
        var keyword = FirstKeyword(query);
        throw new QueryRefusedException(
            $"只允许查询语句（SELECT），不能执行 {keyword} / Only queries (SELECT) run on the published warehouse, not {keyword}: " +
            "it is read-only and cannot write, attach databases, read or write files, install or load extensions, or change settings. " +
            "To export results use CSV output (ipwh sql --format csv, or the CSV download in the web console).");
    }

    private static long CountStatements(DuckDBConnection connection, string sql)
    {
        var count = NativeMethods.ExtractStatements.DuckDBExtractStatements(connection.NativeConnection, sql, out var statements);
        statements.Dispose();
        return count;
    }

    [GeneratedRegex(@"\A(?:\s+|--[^\n]*(?:\n|\z)|/\*.*?\*/)*", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingComments();

    [GeneratedRegex(@"\AEXPLAIN(?:\s+ANALY[SZ]E)?\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Explain();

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
