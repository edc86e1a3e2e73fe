namespace IpWarehouse.DuckDb.Tests;

public sealed class ParameterTests : IDisposable
{
    private readonly DuckDBConnection connection = Db.Open("DataSource=:memory:");

    public void Dispose() => connection.Dispose();

    [Fact]
    public void Question_marks_bind_in_order()
    {
        Assert.Equal("兰州-7", connection.Scalar("SELECT ? || '-' || ?::VARCHAR", "兰州", 7));
    }

    [Fact]
    public void Dollar_numbers_bind_by_position_and_may_repeat()
    {
        Assert.Equal(12, connection.Scalar("SELECT $2 * $1 + $2", 5, 2));
    }

    [Theory]
    [InlineData("year")]
    [InlineData("$year")]
    [InlineData("@year")]
    [InlineData(":year")]
    public void Named_parameters_bind_by_name_whatever_the_prefix(string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT $year + 1, $region";
        command.Parameters.Add(new DuckDBParameter("region", "620000"));
        command.Parameters.Add(new DuckDBParameter(name, 2023));
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(2024, reader.GetInt32(0));
        Assert.Equal("620000", reader.GetString(1));
    }

    [Fact]
    public void Null_parameters_are_SQL_NULL()
    {
        Assert.Equal(true, connection.Scalar("SELECT ? IS NULL", DBNull.Value));
        Assert.Equal(true, connection.Scalar("SELECT ? IS NULL", (object?)null));
    }

    [Fact]
    public void Parameters_apply_to_every_statement_that_uses_them()
    {
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE t (x INTEGER); INSERT INTO t VALUES ($v); INSERT INTO t VALUES ($v + 1); SELECT sum(x)::BIGINT FROM t";
        command.Parameters.AddWithValue("v", 10);
        Assert.Equal(21L, command.ExecuteScalar());
    }

    [Fact]
    public void A_missing_named_parameter_names_itself_and_what_was_given()
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT $region";
        command.Parameters.AddWithValue("year", 2023);
        var error = Assert.Throws<DuckDBException>(() => command.ExecuteScalar());
        Assert.Contains("$region", error.Message, StringComparison.Ordinal);
        Assert.Contains("year", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_few_positional_parameters_is_an_error()
    {
        var error = Assert.Throws<DuckDBException>(() => connection.Scalar("SELECT ?, ?", 1));
        Assert.Contains("has 1 parameter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unsupported_parameter_type_is_named()
    {
        var error = Assert.Throws<NotSupportedException>(() => connection.Scalar("SELECT ?", new Uri("http://localhost")));
        Assert.Contains("System.Uri", error.Message, StringComparison.Ordinal);
    }
}
