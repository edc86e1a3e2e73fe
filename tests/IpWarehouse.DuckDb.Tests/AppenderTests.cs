namespace IpWarehouse.DuckDb.Tests;

public sealed class AppenderTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly DuckDBConnection connection;

    public AppenderTests()
    {
        connection = Db.Open(folder.Database());
        connection.Run("CREATE TABLE patent (application_no VARCHAR, applied DATE, fee DECIMAL(18,2), claims INTEGER, applicant VARCHAR)");
    }

    public void Dispose()
    {
        connection.Dispose();
        folder.Dispose();
    }

    [Fact]
    public void Rows_across_many_chunks_arrive_whole_and_in_order_when_disposed()
    {
        const int rows = 10_000; // five chunks of 2 048 and a partial one
        using (var appender = connection.CreateAppender("patent"))
        {
            for (var i = 0; i < rows; i++)
            {
                var row = appender.CreateRow()
                    .AppendValue($"2023{i:D8}")
                    .AppendValue(new DateOnly(2023, 1, 1).AddDays(i % 365));
                if (i % 7 == 0)
                {
                    row.AppendNullValue();
                }
                else
                {
                    row.AppendValue(i / 100m);
                }
                row.AppendValue(i).AppendValue(i % 3 == 0 ? "兰州大学" : "甘肃省某某科技有限公司").EndRow();
            }
            Assert.Equal(rows, appender.RowsAppended);
        }

        Assert.Equal((long)rows, connection.Scalar("SELECT count(*) FROM patent"));
        Assert.Equal((long)rows * (rows - 1) / 2, connection.Scalar("SELECT sum(claims)::BIGINT FROM patent"));
        Assert.Equal((long)((rows + 6) / 7), connection.Scalar("SELECT count(*) FROM patent WHERE fee IS NULL"));
        Assert.Equal(99.99m, connection.Scalar("SELECT fee FROM patent WHERE claims = 9999"));
        Assert.Equal("甘肃省某某科技有限公司", connection.Scalar("SELECT applicant FROM patent WHERE claims = 4097"));
        Assert.Equal(0L, connection.Scalar("SELECT count(*) FROM (SELECT claims, row_number() OVER () - 1 AS n FROM patent) WHERE claims <> n"));
    }

    [Fact]
    public void Too_few_values_in_a_row_name_the_table_and_the_counts()
    {
        using var appender = connection.CreateAppender("patent");
        var error = Assert.Throws<DuckDBException>(() => appender.CreateRow().AppendValue("x").AppendValue(new DateOnly(2023, 1, 1)).EndRow());
        Assert.Equal("Table 'patent' has 5 columns but 2 values were given (row 1).", error.Message);
    }

    [Fact]
    public void Too_many_values_in_a_row_are_refused()
    {
        using var appender = connection.CreateAppender("patent");
        var row = appender.CreateRow().AppendValue("x").AppendNullValue().AppendNullValue().AppendNullValue().AppendNullValue();
        var error = Assert.Throws<DuckDBException>(() => row.AppendValue("one too many"));
        Assert.Contains("has 5 columns but 6 values", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_of_the_wrong_type_names_the_column_the_value_and_the_row()
    {
        using var appender = connection.CreateAppender("patent");
        appender.CreateRow().AppendValue("ok").AppendNullValue().AppendNullValue().AppendNullValue().AppendNullValue().EndRow();
        var error = Assert.Throws<DuckDBException>(() => appender.CreateRow().AppendValue("CN1").AppendValue("2023年5月6日"));
        Assert.Equal(DuckDBErrorType.MismatchType, error.ErrorType);
        Assert.Contains("'applied' (DATE", error.Message, StringComparison.Ordinal);
        Assert.Contains("'2023年5月6日'", error.Message, StringComparison.Ordinal);
        Assert.Contains("row 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Columns_the_appender_cannot_fill_are_refused_when_it_is_created()
    {
        connection.Run("CREATE TABLE with_list (id INTEGER, tags VARCHAR[])");
        var error = Assert.Throws<DuckDBException>(() => connection.CreateAppender("with_list"));
        Assert.Contains("'tags'", error.Message, StringComparison.Ordinal);
        Assert.Contains("VARCHAR[]", error.Message.Replace("LIST", "VARCHAR[]", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_table_is_refused_when_the_appender_is_created()
    {
        var error = Assert.Throws<DuckDBException>(() => connection.CreateAppender("no_such_table"));
        Assert.Contains("no_such_table", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_schema_qualified_table_can_be_appended()
    {
        connection.Run("CREATE SCHEMA staging; CREATE TABLE staging.rows (n INTEGER)");
        using (var appender = connection.CreateAppender("staging", "rows"))
        {
            appender.CreateRow().AppendValue(5).EndRow();
        }
        Assert.Equal(5, connection.Scalar("SELECT n FROM staging.rows"));
    }

    [Fact]
    public void A_constraint_violation_surfaces_when_the_chunk_is_handed_over()
    {
        connection.Run("CREATE TABLE keyed (id INTEGER PRIMARY KEY)");
        var appender = connection.CreateAppender("keyed");
        appender.CreateRow().AppendValue(1).EndRow();
        appender.CreateRow().AppendValue(1).EndRow();
        var error = Assert.Throws<DuckDBException>(appender.Dispose);
        Assert.Contains("keyed", error.Message, StringComparison.Ordinal);
        Assert.Equal(DuckDBErrorType.Constraint, error.ErrorType);
    }

    [Fact]
    public void Integers_widen_and_decimals_round_to_the_column()
    {
        connection.Run("CREATE TABLE numbers (b BIGINT, d DECIMAL(9,2), f DOUBLE)");
        using (var appender = connection.CreateAppender("numbers"))
        {
            appender.CreateRow().AppendValue(7).AppendValue(1.005m).AppendValue(3).EndRow();
            appender.CreateRow().AppendValue((short)-1).AppendValue(-2.675m).AppendValue(0.5m).EndRow();
        }
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT b, d, f FROM numbers";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(7L, reader.GetValue(0));
        Assert.Equal(1.01m, reader.GetValue(1));
        Assert.Equal(3d, reader.GetValue(2));
        Assert.True(reader.Read());
        Assert.Equal(-1L, reader.GetValue(0));
        Assert.Equal(-2.68m, reader.GetValue(1));
        Assert.Equal(0.5d, reader.GetValue(2));
    }
}
