using DuckDB.NET.Data;
using IpWarehouse.Etl.Configuration;

namespace IpWarehouse.Etl.Sources;

/// <summary>The connector for each source, and shortcuts to load or check a source with it.</summary>
public static class SourceConnectors
{
    private static readonly CsvConnector Csv = new();
    private static readonly XlsxConnector Xlsx = new();
    private static readonly DatabaseConnector SqlServer = new(ConnectorKind.SqlServer);
    private static readonly DatabaseConnector Postgres = new(ConnectorKind.Postgres);
    private static readonly DatabaseConnector Sqlite = new(ConnectorKind.Sqlite);

    /// <summary>The connector reading <paramref name="kind"/> sources (connectors are stateless and thread-safe).</summary>
    public static ISourceConnector For(ConnectorKind kind) => kind switch
    {
        ConnectorKind.Csv => Csv,
        ConnectorKind.Xlsx => Xlsx,
        ConnectorKind.SqlServer => SqlServer,
        ConnectorKind.Postgres => Postgres,
        ConnectorKind.Sqlite => Sqlite,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a connector."),
    };

    /// <summary>The connector reading <paramref name="source"/>.</summary>
    public static ISourceConnector For(SourceDefinition source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return For(source.Connector);
    }

    /// <summary>Lands <paramref name="source"/> in <paramref name="stagingTable"/>; see <see cref="ISourceConnector.LoadAsync"/>.</summary>
    public static Task<SourceLoadResult> LoadAsync(
        SourceDefinition source,
        DuckDBConnection warehouse,
        string stagingTable,
        SourceLoadOptions? options = null,
        CancellationToken cancellationToken = default) =>
        For(source).LoadAsync(source, warehouse, stagingTable, options, cancellationToken);

    /// <summary>Checks one source; see <see cref="ISourceConnector.CheckAsync"/>.</summary>
    public static Task<SourceCheckResult> CheckAsync(SourceDefinition source, CancellationToken cancellationToken = default) =>
        For(source).CheckAsync(source, cancellationToken);

    /// <summary>Checks every source of a configuration, one after the other, in file order (<c>ipwh check</c>).</summary>
    public static async Task<IReadOnlyList<SourceCheckResult>> CheckAllAsync(IpwhConfig config, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        var results = new List<SourceCheckResult>(config.Sources.Count);
        foreach (var source in config.Sources)
        {
            results.Add(await CheckAsync(source, cancellationToken).ConfigureAwait(false));
        }
        return results;
    }
}
