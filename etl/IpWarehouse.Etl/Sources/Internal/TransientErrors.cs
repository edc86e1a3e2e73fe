using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace IpWarehouse.Etl.Sources.Internal;

/// Whether a database error may go away by itself. Timeouts, refused or dropped connections and busy
/// servers are transient; a wrong password, an unknown table or a syntax error are not (retrying
/// cannot help and hides the problem from the operator).
internal static class TransientErrors
{
    // SQL Server error numbers its own retry logic (SqlConfigurableRetryFactory) and Azure SQL's
    // guidance treat as transient: -2 timeout, network errors 2/20/40/53/64/121/233/258 and the
    // Winsock 10053/10054/10060/10061 family, 1205 deadlock victim, 1222 lock timeout, and the Azure
    // throttling / failover numbers. 18456 (login failed) and 4060 (cannot open database) are not here.
    private static readonly HashSet<int> SqlServerNumbers =
    [
        -2, 2, 20, 40, 53, 64, 121, 233, 258, 1205, 1222, 4221, 10053, 10054, 10060, 10061,
        10928, 10929, 40143, 40197, 40501, 40540, 40613, 42108, 42109, 49918, 49919, 49920,
    ];

    /// SqlClient's managed network layer (Linux) reports a refused or unreachable server as number 0,
    /// class 20, "A network-related or instance-specific error … (provider: TCP Provider, error: 40 …)",
    /// with no inner exception; the text is the only sign.
    private static bool IsTransient(SqlException error) =>
        SqlServerNumbers.Contains(error.Number)
        || error.Errors.Cast<SqlError>().Any(x => SqlServerNumbers.Contains(x.Number))
        || (error.Class >= 20 && error.Message.Contains("network-related", StringComparison.OrdinalIgnoreCase));

    /// The database answered that another session holds a lock: SQLite BUSY/LOCKED, SQL Server 1222 (lock
    /// request timeout), PostgreSQL 55P03 (lock_not_available).
    public static bool IsLocked(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is SqliteException { SqliteErrorCode: 5 or 6 } or SqlException { Number: 1222 } or PostgresException { SqlState: "55P03" })
            {
                return true;
            }
        }
        return false;
    }

    public static bool IsTransient(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case TimeoutException:
                    return true;
                case SocketException socket:
                    return socket.SocketErrorCode is SocketError.ConnectionRefused or SocketError.TimedOut
                        or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.NetworkDown
                        or SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.TryAgain
                        or SocketError.HostDown or SocketError.Shutdown;
                case PostgresException postgres:
                    return postgres.IsTransient; // the server answered: its SQLSTATE decides
                case NpgsqlException npgsql when npgsql.IsTransient:
                    return true;
                case SqlException sql when IsTransient(sql):
                    return true;
                case SqliteException sqlite:
                    return sqlite.SqliteErrorCode is 5 or 6; // SQLITE_BUSY, SQLITE_LOCKED
                case DbException db when db.IsTransient:
                    return true;
            }
        }
        return false;
    }
}
