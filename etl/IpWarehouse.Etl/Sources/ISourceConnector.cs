using DuckDB.NET.Data;
using IpWarehouse.Etl.Configuration;

namespace IpWarehouse.Etl.Sources;

/// <summary>
/// Lands one source in a DuckDB staging table of text columns:
/// <c>(_source, _file, _row, &lt;every canonical column of the kind&gt;)</c>. Validation and
/// normalisation happen later, in SQL; a connector only reads, maps headers and counts.
/// </summary>
public interface ISourceConnector
{
    /// <summary>The connector this implementation serves.</summary>
    ConnectorKind Kind { get; }

    /// <summary>
    /// Creates (or replaces) <paramref name="stagingTable"/> and fills it from <paramref name="source"/>.
    /// A file that cannot be read at all fails the call with a <see cref="SourceException"/> and leaves
    /// none of its rows in the table.
    /// </summary>
    /// <param name="source">The validated source definition.</param>
    /// <param name="warehouse">An open connection to the loader's DuckDB database.</param>
    /// <param name="stagingTable">The staging table's name, optionally schema-qualified.</param>
    /// <param name="options">Batch id, previous watermark and temp folder; null for defaults.</param>
    /// <param name="cancellationToken">Stops the load between rows or chunks.</param>
    Task<SourceLoadResult> LoadAsync(
        SourceDefinition source,
        DuckDBConnection warehouse,
        string stagingTable,
        SourceLoadOptions? options = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Checks that the source can be read, without loading it: files exist and are readable with a
    /// recognisable header; a database answers a zero-row query (<c>SELECT … WHERE 1=0</c>). Never throws
    /// for a source problem: the status says what is wrong.
    /// </summary>
    Task<SourceCheckResult> CheckAsync(SourceDefinition source, CancellationToken cancellationToken = default);
}
