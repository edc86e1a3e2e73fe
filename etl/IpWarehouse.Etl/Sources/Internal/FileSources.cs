using IpWarehouse.Etl.Configuration;
using IpWarehouse.Etl.Layouts;

namespace IpWarehouse.Etl.Sources.Internal;

/// What the CSV and XLSX connectors share: the glob, the connector check, and `ipwh check`.
internal static class FileSources
{
    public delegate Task<HeaderMapping?> FileCheck(SourceDefinition source, string file, CancellationToken cancellationToken);

    public static void RequireConnector(SourceDefinition source, ConnectorKind kind)
    {
        if (source.Connector != kind)
        {
            throw new ArgumentException(
                $"Source '{source.Name}' is a {ConnectorNames.NameOf(source.Connector)} source; the {ConnectorNames.NameOf(kind)} connector cannot read it. Use SourceConnectors.For(source).",
                nameof(source));
        }
    }

    public static IReadOnlyList<string> ExpandOrThrow(SourceDefinition source, SourceLoadOptions? options)
    {
        var files = source.ExpandFiles();
        if (files.Count == 0)
        {
            throw SourceErrors.Create(source, options,
                $"path '{source.Path}' matches no file. Check the drop folder, or wait for the file to arrive.");
        }
        return files;
    }

    /// Column names in the layout's order, which is the order quarantine reasons are reported in.
    public static IReadOnlyList<string> InLayoutOrder(SourceDefinition source, IEnumerable<string> columns)
    {
        var set = columns.ToHashSet(StringComparer.Ordinal);
        return source.Layout.Columns.Where(c => set.Contains(c.Name)).Select(c => c.Name).ToArray();
    }

    public static async Task<SourceCheckResult> CheckFilesAsync(SourceDefinition source, FileCheck check, CancellationToken cancellationToken)
    {
        var files = source.ExpandFiles();
        if (files.Count == 0)
        {
            return new SourceCheckResult(source.Name, SourceCheckStatus.Failed,
                $"path '{source.Path}' matches no file. Check the folder and the pattern, or wait for the drop.");
        }
        var notes = new List<string>();
        var missing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var mapping = await check(source, file, cancellationToken).ConfigureAwait(false);
                if (mapping is null)
                {
                    notes.Add($"{Path.GetFileName(file)}: no rows");
                    continue;
                }
                missing.UnionWith(mapping.MissingRequired);
                if (mapping.MissingRequired.Count > 0 || mapping.MissingMapped.Count > 0)
                {
                    notes.Add($"{Path.GetFileName(file)}: {mapping.Describe()}");
                }
            }
            catch (SourceException e)
            {
                return new SourceCheckResult(source.Name, SourceCheckStatus.Failed, e.Message) { IsTransient = e.IsTransient };
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                var error = SourceErrors.FileUnreadable(source, null, file, e);
                return new SourceCheckResult(source.Name, SourceCheckStatus.Failed, error.Message) { IsTransient = error.IsTransient };
            }
        }
        var summary = $"{files.Count} file(s) readable";
        return notes.Count == 0
            ? new SourceCheckResult(source.Name, SourceCheckStatus.Ok, summary + "; headers recognised.")
            : new SourceCheckResult(source.Name, missing.Count > 0 ? SourceCheckStatus.Warning : SourceCheckStatus.Ok,
                summary + "; " + string.Join("; ", notes) + ".")
            {
                MissingRequiredColumns = InLayoutOrder(source, missing),
            };
    }

    /// What loading one file left behind, for the source's result.
    internal readonly record struct FileLoad(long Rows, IReadOnlyList<string> Warnings, HeaderMapping? Mapping);

    /// The file connectors' common loop: expand the glob, create the staging table, load each file in
    /// order, and sum rows, warnings and missing required columns into one result.
    internal static async Task<SourceLoadResult> LoadEachFileAsync(
        SourceDefinition source,
        DuckDB.NET.Data.DuckDBConnection warehouse,
        string stagingTable,
        SourceLoadOptions? options,
        Func<string, CancellationToken, Task<FileLoad>> loadFile,
        CancellationToken cancellationToken)
    {
        var files = ExpandOrThrow(source, options);
        StagingTable.Create(warehouse, stagingTable, source.Layout);
        long rows = 0;
        var warnings = new List<string>();
        var missing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var loaded = await loadFile(file, cancellationToken).ConfigureAwait(false);
            rows += loaded.Rows;
            warnings.AddRange(loaded.Warnings);
            missing.UnionWith(loaded.Mapping?.MissingRequired ?? []);
        }
        return new SourceLoadResult
        {
            SourceName = source.Name,
            StagingTable = stagingTable,
            RowsRead = rows,
            Files = files,
            MissingRequiredColumns = InLayoutOrder(source, missing),
            Warnings = warnings,
        };
    }
}
