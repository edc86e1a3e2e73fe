using System.Data.Common;
using IpWarehouse.Etl;
using Microsoft.Data.Sqlite;

namespace IpWarehouse.Jobs.Internal;

// Creates our tables beside Hangfire's (the load lease, the pause) from warehouse-sql/scheduler/<store>/, in
// file order, at every start. Every file is idempotent, so a node starting against an existing store changes nothing.
internal static class JobStoreSchema
{
    public static IReadOnlyList<string> Files(SchedulerStore store)
    {
        var folder = Path.Combine(WarehouseSql.Root, "scheduler", StoreConnections.SqlFolder(store));
        if (!Directory.Exists(folder))
        {
            throw new FileNotFoundException($"The job store DDL folder {folder} is missing. Rebuild: the build copies warehouse-sql/ next to the program.", folder);
        }
        return [.. Directory.EnumerateFiles(folder, "*.sql").Order(StringComparer.Ordinal)
            .Select(f => Path.GetRelativePath(WarehouseSql.Root, f).Replace('\\', '/'))];
    }

    public static async Task ApplyAsync(SchedulerSettings settings, CancellationToken cancellationToken = default)
    {
        if (settings.Store == SchedulerStore.Sqlite && new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource is { Length: > 0 } database
            && database != ":memory:")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(database))!);
        }
        var connection = await StoreConnections.OpenAsync(settings, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                if (settings.Store == SchedulerStore.Postgres)
                {
                    // Nodes starting together: the second waits here, then finds everything in place.
                    await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(hashtext('ipwh_scheduler_schema'))", cancellationToken).ConfigureAwait(false);
                }
                foreach (var file in Files(settings.Store))
                {
                    await ExecuteAsync(connection, transaction, WarehouseSql.Read(file), cancellationToken).ConfigureAwait(false);
                }
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.Transaction = transaction;
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
