using System.Data.Common;
using System.Globalization;

namespace IpWarehouse.Etl.Snapshots.Internal;

/// What a DuckDB warehouse holds of the published tables: their columns (warehouse-sql/snapshots/) and rows.
internal static class WarehouseShape
{
    internal static Dictionary<string, IReadOnlyList<SnapshotColumn>> Columns(DbConnection warehouse, IReadOnlyList<string> tables)
    {
        var result = new Dictionary<string, IReadOnlyList<SnapshotColumn>>(StringComparer.Ordinal);
        if (tables.Count == 0)
        {
            return result;
        }
        using var command = warehouse.CreateCommand();
        command.CommandText = WarehouseSql.Read("snapshots/published_columns.sql")
            .Replace("{{tables}}", string.Join(", ", tables.Select(Sql.Literal)), StringComparison.Ordinal);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var table = reader.GetString(0);
            if (!result.TryGetValue(table, out var columns))
            {
                result[table] = columns = new List<SnapshotColumn>();
            }
            ((List<SnapshotColumn>)columns).Add(new SnapshotColumn(reader.GetString(1), reader.GetString(2)));
        }
        return result;
    }

    internal static Dictionary<string, long> Rows(DbConnection warehouse, IReadOnlyList<string> tables)
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        if (tables.Count == 0)
        {
            return result;
        }
        using var command = warehouse.CreateCommand();
        command.CommandText = string.Join("\nUNION ALL ", tables.Select(t => $"SELECT {Sql.Literal(t)}, count(*) FROM main.{Sql.Identifier(t)}"));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result[reader.GetString(0)] = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
        }
        return result;
    }
}
