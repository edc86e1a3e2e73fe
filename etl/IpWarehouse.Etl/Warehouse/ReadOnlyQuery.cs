using System.Text.Json;
using IpWarehouse.DuckDb;

namespace IpWarehouse.Etl.Warehouse;

/// <summary>
/// Runs a statistician's SQL on the published warehouse (<c>ipwh sql</c>, <c>POST /api/sql</c>). Only
/// queries run: DuckDB itself refuses writes (read-only file), file access (<c>enable_external_access=false</c>)
/// and <c>SET</c> (locked configuration); this class checks first so the refusal says why in plain words,
/// and turns DuckDB's permission errors into the same kind of message.
/// </summary>
public static class ReadOnlyQuery
{
    /// <summary>
    /// Checks <paramref name="sql"/> and executes it on <paramref name="published"/> (a connection from
    /// <see cref="WarehouseConnections.OpenPublished"/>). A zero <paramref name="timeout"/> means no limit.
    /// </summary>
    /// <exception cref="QueryRefusedException">The SQL is not a query, touches files, or ran out of time.</exception>
    public static DuckDBDataReader Execute(DuckDBConnection published, string sql, TimeSpan timeout = default)
    {
        ArgumentNullException.ThrowIfNull(published);
        Check(published, sql);
        using var command = published.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = (int)Math.Ceiling(timeout.TotalSeconds);
        try
        {
            return command.ExecuteReader();
        }
        catch (DuckDBException e) when (Refusal(e, timeout) is { } message)
        {
            throw new QueryRefusedException(message, e);
        }
    }

    /// <summary>
    /// Refuses anything but <c>SELECT</c>/<c>WITH … SELECT</c>/<c>VALUES</c>/<c>FROM …</c> queries, naming the
    /// statement kind found. DuckDB's own parser decides (<c>json_serialize_sql</c> serialises queries only),
    /// so comments, quoting and several statements are read exactly as DuckDB would read them.
    /// </summary>
    /// <exception cref="QueryRefusedException">The SQL is empty or holds a statement that is not a query.</exception>
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

    private static string? Refusal(DuckDBException e, TimeSpan timeout) => e.ErrorType switch
    {
        DuckDBErrorType.Permission =>
            "不允许从 SQL 读写文件 / Reading or writing files from SQL is disabled on the published warehouse " +
            $"(enable_external_access=false). Query its tables instead; they are listed in the data dictionary. DuckDB said: {FirstLine(e.Message)}",
        DuckDBErrorType.Interrupt when timeout > TimeSpan.Zero =>
            $"查询超过 {timeout.TotalSeconds:0} 秒已被中止 / The query ran longer than its limit of {timeout.TotalSeconds:0} s and was stopped: " +
            "aggregate in SQL, filter by year or region, or add LIMIT.",
        _ => null,
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
