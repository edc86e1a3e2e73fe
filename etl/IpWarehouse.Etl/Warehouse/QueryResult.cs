using System.Collections.ObjectModel;
using System.Data.Common;
using DuckDB.NET.Data;
using IpWarehouse.Etl.DuckDb;

namespace IpWarehouse.Etl.Warehouse;

/// <summary>
/// A query's rows as they stream from DuckDB (the result is never materialised), with every value ready for
/// <see cref="QueryOutput"/>: a .NET value, a string DuckDB rendered, or <see cref="JsonText"/> (nested values
/// and numbers wider than <see cref="decimal"/>). A time limit covers the reading as well; when it passes,
/// <see cref="Read"/> throws the limit's error.
/// </summary>
public sealed class QueryResult : IDisposable
{
    private readonly DuckDBCommand command;
    private readonly DuckDBDataReader reader;
    private readonly bool[] json;
    private readonly DuckDbTimeLimit? limit;
    private readonly Func<Exception, Exception> translate;

    private QueryResult(DuckDBCommand command, DuckDBDataReader reader, bool[] json, DuckDbTimeLimit? limit, Func<Exception, Exception> translate)
    {
        this.command = command;
        this.reader = reader;
        this.json = json;
        this.limit = limit;
        this.translate = translate;
    }

    /// <summary>Runs <paramref name="sql"/> on <paramref name="connection"/> in streaming mode; every column is read as DuckDB.NET reads it.</summary>
    public static QueryResult Run(DuckDBConnection connection, string sql, params DuckDBParameter[] parameters) =>
        Run(connection, sql, parameters, jsonColumns: null, limit: null, translate: null);

    /// <summary>
    /// Runs <paramref name="sql"/> in streaming mode; the columns of <paramref name="jsonColumns"/> hold JSON text.
    /// <paramref name="limit"/> (disposed with the result) and <paramref name="translate"/> turn errors into the caller's.
    /// </summary>
    internal static QueryResult Run(DuckDBConnection connection, string sql, IEnumerable<DuckDBParameter> parameters, IReadOnlySet<int>? jsonColumns,
        DuckDbTimeLimit? limit, Func<Exception, Exception>? translate)
    {
        ArgumentNullException.ThrowIfNull(connection);
        translate ??= e => e;
        var command = connection.CreateCommand();
        try
        {
            command.CommandText = sql;
            command.UseStreamingMode = true;
            foreach (var parameter in parameters)
            {
                command.Parameters.Add(parameter);
            }
            var reader = command.ExecuteReader();
            var json = new bool[reader.FieldCount];
            foreach (var column in jsonColumns ?? new HashSet<int>())
            {
                json[column] = true;
            }
            return new QueryResult(command, reader, json, limit, translate);
        }
        catch (Exception e)
        {
            command.Dispose();
            limit?.Dispose();
            throw Translated(e, limit, translate);
        }
    }

    /// <summary>The number of columns.</summary>
    public int FieldCount => reader.FieldCount;

    /// <summary>The name of column <paramref name="ordinal"/>.</summary>
    public string GetName(int ordinal) => reader.GetName(ordinal);

    /// <summary>
    /// Column <paramref name="ordinal"/>'s type as DuckDB names it (<c>DECIMAL(18,2)</c>) when the query was described
    /// first, else the provider's name (<c>Decimal</c>).
    /// </summary>
    public string GetDataTypeName(int ordinal) => DescribedTypes?[ordinal] ?? reader.GetDataTypeName(ordinal);

    /// <summary>The columns' DuckDB types from <c>DESCRIBE</c>, when the query was described.</summary>
    internal IReadOnlyList<string>? DescribedTypes { get; set; }

    /// <summary>The .NET type of column <paramref name="ordinal"/>'s values.</summary>
    public Type GetFieldType(int ordinal) => reader.GetFieldType(ordinal);

    /// <summary>The columns as the provider describes them (precision and scale of decimals).</summary>
    public ReadOnlyCollection<DbColumn> GetColumnSchema() => reader.GetColumnSchema();

    /// <summary>Moves to the next row; false at the end.</summary>
    public bool Read()
    {
        try
        {
            return reader.Read();
        }
        catch (Exception e)
        {
            throw Translated(e, limit, translate);
        }
    }

    /// <summary>The value of column <paramref name="ordinal"/> in the current row: null for NULL.</summary>
    public object? GetValue(int ordinal) => reader.GetValue(ordinal) switch
    {
        DBNull => null,
        string text when json[ordinal] => new JsonText(text),
        var value => value,
    };

    /// <summary>Ends the query (DuckDB stops producing rows) and the time limit.</summary>
    public void Dispose()
    {
        reader.Dispose();
        command.Dispose();
        limit?.Dispose();
    }

    private static Exception Translated(Exception error, DuckDbTimeLimit? limit, Func<Exception, Exception> translate) =>
        translate(limit?.Translate(error) ?? error);
}

/// <summary>A value DuckDB rendered as JSON text (<c>to_json</c>): a list, struct, map or union, or a number wider than <see cref="decimal"/>.</summary>
/// <param name="Json">The JSON text.</param>
public readonly record struct JsonText(string Json)
{
    /// <inheritdoc />
    public override string ToString() => Json;
}
