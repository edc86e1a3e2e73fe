namespace IpWarehouse.DuckDb.Tests;

public sealed class ErrorTests : IDisposable
{
    private readonly DuckDBConnection connection = Db.Open("DataSource=:memory:");

    public void Dispose() => connection.Dispose();

    [Fact]
    public void A_syntax_error_is_a_parser_error_with_DuckDBs_message()
    {
        var error = Assert.Throws<DuckDBException>(() => connection.Run("SELEC 1"));
        Assert.Equal(DuckDBErrorType.Parser, error.ErrorType);
        Assert.Contains("syntax error at or near \"SELEC\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_constraint_violation_is_a_constraint_error()
    {
        connection.Run("CREATE TABLE t (id INTEGER PRIMARY KEY)");
        connection.Run("INSERT INTO t VALUES (1)");
        var error = Assert.Throws<DuckDBException>(() => connection.Run("INSERT INTO t VALUES (1)"));
        Assert.Equal(DuckDBErrorType.Constraint, error.ErrorType);
        Assert.Contains("Duplicate key \"id: 1\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_type_mismatch_is_a_conversion_error_naming_the_value()
    {
        connection.Run("CREATE TABLE t (n INTEGER)");
        var error = Assert.Throws<DuckDBException>(() => connection.Run("INSERT INTO t VALUES ('二十')"));
        Assert.Equal(DuckDBErrorType.Conversion, error.ErrorType);
        Assert.Contains("二十", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_table_is_a_catalog_error()
    {
        var error = Assert.Throws<DuckDBException>(() => connection.Scalar("SELECT * FROM fact_nothing"));
        Assert.Equal(DuckDBErrorType.Catalog, error.ErrorType);
        Assert.Contains("fact_nothing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_in_a_later_statement_leaves_earlier_ones_done()
    {
        Assert.Throws<DuckDBException>(() => connection.Run("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES ('x')"));
        Assert.Equal(0L, connection.Scalar("SELECT count(*) FROM t"));
    }

    [Fact]
    public void An_error_while_streaming_surfaces_from_Read()
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT CASE WHEN i < 5000 THEN i ELSE error('bad row ' || i) END FROM range(10000) t(i)";
        var error = Assert.Throws<DuckDBException>(() =>
        {
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
            }
        });
        Assert.Contains("bad row 5000", error.Message, StringComparison.Ordinal);
    }
}
