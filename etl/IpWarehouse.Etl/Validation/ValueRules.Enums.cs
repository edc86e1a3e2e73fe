using System.Globalization;
using System.Text;
using DuckDB.NET.Data;

namespace IpWarehouse.Etl.Validation;

public static partial class ValueRules
{
    // Checked once at install, not per row: every row of enums.csv complete, and no cleaned alias of a
    // column meaning two values (ipwh_enum is a scalar subquery and would fail on the first such row).
    private const string IncompleteRows = """
        SELECT count(*)
        FROM ref_enum
        WHERE layout IS NULL OR column_name IS NULL OR alias_key IS NULL OR value IS NULL
        """;

    private const string AmbiguousAliases = """
        SELECT layout, column_name, alias_key, string_agg(value, ', ' ORDER BY value) AS meanings
        FROM ref_enum
        GROUP BY layout, column_name, alias_key
        HAVING count(*) > 1
        ORDER BY layout, column_name, alias_key
        """;

    private static void CheckEnumTable(DuckDBConnection connection, string enumCsv)
    {
        using (var command = connection.CreateCommand())
        {
            command.CommandText = IncompleteRows;
            var incomplete = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
            if (incomplete > 0)
            {
                throw new InvalidDataException(
                    $"{enumCsv} has {incomplete} row(s) with an empty layout, column, alias or value. Every row needs all four fields.");
            }
        }

        using (var command = connection.CreateCommand())
        {
            command.CommandText = AmbiguousAliases;
            using var reader = command.ExecuteReader();
            var problems = new StringBuilder();
            while (reader.Read())
            {
                problems.Append(CultureInfo.InvariantCulture,
                    $"{Environment.NewLine}  {reader.GetString(0)}.{reader.GetString(1)} alias '{reader.GetString(2)}' means {reader.GetString(3)}");
            }
            if (problems.Length > 0)
            {
                throw new InvalidDataException(
                    $"{enumCsv} gives an alias (compared cleaned and lower-cased) more than one value; keep one:{problems}");
            }
        }
    }
}
