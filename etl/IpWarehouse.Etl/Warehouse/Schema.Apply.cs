using System.Globalization;
using DuckDB.NET.Data;

namespace IpWarehouse.Etl.Warehouse;

public static partial class Schema
{
    /// <summary>
    /// Migrates a warehouse of an older version (<see cref="Migrations"/>), creates the tables that are missing,
    /// (re)writes every table and column comment and records
    /// <see cref="Version"/> in <c>schema_version</c> the first time. Idempotent; all or nothing (one
    /// transaction, so do not call it inside another). <c>applied_at</c> comes from the system clock.
    /// </summary>
    /// <exception cref="SchemaException">The warehouse has a newer schema version than this program, or a file fails; the message names it.</exception>
    /// <exception cref="FileNotFoundException">A file of <see cref="Files"/> is missing next to the program.</exception>
    public static void Apply(DuckDBConnection connection) => Apply(connection, TimeProvider.System);

    /// <summary>As <see cref="Apply(DuckDBConnection)"/>, with <c>applied_at</c> taken from <paramref name="timeProvider"/>.</summary>
    /// <exception cref="SchemaException">The warehouse has a newer schema version than this program, or a file fails; the message names it.</exception>
    /// <exception cref="FileNotFoundException">A file of <see cref="Files"/> is missing next to the program.</exception>
    public static void Apply(DuckDBConnection connection, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var appliedAt = timeProvider.GetUtcNow();

        using var transaction = connection.BeginTransaction();
        var existing = AppliedVersion(connection);
        if (existing > Version)
        {
            throw new SchemaException(
                $"The warehouse {connection.DataSource} is at schema version {existing}, newer than this program's version {Version}. " +
                "Open it with the ipwh version that wrote it, or a newer one; this program leaves it unchanged.")
            {
                WarehouseVersion = existing,
            };
        }

        foreach (var (version, file) in Migrations)
        {
            if (existing is { } old && old < version)
            {
                Run(connection, file, appliedAt);
            }
        }
        foreach (var file in Files)
        {
            Run(connection, file, appliedAt);
        }
        transaction.Commit();
    }

    /// <summary>
    /// The highest version in the warehouse's <c>schema_version</c>, or null when the warehouse has no
    /// such table (a new file, or one written before the schema existed).
    /// </summary>
    public static int? AppliedVersion(DuckDBConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        // Through the catalog first: SELECT on a missing table is an error, and an error aborts the
        // caller's transaction in DuckDB.
        command.CommandText =
            "SELECT count(*) FROM duckdb_tables() " +
            "WHERE database_name = current_database() AND schema_name = current_schema() AND table_name = 'schema_version'";
        if (Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
        {
            return null;
        }
        command.CommandText = "SELECT max(version) FROM schema_version";
        return command.ExecuteScalar() is { } version and not DBNull
            ? Convert.ToInt32(version, CultureInfo.InvariantCulture)
            : null;
    }

    private static void Run(DuckDBConnection connection, string file, DateTimeOffset appliedAt)
    {
        using var command = connection.CreateCommand();
        command.CommandText = WarehouseSql.Read(file);
        // Only 990_schema_version.sql uses them; each statement binds just the parameters it names.
        command.Parameters.Add(new DuckDBParameter("schema_version", Version));
        command.Parameters.Add(new DuckDBParameter("applied_at", appliedAt));
        try
        {
            command.ExecuteNonQuery();
        }
        catch (DuckDBException error)
        {
            throw new SchemaException($"warehouse-sql/{file} could not be applied to {connection.DataSource}: {error.Message}", error)
            {
                SqlFile = file,
            };
        }
    }
}
