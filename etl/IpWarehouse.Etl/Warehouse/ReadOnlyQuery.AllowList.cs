using System.Text.Json;
using DuckDB.NET.Data;

namespace IpWarehouse.Etl.Warehouse;

/// <summary>
/// The allow-list a statistician's query is checked against before it runs, by walking DuckDB's own parse tree
/// (<c>json_serialize_sql</c>): a <c>SELECT</c> can still call table functions with side effects
/// (<c>enable_logging</c>, <c>checkpoint</c>) or read the server's state (<c>duckdb_settings</c>, <c>duckdb_logs</c>).
/// </summary>
public static partial class ReadOnlyQuery
{
    /// <summary>The table functions a query may call: numbers and lists, JSON, and the catalogue of the warehouse's own tables and columns.</summary>
    public static readonly IReadOnlySet<string> TableFunctions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "range", "generate_series", "unnest", "json_each", "json_tree",
        "duckdb_tables", "duckdb_columns", "duckdb_views", "duckdb_schemas", "duckdb_constraints", "duckdb_indexes",
        "duckdb_types", "duckdb_functions", "duckdb_keywords", "pragma_table_info",
    };

    /// <summary>The system views a query may read besides the warehouse's tables: the catalogue again, no settings, logs or databases.</summary>
    public static readonly IReadOnlySet<string> CatalogueViews = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "duckdb_tables", "duckdb_columns", "duckdb_views", "duckdb_schemas", "duckdb_constraints", "duckdb_indexes", "duckdb_types",
        "information_schema.tables", "information_schema.columns", "information_schema.views", "information_schema.schemata",
        "information_schema.table_constraints", "information_schema.key_column_usage", "information_schema.check_constraints",
        "information_schema.referential_constraints", "information_schema.constraint_column_usage", "information_schema.constraint_table_usage",
    };

    /// <summary>The functions with a side effect (DuckDB's <c>has_side_effects</c>) a query may call: random numbers and ids, and error().</summary>
    public static readonly IReadOnlySet<string> SideEffectFunctions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "random", "setseed", "gen_random_uuid", "uuid", "uuidv4", "uuidv7", "error",
        "current_query", "current_query_id", "current_connection_id", "current_transaction_id",
    };

    // Functions without a side effect that still answer with the server's settings, which hold its paths.
    private static readonly HashSet<string> ServerStateFunctions = new(StringComparer.OrdinalIgnoreCase) { "current_setting", "getvariable", "getenv" };

    private sealed record Catalogue(HashSet<string> Warehouse, HashSet<string> Everything, HashSet<string> SideEffects);

    private static Catalogue ReadCatalogue(DuckDBConnection connection)
    {
        var catalogue = new Catalogue(new(StringComparer.OrdinalIgnoreCase), new(StringComparer.OrdinalIgnoreCase), new(StringComparer.OrdinalIgnoreCase));
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT 'w', table_name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal
            UNION ALL SELECT 'w', view_name FROM duckdb_views() WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal
            UNION ALL SELECT 'e', table_name FROM duckdb_tables() UNION ALL SELECT 'e', view_name FROM duckdb_views()
            UNION ALL SELECT 's', function_name FROM duckdb_functions() WHERE has_side_effects
            """;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            (reader.GetString(0) switch { "w" => catalogue.Warehouse, "e" => catalogue.Everything, _ => catalogue.SideEffects }).Add(reader.GetString(1));
        }
        return catalogue;
    }

    /// Walks a statement's tree; <paramref name="ctes"/> are the common table expressions in scope.
    private static void Walk(JsonElement node, Catalogue catalogue, IReadOnlySet<string> ctes)
    {
        switch (node.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in node.EnumerateArray())
                {
                    Walk(item, catalogue, ctes);
                }
                return;
            case JsonValueKind.Object:
                break;
            default:
                return;
        }
        var type = node.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (type == "TABLE_FUNCTION" && node.TryGetProperty("function", out var call) && call.TryGetProperty("function_name", out var tableFunction)
            && !TableFunctions.Contains(tableFunction.GetString()!))
        {
            throw new QueryRefusedException(
                $"不允许调用表函数 {tableFunction.GetString()} / The table function {tableFunction.GetString()}() is not allowed here. " +
                $"Queries may read the warehouse's tables and these table functions: {string.Join(", ", TableFunctions.Order(StringComparer.Ordinal))}.");
        }
        if (type is "BASE_TABLE" or "SHOW_REF" && node.TryGetProperty("table_name", out var table) && table.GetString() is { Length: > 0 } name)
        {
            CheckTable(node, name, catalogue, ctes);
        }
        if (node.TryGetProperty("function_name", out var function) && function.GetString() is { } functionName && type != null && type != "TABLE_FUNCTION"
            && ((catalogue.SideEffects.Contains(functionName) && !SideEffectFunctions.Contains(functionName)) || ServerStateFunctions.Contains(functionName)))
        {
            throw new QueryRefusedException(
                $"不允许调用函数 {functionName} / The function {functionName}() is not allowed here: it changes or reveals the server's state. " +
                $"Of the functions with side effects, queries may call {string.Join(", ", SideEffectFunctions.Order(StringComparer.Ordinal))}.");
        }
        var inScope = ctes;
        if (node.TryGetProperty("cte_map", out var cteMap) && cteMap.TryGetProperty("map", out var map))
        {
            // A CTE's body sees the CTEs before it (and itself when recursive); the rest of the node sees them all.
            var earlier = new HashSet<string>(ctes, StringComparer.OrdinalIgnoreCase);
            foreach (var entry in map.EnumerateArray())
            {
                var key = entry.GetProperty("key").GetString()!;
                var body = entry.GetProperty("value");
                var recursive = body.TryGetProperty("query", out var q) && q.TryGetProperty("node", out var n) && n.TryGetProperty("type", out var nt)
                    && nt.GetString() == "RECURSIVE_CTE_NODE";
                Walk(body, catalogue, recursive ? new HashSet<string>(earlier, StringComparer.OrdinalIgnoreCase) { key } : earlier);
                earlier = new HashSet<string>(earlier, StringComparer.OrdinalIgnoreCase) { key };
            }
            inScope = earlier;
        }
        foreach (var property in node.EnumerateObject())
        {
            if (property.Name != "cte_map")
            {
                Walk(property.Value, catalogue, inScope);
            }
        }
    }

    private static void CheckTable(JsonElement node, string name, Catalogue catalogue, IReadOnlySet<string> ctes)
    {
        var schema = node.TryGetProperty("schema_name", out var s) ? s.GetString() ?? "" : "";
        var database = node.TryGetProperty("catalog_name", out var c) ? c.GetString() ?? "" : "";
        var qualified = schema.Length == 0 || schema.Equals("main", StringComparison.OrdinalIgnoreCase) ? name : $"{schema}.{name}";
        var allowed = (database.Length == 0 && schema.Length == 0 && ctes.Contains(name))
            || CatalogueViews.Contains(qualified)
            || (qualified == name && catalogue.Warehouse.Contains(name) && database.Length == 0);
        // A name in no catalogue is left to DuckDB, whose message names it and suggests the nearest table.
        if (!allowed && (database.Length > 0 || schema.Length > 0 || catalogue.Everything.Contains(name)))
        {
            throw new QueryRefusedException(
                $"不允许读取 {qualified} / {qualified} is not a table of the published warehouse. Queries may read the warehouse's own tables " +
                "(listed in the data dictionary) and its catalogue (duckdb_tables, duckdb_columns, information_schema.tables, information_schema.columns …).");
        }
    }
}
