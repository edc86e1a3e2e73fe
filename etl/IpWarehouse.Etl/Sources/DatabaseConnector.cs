using System.Data;
using System.Data.Common;
using DuckDB.NET.Data;
using IpWarehouse.Etl.Configuration;
using IpWarehouse.Etl.Layouts;
using IpWarehouse.Etl.Sources.Internal;

namespace IpWarehouse.Etl.Sources;

/// <summary>
/// Reads a table or query of PostgreSQL (Npgsql; also KingbaseES and openGauss), SQLite
/// (Microsoft.Data.Sqlite, opened read-only) or SQL Server (Microsoft.Data.SqlClient) through one code
/// path: a zero-row probe for the column names, a SELECT of the recognised columns streamed with
/// <see cref="CommandBehavior.SequentialAccess"/>, values as invariant text (dates <c>yyyy-MM-dd</c>,
/// timestamps ISO 8601), rows into staging with DuckDB's appender. <c>_row</c> is the ordinal 1..n and
/// <c>_file</c> the table name (null for a query). With a <c>watermark</c> and a previous value only
/// newer rows are read, and the largest value seen is returned.
/// </summary>
public sealed partial class DatabaseConnector : ISourceConnector
{
    private readonly DbDialect dialect;

    /// <summary>Creates the connector for <paramref name="kind"/> (sqlserver, postgres or sqlite).</summary>
    public DatabaseConnector(ConnectorKind kind)
    {
        dialect = DbDialect.For(kind);
    }

    /// <inheritdoc />
    public ConnectorKind Kind => dialect.Kind;

    /// <inheritdoc />
    public async Task<SourceLoadResult> LoadAsync(
        SourceDefinition source,
        DuckDBConnection warehouse,
        string stagingTable,
        SourceLoadOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(warehouse);
        FileSources.RequireConnector(source, Kind);

        var connection = await OpenAsync(source, options, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var probe = await ProbeAsync(connection, source, options, cancellationToken).ConfigureAwait(false);
            var plan = Plan(source, options, probe);
            StagingTable.Create(warehouse, stagingTable, source.Layout);
            try
            {
                var (rows, watermark) = await ReadAsync(connection, warehouse, stagingTable, source, options, plan, cancellationToken).ConfigureAwait(false);
                return new SourceLoadResult
                {
                    SourceName = source.Name,
                    StagingTable = stagingTable,
                    RowsRead = rows,
                    Watermark = watermark,
                    MissingRequiredColumns = plan.Mapping.MissingRequired,
                    Warnings = plan.Mapping.MissingRequired.Count > 0 || plan.Mapping.MissingMapped.Count > 0
                        ? [$"{Describe(source)}: {plan.Mapping.Describe()}."]
                        : [],
                };
            }
            catch (Exception e)
            {
                Truncate(warehouse, stagingTable);
                if (e is SourceException || cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                throw Failure(source, options, $"reading {Describe(source)} failed", e,
                    "Check the source database; the rows already read were discarded and the next load starts again");
            }
        }
    }

    private async Task<(long Rows, string? Watermark)> ReadAsync(
        DbConnection connection, DuckDBConnection warehouse, string stagingTable, SourceDefinition source,
        SourceLoadOptions? options, ReadPlan plan, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = plan.Sql;
            command.CommandTimeout = 0; // a full read of a large table runs long; cancellation stops it
            if (plan.PreviousWatermark is { } previous)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = DbQueryBuilder.WatermarkParameter;
                parameter.Value = previous;
                if (dialect == DbDialect.SqlServer && previous is DateTime)
                {
                    parameter.DbType = DbType.DateTime2; // not datetime's 1/300 s, which would re-read or skip rows at the edge
                }
                command.Parameters.Add(parameter);
            }

            var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                var typeNames = Enumerable.Range(0, reader.FieldCount).Select(reader.GetDataTypeName).ToArray();
                var texts = new string?[plan.Columns.Count];
                var file = source.Table;
                object? max = null;
                long rows = 0;
                using var appender = StagingTable.CreateAppender(warehouse, stagingTable);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows++;
                    // SequentialAccess: each column once, left to right.
                    for (var i = 0; i < plan.Columns.Count; i++)
                    {
                        var value = reader.GetValue(i);
                        if (i == plan.WatermarkSlot && value is not DBNull && (max is null || DbValues.CompareWatermarks(value, max) > 0))
                        {
                            max = value;
                        }
                        var text = DbValues.ToText(value, typeNames[i]);
                        texts[i] = string.IsNullOrEmpty(text) ? null : text;
                    }
                    StagingTable.AppendRow(appender, source.Name, file, rows, texts, plan.Slots);
                }
                return (rows, max is null ? null : DbValues.WatermarkText(max));
            }
        }
    }

    private ReadPlan Plan(SourceDefinition source, SourceLoadOptions? options, Probe probe)
    {
        var mapping = source.Layout.MatchHeaders(probe.Names, source.Columns);
        var columns = new List<string>();
        var slots = new int[source.Layout.Columns.Count];
        for (var c = 0; c < slots.Length; c++)
        {
            var index = mapping.SourceIndexOf(c);
            slots[c] = index < 0 ? -1 : AddColumn(columns, probe.Names[index]);
        }
        var watermarkIndex = WatermarkIndex(source, options, probe);
        var watermarkSlot = watermarkIndex < 0 ? -1 : AddColumn(columns, probe.Names[watermarkIndex]);
        var previous = watermarkIndex >= 0 && options?.PreviousWatermark is { } text
            ? DbValues.ParseWatermark(text, probe.Types[watermarkIndex])
            : null;
        var sql = DbQueryBuilder.Select(dialect, source, columns,
            watermarkIndex < 0 ? null : probe.Names[watermarkIndex], previous is not null);
        return new ReadPlan(sql, columns, slots, watermarkSlot, previous, mapping);
    }

    private static int AddColumn(List<string> columns, string name)
    {
        var existing = columns.IndexOf(name);
        if (existing >= 0)
        {
            return existing;
        }
        columns.Add(name);
        return columns.Count - 1;
    }

    /// The watermark column among the probed ones: exact name first, then ignoring case (PostgreSQL
    /// folds unquoted aliases to lower case).
    private static int WatermarkIndex(SourceDefinition source, SourceLoadOptions? options, Probe probe)
    {
        if (source.Watermark is not { } watermark)
        {
            return -1;
        }
        var index = Array.IndexOf(probe.Names, watermark);
        if (index < 0)
        {
            index = Array.FindIndex(probe.Names, n => n.Equals(watermark, StringComparison.OrdinalIgnoreCase));
        }
        if (index < 0)
        {
            throw SourceErrors.Create(source, options,
                $"the watermark column '{watermark}' is not among the columns of {Describe(source)} ({string.Join(", ", probe.Names)}). " +
                "Fix \"watermark\" in ipwh.json, or remove it to read the source in full.", column: "watermark");
        }
        return index;
    }

    private static void Truncate(DuckDBConnection warehouse, string stagingTable)
    {
        using var command = warehouse.CreateCommand();
        command.CommandText = $"DELETE FROM {DuckSql.QualifiedName(stagingTable)}";
        command.ExecuteNonQuery();
    }

    private static string Describe(SourceDefinition source) => source.Table is { } table ? $"table {table}" : "the query";

    private sealed record ReadPlan(
        string Sql, IReadOnlyList<string> Columns, int[] Slots, int WatermarkSlot, object? PreviousWatermark, HeaderMapping Mapping);
}
