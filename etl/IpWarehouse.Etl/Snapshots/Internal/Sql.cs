namespace IpWarehouse.Etl.Snapshots.Internal;

/// Quoting for the few statements the verification builds from table, column and file names.
internal static class Sql
{
    internal static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    internal static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
