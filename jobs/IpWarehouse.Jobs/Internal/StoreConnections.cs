using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace IpWarehouse.Jobs.Internal;

// The store's database for our own statements (DDL, the load lease, the pause); Hangfire opens its own.
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

    public static string SqlFolder(SchedulerStore store) => store switch
    {
        SchedulerStore.Sqlite => "sqlite",
        SchedulerStore.Postgres => "postgres",
        _ => "sqlserver",
    };

    public static async Task<int> ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        var command = Command(connection, sql, parameters);
        await using (command.ConfigureAwait(false))
        {
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public static DbCommand Command(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
