using System.Globalization;
using DuckDB.NET.Data;
using IpWarehouse.Etl.DuckDb;
using IpWarehouse.Etl.Validation;

namespace IpWarehouse.Etl.Tests.Validation;

public sealed class InstallTests : IDisposable
{
    private static readonly string[] PublicMacros =
    [
        "ipwh_clean", "ipwh_date", "ipwh_amount", "ipwh_int", "ipwh_bool", "ipwh_region_code",
        "ipwh_patent_no", "ipwh_patent_no_ok", "ipwh_patent_type_digit", "ipwh_patent_type_from_no", "ipwh_is_pct_from_no",
        "ipwh_uscc_ok", "ipwh_uscc_area", "ipwh_resident_id_ok", "ipwh_mask_id", "ipwh_hash_id",
        "ipwh_enum_key", "ipwh_enum", "ipwh_first_applicant", "ipwh_applicant_type_from_name",
    ];

    private readonly DuckDBConnection connection = new("DataSource=:memory:");
    private readonly string folder = Path.Combine(Path.GetTempPath(), "ipwh-value-rules-" + Guid.NewGuid().ToString("N"));

    public InstallTests()
    {
        connection.Open();
        Directory.CreateDirectory(folder);
    }

    [Fact]
    public void Install_creates_every_macro_and_the_enum_table()
    {
        ValueRules.Install(connection);

        var macros = Strings("SELECT DISTINCT function_name FROM duckdb_functions() WHERE function_type = 'macro' AND function_name LIKE 'ipwh_%'");
        Assert.All(PublicMacros, name => Assert.Contains(name, macros));
        Assert.True(Count("SELECT count(*) FROM ref_enum") > 100);
    }

    [Fact]
    public void Install_is_idempotent()
    {
        ValueRules.Install(connection);
        var macros = Count("SELECT count(*) FROM duckdb_functions() WHERE function_name LIKE 'ipwh_%'");
        var aliases = Count("SELECT count(*) FROM ref_enum");

        ValueRules.Install(connection);

        Assert.Equal(macros, Count("SELECT count(*) FROM duckdb_functions() WHERE function_name LIKE 'ipwh_%'"));
        Assert.Equal(aliases, Count("SELECT count(*) FROM ref_enum"));
        Assert.Equal("invention", Scalar("SELECT ipwh_enum('patents', 'patent_type', '发明')"));
    }

    [Fact]
    public void Macros_persist_in_a_database_file_and_work_after_reopening()
    {
        var file = Path.Combine(folder, "rules.duckdb");
        using (var writer = DuckDbFactory.Open(file))
        {
            ValueRules.Install(writer);
        }
        using var reader = DuckDbFactory.Open(file);
        using var command = reader.CreateCommand();
        command.CommandText = "SELECT ipwh_patent_no_ok('95115608.X') AND ipwh_enum('cases', 'case_type', '版权') = 'copyright'";
        Assert.Equal(true, command.ExecuteScalar());
    }

    [Fact]
    public void An_alias_meaning_two_values_is_refused_with_the_alias_named()
    {
        var csv = WriteCsv("""
            layout,column,alias,value
            patents,patent_type,invention,invention
            patents,patent_type,发明,invention
            patents,patent_type,ＤＥＳＩＧＮ,invention
            patents,patent_type,design,design
            """);

        var error = Assert.Throws<InvalidDataException>(() => ValueRules.Install(connection, csv));

        Assert.Contains("patents.patent_type alias 'design' means design, invention", error.Message, StringComparison.Ordinal);
        Assert.Contains(csv, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Spellings_that_clean_to_the_same_alias_and_value_are_one_alias()
    {
        var csv = WriteCsv("""
            layout,column,alias,value
            targets,comparator,>=,>=
            targets,comparator,＞＝,>=
            """);

        ValueRules.Install(connection, csv);

        Assert.Equal(1L, Count("SELECT count(*) FROM ref_enum"));
    }

    [Fact]
    public void A_row_with_an_empty_field_is_refused()
    {
        var csv = WriteCsv("""
            layout,column,alias,value
            patents,patent_type,发明,
            """);

        var error = Assert.Throws<InvalidDataException>(() => ValueRules.Install(connection, csv));

        Assert.Contains("1 row(s) with an empty layout, column, alias or value", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        connection.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private string WriteCsv(string text)
    {
        var path = Path.Combine(folder, "enums.csv");
        File.WriteAllText(path, text + "\n");
        return path;
    }

    private object? Scalar(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private long Count(string sql) => Convert.ToInt64(Scalar(sql), CultureInfo.InvariantCulture);

    private List<string> Strings(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }
        return values;
    }
}
