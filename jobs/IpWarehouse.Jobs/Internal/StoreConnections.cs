using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace IpWarehouse.Jobs.Internal;

// The job store's database for our own statements (DDL, the load lease); Quartz opens its own.
internal static class StoreConnections
{
    public static DbConnection Create(SchedulerSettings settings) => settings.Store switch
    {
        SchedulerStore.Sqlite => new SqliteConnection(settings.ConnectionString),
        SchedulerStore.Postgres => new NpgsqlConnection(settings.ConnectionString),
        SchedulerStore.SqlServer => new SqlConnection(settings.ConnectionString),
        _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Store, "Not a job store."),
    };

    public static async Task<DbConnection> OpenAsync(SchedulerSettings settings, CancellationToken cancellationToken)
    {
        var connection = Create(settings);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    // Quartz's provider names (its dbproviders table) and driver delegates for each store.
    public static string QuartzProvider(SchedulerStore store) => store switch
    {
        SchedulerStore.Sqlite => "SQLite-Microsoft",
        SchedulerStore.Postgres => "Npgsql",
        _ => "SqlServer",
    };

    public static string QuartzDelegate(SchedulerStore store) => store switch
    {
        SchedulerStore.Sqlite => "Quartz.Impl.AdoJobStore.SQLiteDelegate, Quartz",
        SchedulerStore.Postgres => "Quartz.Impl.AdoJobStore.PostgreSQLDelegate, Quartz",
        _ => "Quartz.Impl.AdoJobStore.SqlServerDelegate, Quartz",
    };

    public static string SqlFolder(SchedulerStore store) => store switch
    {
        SchedulerStore.Sqlite => "sqlite",
        SchedulerStore.Postgres => "postgres",
        _ => "sqlserver",
    };
}
