using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using IpWarehouse.Etl.DuckDb;

namespace IpWarehouse.Etl.Warehouse;

/// <summary>
/// The columns of a statistician's query and how each reaches the output. DuckDB.NET reads plain scalars exactly
/// (<see cref="Native"/>); for every other type DuckDB renders the value itself before it leaves the engine:
/// nested values (LIST, fixed ARRAY, STRUCT, MAP, UNION, JSON) and numbers wider than <see cref="decimal"/>
/// (DECIMAL(29..38), BIGNUM) as JSON text, the rest (dates and times of every kind, INTERVAL, BLOB, BIT, …) as
/// DuckDB's own text, exactly as the DuckDB CLI shows them. So no type crashes a reader, and the CLI's table,
/// JSON and CSV and the web agree.
/// </summary>
public sealed partial class ResultColumns
{
    /// <summary>Types DuckDB.NET reads as .NET values without loss: an allow-list, anything else is rendered by DuckDB.</summary>
    public static readonly IReadOnlySet<string> Native = new HashSet<string>(StringComparer.Ordinal)
    {
        "BOOLEAN", "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT",
        "HUGEINT", "UHUGEINT", "FLOAT", "DOUBLE", "VARCHAR", "UUID",
    };

    /// <summary>
    /// Types a typed answer (Parquet) also reads as .NET values, so the file keeps them: dates, timestamps with and
    /// without time zone, BLOB and every DECIMAL (one wider than <see cref="decimal"/> is refused with its fix).
    /// </summary>
    public static readonly IReadOnlySet<string> TypedNative = new HashSet<string>(StringComparer.Ordinal)
    {
        "DATE", "TIMESTAMP", "TIMESTAMP WITH TIME ZONE", "BLOB",
    };

    private readonly List<(string Name, string Type)> columns;
    private readonly ResultShape shape;

    private ResultColumns(List<(string Name, string Type)> columns, ResultShape shape)
    {
        this.columns = columns;
        this.shape = shape;
    }

    /// <summary>The columns' names and DuckDB types, in order.</summary>
    public IReadOnlyList<(string Name, string Type)> Columns => columns;

    /// <summary>
    /// Binds <paramref name="sql"/> (<c>DESCRIBE</c>: nothing runs) to learn its columns. When it does not bind, the
    /// query is started as written so that DuckDB's error quotes the statistician's own SQL.
    /// </summary>
    internal static ResultColumns Describe(DuckDBConnection connection, string sql, DuckDbTimeLimit limit, ResultShape shape)
    {
        try
        {
            return limit.Run(() =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = "DESCRIBE SELECT * FROM query($ipwh_sql)";
                command.Parameters.Add(new DuckDBParameter("ipwh_sql", sql));
                using var reader = command.ExecuteReader();
                var found = new List<(string, string)>();
                while (reader.Read())
                {
                    found.Add((reader.GetString(0), reader.GetString(1)));
                }
                return new ResultColumns(found, shape);
            });
        }
        catch (DuckDBException)
        {
            limit.Run(() =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = sql;
                command.UseStreamingMode = true;
                using var reader = command.ExecuteReader();
                return 0;
            });
            throw; // the SQL ran as written: DuckDB's error about query(…) is all there is
        }
    }

    /// <summary>How DuckDB renders a column of <paramref name="type"/> for an answer of <paramref name="shape"/>.</summary>
    public static ColumnRendering RenderingOf(string type, ResultShape shape = ResultShape.Text)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (shape == ResultShape.Typed && (TypedNative.Contains(type) || Decimal().IsMatch(type)))
        {
            return ColumnRendering.Native;
        }
        if (Native.Contains(type) || type.StartsWith("ENUM(", StringComparison.Ordinal) ||
            (Decimal().Match(type) is { Success: true } d && int.Parse(d.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture) <= 28))
        {
            return ColumnRendering.Native;
        }
        if (type.EndsWith(']') || type == "JSON" || type.StartsWith("STRUCT(", StringComparison.Ordinal) ||
            type.StartsWith("MAP(", StringComparison.Ordinal) || type.StartsWith("UNION(", StringComparison.Ordinal))
        {
            return ColumnRendering.Json;
        }
        return Decimal().IsMatch(type) || type is "BIGNUM" or "VARINT" ? ColumnRendering.Number : ColumnRendering.Text;
    }

    /// <summary>The select list that renders the columns over <c>query(…)</c>, or null when every column is native.</summary>
    internal string? Projection()
    {
        if (columns.All(c => RenderingOf(c.Type, shape) == ColumnRendering.Native))
        {
            return null;
        }
        return string.Join(", ", columns.Select(c =>
        {
            var name = DuckDbFactory.Identifier(c.Name);
            return RenderingOf(c.Type, shape) switch
            {
                ColumnRendering.Native => name,
                ColumnRendering.Json => $"CAST(to_json({name}) AS VARCHAR) AS {name}",
                _ => $"CAST({name} AS VARCHAR) AS {name}",
            };
        }));
    }

    /// <summary>The columns whose text is JSON (nested values and wide numbers).</summary>
    internal IReadOnlySet<int> JsonColumns =>
        Enumerable.Range(0, columns.Count).Where(i => RenderingOf(columns[i].Type, shape) is ColumnRendering.Json or ColumnRendering.Number).ToHashSet();

    [GeneratedRegex(@"^DECIMAL\((\d+),\d+\)$", RegexOptions.CultureInvariant)]
    private static partial Regex Decimal();
}

/// <summary>How a column's values reach the output.</summary>
public enum ColumnRendering
{
    /// <summary>Read by DuckDB.NET as a .NET value.</summary>
    Native,

    /// <summary>Rendered by DuckDB as JSON (<c>to_json</c>): lists, arrays, structs, maps, unions, JSON.</summary>
    Json,

    /// <summary>Rendered by DuckDB as a number's text, written as a JSON number: DECIMAL wider than 28 digits, BIGNUM.</summary>
    Number,

    /// <summary>Rendered by DuckDB as its own text (<c>CAST(… AS VARCHAR)</c>): dates and times, INTERVAL, BLOB, BIT, …</summary>
    Text,
}

/// <summary>What an answer needs of its values.</summary>
public enum ResultShape
{
    /// <summary>Text output (table, JSON, CSV): DuckDB renders dates, times and wide numbers as the DuckDB CLI shows them.</summary>
    Text,

    /// <summary>A typed file (Parquet): dates, timestamps, BLOB and DECIMAL also arrive as .NET values and keep their types.</summary>
    Typed,
}
