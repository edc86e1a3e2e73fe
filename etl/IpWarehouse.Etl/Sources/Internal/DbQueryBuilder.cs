using IpWarehouse.Etl.Configuration;

namespace IpWarehouse.Etl.Sources.Internal;

/// The SQL a database source runs. `table` becomes a SELECT of the recognised columns from the quoted
/// table; `query` is wrapped as a subquery (so it may be any SELECT); a watermark with a previous
/// value adds `WHERE wm > @p ORDER BY wm`. Everything reads from the alias src.
internal static class DbQueryBuilder
{
    public const string WatermarkParameter = "@p";

    /// "SELECT * FROM … WHERE 1=0": the columns without the rows (also `ipwh check`'s reachability test).
    public static string Probe(DbDialect dialect, SourceDefinition source) => $"SELECT * FROM {From(dialect, source)} WHERE 1=0";

    public static string Select(DbDialect dialect, SourceDefinition source, IReadOnlyList<string> columns, string? watermark, bool afterPrevious)
    {
        var list = columns.Count == 0 ? "1 AS ipwh_no_column" : string.Join(", ", columns.Select(c => "src." + dialect.Quote(c)));
        var sql = $"SELECT {list} FROM {From(dialect, source)}";
        if (watermark is not null && afterPrevious)
        {
            var column = "src." + dialect.Quote(watermark);
            sql += $" WHERE {column} > {WatermarkParameter} ORDER BY {column}";
        }
        return sql;
    }

    private static string From(DbDialect dialect, SourceDefinition source)
    {
        if (source.Table is { } table)
        {
            return dialect.QuoteName(table) + " AS src";
        }
        var query = (source.Query ?? throw new ArgumentException($"Source '{source.Name}' has neither table nor query.", nameof(source)))
            .Trim().TrimEnd(';').TrimEnd();
        // A line break before the closing parenthesis keeps a trailing "-- comment" in the query harmless.
        return $"({query}\n) AS src";
    }
}
