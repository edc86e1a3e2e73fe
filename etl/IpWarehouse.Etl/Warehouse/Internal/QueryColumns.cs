using System.Data.Common;

namespace IpWarehouse.Etl.Warehouse.Internal;

/// A query result's columns as Parquet answer columns, from what the reader says of each: its .NET type, its
/// DuckDB type name (the provider's spelling: DECIMAL(18,2) or Decimal, TIMESTAMP WITH TIME ZONE or TimestampTz)
/// and, for DECIMAL, the precision and scale of its schema table.
internal static class QueryColumns
{
    internal static List<AnswerColumn> Of(QueryResult reader, IReadOnlyDictionary<string, string>? labels)
    {
        var schema = reader.GetColumnSchema();
        var columns = new List<AnswerColumn>();
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var name = reader.GetName(i);
            var typeName = reader.GetDataTypeName(i);
            var type = Classify(reader.GetFieldType(i), Letters(typeName));
            var (precision, scale) = type == AnswerType.Decimal ? DecimalShape(typeName, schema[i]) : (0, 0);
            columns.Add(new AnswerColumn(name, type)
            {
                Label = labels?.GetValueOrDefault(name),
                Precision = precision,
                Scale = scale,
                SourceType = type == AnswerType.Decimal ? $"DECIMAL({precision},{scale})" : typeName.ToUpperInvariant(),
            });
        }
        return columns;
    }

    private static AnswerType Classify(Type clr, string letters) => letters switch
    {
        "HUGEINT" or "UHUGEINT" => AnswerType.HugeInt,
        _ when letters.StartsWith("DECIMAL", StringComparison.Ordinal) => AnswerType.Decimal,
        "TIMESTAMPWITHTIMEZONE" or "TIMESTAMPTZ" => AnswerType.TimestampUtc,
        _ when typeof(Stream).IsAssignableFrom(clr) => AnswerType.Blob,
        // VARINT (BigInteger) is wider than any Parquet DECIMAL, and INTERVAL, LIST, STRUCT … have no flat
        // Parquet type: they are written as their text.
        _ => ByClrType.GetValueOrDefault(clr, AnswerType.Text),
    };

    private static readonly Dictionary<Type, AnswerType> ByClrType = new()
    {
        [typeof(bool)] = AnswerType.Boolean,
        [typeof(sbyte)] = AnswerType.Int8,
        [typeof(short)] = AnswerType.Int16,
        [typeof(int)] = AnswerType.Int32,
        [typeof(long)] = AnswerType.Int64,
        [typeof(byte)] = AnswerType.UInt8,
        [typeof(ushort)] = AnswerType.UInt16,
        [typeof(uint)] = AnswerType.UInt32,
        [typeof(ulong)] = AnswerType.UInt64,
        [typeof(float)] = AnswerType.Float,
        [typeof(double)] = AnswerType.Double,
        [typeof(DateOnly)] = AnswerType.Date,
        [typeof(DateTime)] = AnswerType.Timestamp,
        [typeof(byte[])] = AnswerType.Blob,
    };

    // DECIMAL(18,2) when the provider spells it so, else the schema table's precision and scale.
    private static (int Precision, int Scale) DecimalShape(string typeName, DbColumn column)
    {
        var open = typeName.IndexOf('(', StringComparison.Ordinal);
        if (open > 0 && typeName.EndsWith(')') && typeName[(open + 1)..^1].Split(',') is [var p, var s]
            && int.TryParse(p, out var precision) && int.TryParse(s, out var scale))
        {
            return (precision, scale);
        }
        return (column.NumericPrecision ?? 38, column.NumericScale ?? 0);
    }

    private static string Letters(string typeName) => new([.. typeName.ToUpperInvariant().TakeWhile(ch => ch != '(').Where(char.IsLetter)]);
}
