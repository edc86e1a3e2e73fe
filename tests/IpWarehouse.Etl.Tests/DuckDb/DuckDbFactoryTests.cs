using DuckDB.NET.Data;
using IpWarehouse.Etl.DuckDb;
using IpWarehouse.Etl.Tests.Infrastructure;

namespace IpWarehouse.Etl.Tests.DuckDb;

/// One connection factory opens every DuckDB file: one name per file, one set of options per file in a process.
/// DuckDB.NET alone keeps the first connection's options for every later connection to the same path string,
/// and opens a second instance of a file for a second spelling of its path.
public sealed class DuckDbFactoryTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_read_only_connection_to_a_file_open_for_writing_is_refused_instead_of_writing()
    {
        var path = folder.File("w.duckdb");
        var secret = folder.Write("secret.txt", "s3cret\n");
        using var writer = DuckDbFactory.Open(path);
        Execute(writer, "CREATE TABLE t (i INTEGER)");

        // DuckDB.NET would hand this connection the writer's database: it could insert and read files.
        var error = Assert.Throws<InvalidOperationException>(() => DuckDbFactory.Open(path, DuckDbOptions.ReadOnlyQueries));

        Assert.Contains("already open in this process with other options", error.Message, StringComparison.Ordinal);
        Assert.Contains("access_mode=READ_ONLY", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, Scalar(writer, "SELECT count(*) FROM t"));
        Assert.True(File.Exists(secret));
    }

    [Fact]
    public void Once_every_connection_is_closed_the_file_opens_with_other_options_and_they_hold()
    {
        var path = folder.File("w.duckdb");
        var secret = folder.Write("secret.txt", "s3cret\n");
        using (var writer = DuckDbFactory.Open(path))
        {
            Execute(writer, "CREATE TABLE t (i INTEGER)");
        }

        using var reader = DuckDbFactory.Open(path, DuckDbOptions.ReadOnlyQueries);

        var write = Assert.ThrowsAny<DuckDBException>(() => Execute(reader, "INSERT INTO t VALUES (1)"));
        Assert.Contains("read-only", write.Message, StringComparison.OrdinalIgnoreCase);
        var file = Assert.ThrowsAny<DuckDBException>(() => Scalar(reader, $"SELECT count(*) FROM read_text('{secret}')"));
        Assert.Contains("Permission Error", file.Message, StringComparison.Ordinal);
        Assert.ThrowsAny<DuckDBException>(() => Execute(reader, "SET enable_external_access = true"));
    }

    [Fact]
    public void Connections_with_the_same_options_share_the_file()
    {
        var path = folder.File("w.duckdb");
        using var first = DuckDbFactory.Open(path, DuckDbOptions.ReadWrite);
        using var second = DuckDbFactory.Open(path, new DuckDbOptions());
        Execute(first, "CREATE TABLE t AS SELECT 42 AS i");
        Assert.Equal(42L, Scalar(second, "SELECT i FROM t"));
    }

    [Fact]
    public void A_dot_in_the_path_names_the_same_file_not_a_second_writer()
    {
        var path = folder.File("data/w.duckdb");
        var dotted = Path.Combine(folder.Path, "data", ".", "..", "data", "w.duckdb");
        using var first = DuckDbFactory.Open(path);
        Execute(first, "CREATE TABLE t (i INTEGER)");
        using var second = DuckDbFactory.Open(dotted);

        // One database: a row written through one connection is seen through the other at once. Two
        // instances of one file (what DuckDB.NET opens for two spellings) would each keep their own rows.
        Execute(first, "INSERT INTO t VALUES (1)");
        Assert.Equal(1L, Scalar(second, "SELECT count(*) FROM t"));
        Execute(second, "INSERT INTO t VALUES (2)");
        Assert.Equal(2L, Scalar(first, "SELECT count(*) FROM t"));
        Assert.Equal(path, DuckDbFactory.NormalizePath(dotted));
        Assert.Throws<InvalidOperationException>(() => DuckDbFactory.Open(dotted, new DuckDbOptions { ReadOnly = true }));
    }

    [Fact]
    public void A_symbolic_link_names_the_file_it_points_to()
    {
        var path = folder.File("versions/v1.duckdb");
        var link = Path.Combine(folder.Path, "current.duckdb");
        File.CreateSymbolicLink(link, Path.Combine("versions", "v1.duckdb"));
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "alias"), "versions");

        Assert.Equal(path, DuckDbFactory.NormalizePath(link));
        Assert.Equal(path, DuckDbFactory.NormalizePath(Path.Combine(folder.Path, "alias", "v1.duckdb")));
        using var first = DuckDbFactory.Open(path);
        Assert.True(DuckDbFactory.IsOpenHere(link));
        Assert.Throws<InvalidOperationException>(() => DuckDbFactory.Open(link, new DuckDbOptions { ReadOnly = true }));
    }

    [Fact]
    public void An_attached_file_cannot_be_opened_beside_it_until_it_is_detached()
    {
        var path = folder.File("landing.duckdb");
        using var work = DuckDbFactory.OpenInMemory();
        using (DuckDbFactory.Attach(work, path, "landing"))
        {
            Execute(work, "CREATE TABLE landing.t AS SELECT 1 AS i");
            var error = Assert.Throws<InvalidOperationException>(() => DuckDbFactory.Open(path));
            Assert.Contains("attached to another database", error.Message, StringComparison.Ordinal);
        }
        using var reopened = DuckDbFactory.Open(path);
        Assert.Equal(1L, Scalar(reopened, "SELECT count(*) FROM t"));
    }

    [Fact]
    public void A_file_held_here_is_not_deleted_and_a_free_one_is()
    {
        var held = folder.File("held.duckdb");
        var free = folder.File("free.duckdb");
        using (DuckDbFactory.Open(free))
        {
        }
        using var holder = DuckDbFactory.Open(held);

        Assert.False(DuckDbFactory.DeleteUnlessHeld(held));
        Assert.True(File.Exists(held));
        Assert.True(DuckDbFactory.DeleteUnlessHeld(free));
        Assert.False(File.Exists(free));
    }

    [Fact]
    public void Memory_databases_are_private_to_their_connection()
    {
        using var first = DuckDbFactory.OpenInMemory();
        using var second = DuckDbFactory.OpenInMemory(new DuckDbOptions { Threads = 1 });
        Execute(first, "CREATE TABLE t (i INTEGER)");
        Assert.ThrowsAny<DuckDBException>(() => Scalar(second, "SELECT count(*) FROM t"));
        Assert.Equal(1L, Scalar(second, "SELECT current_setting('threads')"));
    }

    [Fact]
    public void The_library_is_DuckDB_1_5_6_from_the_package()
    {
        Assert.StartsWith("v1.5.6", DuckDbFactory.LibraryVersion, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "libduckdb.so")), "libduckdb.so (linux-x64) should sit next to the assembly");
        Assert.False(Directory.Exists(Path.Combine(AppContext.BaseDirectory, "runtimes", "win-x64")), "only linux-x64's native libraries belong in the output");
    }

    internal static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    internal static long Scalar(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
