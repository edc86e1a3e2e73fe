using System.Text.RegularExpressions;
using DuckDB.NET.Data;

namespace IpWarehouse.Etl.Tests.Schema;

/// A statistician opening the published warehouse with the DuckDB CLI reads duckdb_tables() and
/// duckdb_columns(): every table and column must explain itself there, Chinese meaning first, then
/// English, with the unit or format where one applies.
public sealed partial class SchemaCommentTests : IDisposable
{
    private readonly SchemaDatabase database = new();

    [Fact]
    public void Every_table_and_column_has_a_comment()
    {
        var offenders = Uncommented(database.Connection);

        Assert.True(offenders.Count == 0,
            $"{offenders.Count} tables/columns have no comment; add COMMENT ON TABLE/COLUMN to their warehouse-sql/schema/ file: {string.Join(", ", offenders)}");
    }

    [Fact]
    public void The_comment_check_names_what_lacks_a_comment()
    {
        database.Execute("""
            CREATE TABLE zz_uncommented (a INTEGER, b VARCHAR);
            COMMENT ON COLUMN zz_uncommented.b IS '说明 explained';
            COMMENT ON COLUMN fact_patent.ipc_main IS '   ';
            """);

        var offenders = Uncommented(database.Connection);

        Assert.Equal(["fact_patent.ipc_main", "zz_uncommented", "zz_uncommented.a"], offenders);
    }

    [Fact]
    public void Comments_give_the_chinese_meaning_first_then_english()
    {
        var offenders = Comments(database.Connection)
            .Where(c => !ChineseThenEnglish().IsMatch(c.Comment))
            .Select(c => $"{c.Name}: '{c.Comment}'")
            .ToList();

        Assert.True(offenders.Count == 0,
            $"Comments must start with the Chinese meaning, then English (e.g. '申请日 application date (DATE)'): {string.Join("; ", offenders)}");
    }

    [Fact]
    public void Dates_amounts_timestamps_and_region_codes_state_their_unit_or_format()
    {
        var columns = SchemaDatabase.Rows(database.Connection, """
            SELECT table_name || '.' || column_name, data_type, column_name, comment
            FROM duckdb_columns()
            WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal
            ORDER BY table_name, column_index
            """);
        var offenders = columns
            .Where(c => RequiredMark(c[1]!, c[2]!) is { } mark && !(c[3] ?? "").Contains(mark, StringComparison.Ordinal))
            .Select(c => $"{c[0]} {c[1]} should mention '{RequiredMark(c[1]!, c[2]!)}': '{c[3]}'")
            .ToList();

        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }

    [Fact]
    public void Apply_rewrites_a_changed_comment()
    {
        database.Execute("COMMENT ON COLUMN fact_patent.application_date IS 'stale'");

        IpWarehouse.Etl.Warehouse.Schema.Apply(database.Connection);

        Assert.Equal("申请日 application date (DATE)", database.Rows("""
            SELECT comment FROM duckdb_columns() WHERE table_name = 'fact_patent' AND column_name = 'application_date'
            """)[0][0]);
    }

    /// "table" and "table.column" for every table and column of the main schema whose comment is empty.
    internal static List<string> Uncommented(DuckDBConnection connection) =>
        [.. Comments(connection).Where(c => string.IsNullOrWhiteSpace(c.Comment)).Select(c => c.Name).Order(StringComparer.Ordinal)];

    private static List<(string Name, string Comment)> Comments(DuckDBConnection connection) =>
        [.. SchemaDatabase.Rows(connection, """
            SELECT table_name, comment
            FROM duckdb_tables()
            WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal
            UNION ALL
            SELECT table_name || '.' || column_name, comment
            FROM duckdb_columns()
            WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal
            """).Select(r => (r[0]!, r[1] ?? ""))];

    private static string? RequiredMark(string dataType, string column) => dataType switch
    {
        "DATE" => "(DATE",
        "TIMESTAMP WITH TIME ZONE" => "(TIMESTAMPTZ)",
        "DECIMAL(18,2)" => "元 yuan",
        _ when column == "region_code" => "GB/T 2260 six-digit code",
        _ => null,
    };

    // A first word holding Chinese (申请日, PCT国家阶段, 高价值:获奖), a space, then English words.
    [GeneratedRegex(@"^\S*\p{IsCJKUnifiedIdeographs}\S*\s.*[A-Za-z]{3,}")]
    private static partial Regex ChineseThenEnglish();

    public void Dispose() => database.Dispose();
}
