using System.Data.Common;
using IpWarehouse.Etl.Configuration;
using IpWarehouse.Etl.Sources.Internal;

namespace IpWarehouse.Etl.Sources;

/// Connecting, probing and checking: the steps whose failures name the fix.
public sealed partial class DatabaseConnector
{
    /// <inheritdoc />
    public async Task<SourceCheckResult> CheckAsync(SourceDefinition source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        FileSources.RequireConnector(source, Kind);
        try
        {
            var connection = await OpenAsync(source, null, cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                var probe = await ProbeAsync(connection, source, null, cancellationToken).ConfigureAwait(false);
                _ = WatermarkIndex(source, null, probe);
                var mapping = source.Layout.MatchHeaders(probe.Names, source.Columns);
                var status = mapping.MissingRequired.Count > 0 ? SourceCheckStatus.Warning : SourceCheckStatus.Ok;
                return new SourceCheckResult(source.Name, status, $"reachable; {Describe(source)}: {mapping.Describe()}.")
                {
                    MissingRequiredColumns = mapping.MissingRequired,
                };
            }
        }
        catch (SourceException e)
        {
            return new SourceCheckResult(source.Name, SourceCheckStatus.Failed, e.Message) { IsTransient = e.IsTransient };
        }
    }

    private async Task<DbConnection> OpenAsync(SourceDefinition source, SourceLoadOptions? options, CancellationToken cancellationToken)
    {
        DbConnection connection;
        try
        {
            connection = dialect.CreateConnection(source.Connection ?? "");
        }
        catch (ArgumentException e)
        {
            throw Failure(source, options, "the connection string is not valid", e, "Fix \"connection\" in ipwh.json");
        }
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            if (CertificateErrors.IsUntrusted(e))
            {
                throw SourceErrors.Create(source, options, $"cannot connect to the database: {CertificateErrors.Advice}. SqlClient said: {e.Message}", e);
            }
            throw Failure(source, options, "cannot connect to the database", e,
                TransientErrors.IsTransient(e)
                    ? "Check that the server is running and reachable (host, port, firewall); the load will be retried"
                    : "Check the connection string (server, database, user, password) in ipwh.json or the environment variable it names");
        }
    }

    private async Task<Probe> ProbeAsync(DbConnection connection, SourceDefinition source, SourceLoadOptions? options, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = DbQueryBuilder.Probe(dialect, source);
            try
            {
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    var names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
                    var types = Enumerable.Range(0, reader.FieldCount).Select(reader.GetFieldType).ToArray();
                    return new Probe(names, types);
                }
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                var fix = source.Table is not null
                    ? "Check \"table\" in ipwh.json and the user's permission to read it" +
                      (dialect == DbDialect.Postgres ? " (quoted PostgreSQL names are case-sensitive: write them as pg_tables shows them, usually lower case)" : "")
                    : "Check \"query\" in ipwh.json: it must be one SELECT that runs as a subquery";
                throw Failure(source, options, $"{Describe(source)} cannot be read ({command.CommandText})", e, fix);
            }
        }
    }

    private static SourceException Failure(SourceDefinition source, SourceLoadOptions? options, string what, Exception cause, string fix)
    {
        if (TransientErrors.IsLocked(cause))
        {
            // Not the table, the password or a permission: someone else holds the database.
            return SourceErrors.Create(source, options,
                $"{what}: the database is locked or busy: another process holds a lock on it and did not release it in time ({cause.Message}). " +
                "ipwh.json and the permissions are fine. Find the program writing to it (an export, a backup, an open transaction) and let it finish, " +
                "or point the source at a copy; the load will be retried.", cause, transient: true);
        }
        var transient = TransientErrors.IsTransient(cause);
        return SourceErrors.Create(source, options, $"{what}: {cause.Message} {fix}.", cause, transient);
    }

    private sealed record Probe(string[] Names, Type[] Types);
}
