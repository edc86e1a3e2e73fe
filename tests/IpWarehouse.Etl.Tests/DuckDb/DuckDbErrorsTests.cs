using DuckDB.NET.Data;
using DuckDB.NET.Native;
using IpWarehouse.Etl.DuckDb;

namespace IpWarehouse.Etl.Tests.DuckDb;

/// DuckDB.NET reports errors raised while a statement is prepared without a type; DuckDbErrors reads the kind
/// from DuckDB's message so that refusals and user errors are told apart as before.
public sealed class DuckDbErrorsTests : IDisposable
{
    private readonly DuckDBConnection connection = DuckDbFactory.OpenInMemory(DuckDbOptions.ReadOnlyQueries with { ReadOnly = false });

    public void Dispose() => connection.Dispose();

    [Theory]
    [InlineData("SELEC 1", DuckDBErrorType.Parser, "Parser Error")]
    [InlineData("SELECT * FROM no_such_table", DuckDBErrorType.Catalog, "Catalog Error")]
    [InlineData("SELECT no_such_column", DuckDBErrorType.Binder, "Binder Error")]
    [InlineData("SELECT * FROM read_csv('/etc/hostname')", DuckDBErrorType.Permission, "Permission Error")]
    public void Errors_raised_while_preparing_get_their_kind_from_the_message(string sql, DuckDBErrorType kind, string prefix)
    {
        var error = Assert.ThrowsAny<DuckDBException>(() => Run(sql));

        Assert.Equal(DuckDBErrorType.Invalid, error.ErrorType); // what DuckDB.NET gives: no type at all
        Assert.StartsWith(prefix, error.Message, StringComparison.Ordinal);
        Assert.Equal(kind, DuckDbErrors.Kind(error));
    }

    [Fact]
    public void Errors_raised_while_running_keep_DuckDBNETs_type()
    {
        Run("CREATE TABLE t (i INTEGER PRIMARY KEY)");
        Run("INSERT INTO t VALUES (1)");
        var constraint = Assert.ThrowsAny<DuckDBException>(() => Run("INSERT INTO t VALUES (1)"));
        Assert.Equal(DuckDBErrorType.Constraint, DuckDbErrors.Kind(constraint));

        var conversion = Assert.ThrowsAny<DuckDBException>(() => Run("SELECT CAST(CASE WHEN i = 3 THEN 'x' ELSE '1' END AS INTEGER) FROM range(5) t(i)"));
        Assert.Equal(DuckDBErrorType.Conversion, DuckDbErrors.Kind(conversion));
    }

    [Theory]
    [InlineData("Binder Error: Referenced column \"x\" not found", DuckDBErrorType.Binder)]
    [InlineData("  Parser Error: syntax error at or near \"SELEC\"", DuckDBErrorType.Parser)]
    [InlineData("Invalid Input Error: boom", DuckDBErrorType.InvalidInput)]
    [InlineData("Out of Memory Error: failed to allocate", DuckDBErrorType.OutOfMemory)]
    [InlineData("IO Error: Could not set lock on file", DuckDBErrorType.Io)]
    [InlineData("Binder is broken", DuckDBErrorType.Invalid)]
    [InlineData("", DuckDBErrorType.Invalid)]
    public void The_kind_is_the_messages_prefix(string message, DuckDBErrorType kind) =>
        Assert.Equal(kind, DuckDbErrors.KindOf(message));

    private void Run(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
        }
    }
}
