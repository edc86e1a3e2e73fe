using System.Data.Common;
using System.Globalization;

namespace IpWarehouse.Etl.Snapshots.Internal;

/// The same figures computed by DuckDB in one pass over a table of the warehouse or over the snapshot's files:
/// for each column its count and, as text so that no provider's conversion is involved, min, max and sum.
internal static class DuckDbFigures
{
    internal static Figures[] Compute(DbConnection duckDb, string source, IReadOnlyList<SnapshotColumn> columns)
    {
        var figures = columns.Select(c => new Figures(FigureKinds.Of(c.Type), FigureKinds.Scale(c.Type))).ToArray();
        var select = new List<string> { "count(*)" };
        for (var c = 0; c < columns.Count; c++)
        {
            select.AddRange(Expressions(figures[c].Kind, Sql.Identifier(columns[c].Name)));
        }
        using var command = duckDb.CreateCommand();
        command.CommandText = $"SELECT {string.Join(",\n  ", select)}\nFROM {source}";
        using var reader = command.ExecuteReader();
        reader.Read();
        var rows = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
        for (var c = 0; c < columns.Count; c++)
        {
            var at = 1 + (4 * c);
            var count = Convert.ToInt64(reader.GetValue(at), CultureInfo.InvariantCulture);
            figures[c].Set(count, rows - count, Value(reader, at + 1), Value(reader, at + 2), Value(reader, at + 3));
        }
        return figures;
    }

    /// count, min, max and sum of one column, in the forms Figures.Set reads.
    private static string[] Expressions(FigureKind kind, string q) => kind switch
    {
        FigureKind.Integer or FigureKind.Decimal => [$"count({q})", $"min({q})::VARCHAR", $"max({q})::VARCHAR", $"sum({q})::VARCHAR"],
        FigureKind.Float => [$"count({q})", $"min({q})::DOUBLE", $"max({q})::DOUBLE", $"sum({q})::DOUBLE"],
        FigureKind.Boolean => [$"count({q})", $"min({q}::INTEGER)::VARCHAR", $"max({q}::INTEGER)::VARCHAR", $"sum({q}::INTEGER)::VARCHAR"],
        FigureKind.Date => [$"count({q})", $"(min({q}) - DATE '1970-01-01')::VARCHAR", $"(max({q}) - DATE '1970-01-01')::VARCHAR", $"sum({q} - DATE '1970-01-01')::VARCHAR"],
        FigureKind.Timestamp => [$"count({q})", $"epoch_us(min({q}))::VARCHAR", $"epoch_us(max({q}))::VARCHAR", $"sum(epoch_us({q}))::VARCHAR"],
        FigureKind.Text => [$"count({q})", $"min({q})", $"max({q})", $"sum(('0x' || left(sha256({q}), 16))::UBIGINT)::VARCHAR"],
        _ => [$"count({q})", "NULL", "NULL", "NULL"],
    };

    private static object? Value(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetValue(ordinal);
}
