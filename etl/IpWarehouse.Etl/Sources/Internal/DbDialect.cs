using System.Data.Common;
using IpWarehouse.Etl.Configuration;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace IpWarehouse.Etl.Sources.Internal;

/// What differs between the source databases: identifier quoting and how a connection is made.
/// Everything else is one code path over DbConnection and DbDataReader.
internal sealed class DbDialect
{
    public static readonly DbDialect Postgres = new(ConnectorKind.Postgres, '"', '"');
    public static readonly DbDialect Sqlite = new(ConnectorKind.Sqlite, '"', '"');
    public static readonly DbDialect SqlServer = new(ConnectorKind.SqlServer, '[', ']');

    private readonly char open;
    private readonly char close;

    private DbDialect(ConnectorKind kind, char open, char close)
    {
        Kind = kind;
        this.open = open;
        this.close = close;
    }

    public ConnectorKind Kind { get; }

    public static DbDialect For(ConnectorKind kind) => kind switch
    {
        ConnectorKind.Postgres => Postgres,
        ConnectorKind.Sqlite => Sqlite,
        ConnectorKind.SqlServer => SqlServer,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a database connector."),
    };

    /// "x" or [x], the closing character doubled inside.
    public string Quote(string identifier) =>
        open + identifier.Replace(close.ToString(), new string(close, 2), StringComparison.Ordinal) + close;

    /// dbo.IpCases → [dbo].[IpCases], part by part. A name that already holds quotes or brackets is
    /// taken as written (the operator quoted it, e.g. "My Schema"."Cases").
    public string QuoteName(string name)
    {
        if (name.AsSpan().IndexOfAny("\"[]`") >= 0)
        {
            return name;
        }
        return string.Join('.', name.Split('.').Select(part => Quote(part.Trim())));
    }

    public DbConnection CreateConnection(string connectionString) => Kind switch
    {
        ConnectorKind.Postgres => new NpgsqlConnection(connectionString),
        ConnectorKind.SqlServer => new SqlConnection(connectionString),
        _ => new SqliteConnection(ReadOnlySqlite(connectionString)),
    };

    /// A source is only read: open SQLite files read-only unless the operator chose a Mode, so that a
    /// missing file fails instead of being created empty.
    private static string ReadOnlySqlite(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.ContainsKey("Mode"))
        {
            return connectionString;
        }
        return new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly }.ToString();
    }
}
