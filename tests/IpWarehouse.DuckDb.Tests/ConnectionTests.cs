using System.Data;

namespace IpWarehouse.DuckDb.Tests;

public sealed class ConnectionTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Opens_a_file_and_memory_and_reports_the_library_version()
    {
        using var file = Db.Open(folder.Database());
        using var memory = Db.Open("DataSource=:memory:");
        Assert.Equal(ConnectionState.Open, file.State);
        Assert.Equal(42, memory.Scalar("SELECT 42"));
        Assert.True(File.Exists(folder.File("test.duckdb")));
        Assert.StartsWith("v1.5.6", DuckDBConnection.LibraryVersion, StringComparison.Ordinal);
        Assert.Equal(DuckDBConnection.LibraryVersion, file.ServerVersion);
    }

    [Fact]
    public void Memory_databases_are_private_to_their_connection()
    {
        using var first = Db.Open("DataSource=:memory:");
        using var second = Db.Open("DataSource=:memory:");
        first.Run("CREATE TABLE only_here (x INTEGER)");
        var error = Assert.Throws<DuckDBException>(() => second.Scalar("SELECT count(*) FROM only_here"));
        Assert.Equal(DuckDBErrorType.Catalog, error.ErrorType);
    }

    [Fact]
    public void Configuration_keys_are_applied_before_opening()
    {
        using (var writer = Db.Open(folder.Database()))
        {
            writer.Run("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1)");
        }

        using var reader = Db.Open(folder.Database() + ";ACCESS_MODE=READ_ONLY;threads=1;memory_limit=256MB");
        Assert.Equal(1L, reader.Scalar("SELECT count(*) FROM t"));
        Assert.Equal("1", reader.Scalar("SELECT current_setting('threads')")!.ToString());
        var error = Assert.Throws<DuckDBException>(() => reader.Run("INSERT INTO t VALUES (2)"));
        Assert.Contains("read-only", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_read_only_open_after_a_file_is_renamed_over_sees_the_new_file_while_older_connections_keep_the_old()
    {
        // The loader publishes by renaming a new file over the published one; a reader process that keeps
        // connections open (the web server) must see the new publish on its next connection.
        foreach (var (name, value) in new[] { ("published.duckdb", 1), ("next.duckdb", 2) })
        {
            using var writer = Db.Open(folder.Database(name));
            writer.Run($"CREATE TABLE t AS SELECT {value} AS x");
        }
        const string ReadOnly = ";ACCESS_MODE=READ_ONLY";
        using var before = Db.Open(folder.Database("published.duckdb") + ReadOnly);
        Assert.Equal(1, before.Scalar("SELECT x FROM t"));

        File.Move(folder.File("next.duckdb"), folder.File("published.duckdb"), overwrite: true);

        using var after = Db.Open(folder.Database("published.duckdb") + ReadOnly);
        Assert.Equal(2, after.Scalar("SELECT x FROM t"));
        Assert.Equal(1, before.Scalar("SELECT x FROM t"));
        using var another = Db.Open(folder.Database("published.duckdb") + ReadOnly);
        Assert.Equal(2, another.Scalar("SELECT x FROM t"));
    }

    [Fact]
    public void External_access_can_be_switched_off()
    {
        using var connection = Db.Open("DataSource=:memory:;enable_external_access=false");
        var error = Assert.Throws<DuckDBException>(() => connection.Scalar("SELECT count(*) FROM read_csv('/etc/passwd')"));
        Assert.Equal(DuckDBErrorType.Permission, error.ErrorType);
    }

    [Fact]
    public void An_unknown_key_fails_and_names_the_key()
    {
        var error = Assert.Throws<DuckDBException>(() => Db.Open("DataSource=:memory:;no_such_option=1"));
        Assert.Contains("'no_such_option'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_data_source_says_how_to_write_one()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Db.Open("threads=1"));
        Assert.Contains("DataSource=", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_connections_to_one_file_share_the_database()
    {
        using var first = Db.Open(folder.Database());
        using var second = Db.Open(folder.Database());
        first.Run("CREATE TABLE shared (x INTEGER); INSERT INTO shared VALUES (7)");
        Assert.Equal(7, second.Scalar("SELECT x FROM shared"));

        first.Close();
        Assert.Equal(7, second.Scalar("SELECT x FROM shared"));
        second.Close();

        // Both closed: the native database was released, so the file can be reopened with other options.
        using var readOnly = Db.Open(folder.Database() + ";ACCESS_MODE=READ_ONLY");
        Assert.Equal(7, readOnly.Scalar("SELECT x FROM shared"));
    }

    [Fact]
    public void A_second_connection_with_other_options_to_an_open_file_is_refused()
    {
        using var first = Db.Open(folder.Database());
        var error = Assert.Throws<DuckDBException>(() => Db.Open(folder.Database() + ";ACCESS_MODE=READ_ONLY"));
        Assert.Contains("already open in this process", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_threads_on_two_connections_to_one_file_work()
    {
        using (var setup = Db.Open(folder.Database()))
        {
            setup.Run("CREATE TABLE counter (thread INTEGER, i INTEGER)");
        }

        var threads = Enumerable.Range(0, 2).Select(t => new Thread(() =>
        {
            using var connection = Db.Open(folder.Database());
            for (var i = 0; i < 200; i++)
            {
                connection.Run("INSERT INTO counter VALUES (?, ?)", t, i);
                Assert.True((long)connection.Scalar("SELECT count(*) FROM counter WHERE thread = ?", t)! >= i + 1);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        using var check = Db.Open(folder.Database());
        Assert.Equal(400L, check.Scalar("SELECT count(*) FROM counter"));
        Assert.Equal(2L, check.Scalar("SELECT count(DISTINCT thread) FROM counter"));
    }

    [Fact]
    public void Transactions_commit_and_roll_back()
    {
        using var connection = Db.Open(folder.Database());
        connection.Run("CREATE TABLE t (x INTEGER)");
        using (var transaction = connection.BeginTransaction())
        {
            connection.Run("INSERT INTO t VALUES (1)");
            transaction.Rollback();
        }
        using (var transaction = connection.BeginTransaction())
        {
            connection.Run("INSERT INTO t VALUES (2)");
            transaction.Commit();
        }
        using (connection.BeginTransaction())
        {
            connection.Run("INSERT INTO t VALUES (3)");
            // disposed without commit: rolled back
        }
        Assert.Equal(1L, connection.Scalar("SELECT count(*) FROM t"));
        Assert.Equal(2, connection.Scalar("SELECT min(x) FROM t"));
    }
}
