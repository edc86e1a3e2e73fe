namespace IpWarehouse.Etl.Sources.Internal;

/// Quoting for the SQL the connectors send to DuckDB.
internal static class DuckSql
{
    public static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// "stg_patents" or "staging.stg_patents", each part quoted.
    public static string QualifiedName(string name)
    {
        var (schema, table) = Split(name);
        return schema is null ? Identifier(table) : Identifier(schema) + "." + Identifier(table);
    }

    public static (string? Schema, string Table) Split(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? (null, name) : (name[..dot], name[(dot + 1)..]);
    }

    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
