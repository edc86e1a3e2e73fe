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

    /// <summary>
    /// A header the file cannot be loaded by fails the file, naming what was expected and found: a required
    /// column absent altogether (the wrong file, or a renamed column), or two headers naming one column.
    /// </summary>
    public static void RequireUsableHeader(SourceDefinition source, SourceLoadOptions? options, string file, string where, HeaderMapping mapping)
    {
        if (mapping.Ambiguous.Count > 0)
        {
            var clashes = string.Join("; ", mapping.Ambiguous.Select(a =>
                $"'{a.Headers[0]}' (column {a.Positions[0] + 1}) and '{a.Headers[1]}' (column {a.Positions[1] + 1}) both name {a.Column}"));
            var first = mapping.Ambiguous[0];
            var fix = !first.Mapped && HeaderText.Normalize(first.Headers[0]) != HeaderText.Normalize(first.Headers[1])
                ? $"Say which one is meant in ipwh.json, e.g. \"columns\": {{ \"{first.Column}\": \"{first.Headers[0]}\" }}, or remove the other column from the file"
                : "Rename one of the two columns in the file, then map the one meant in \"columns\"";
            throw SourceErrors.Create(source, options,
                $"{file} ({where}): {clashes}; which one to load is ambiguous, so nothing of the file was loaded. {fix}. " +
                $"表头中两列对应同一字段（{string.Join("，", mapping.Ambiguous.Select(a => $"“{a.Headers[0]}”与“{a.Headers[1]}” → {a.Column}"))}），请在 columns 中指定其一。",
                file: file);
        }
        if (mapping.MissingRequired.Count > 0)
        {
            var expected = source.Layout.Columns.Where(c => c.Required)
                .Select(c => c.Aliases.Count == 0 ? c.Name : $"{c.Name} ({string.Join("/", c.Aliases)})");
            var found = string.Join(", ", mapping.Headers.Where(h => !string.IsNullOrWhiteSpace(h)).Select(h => $"'{h}'"));
            throw SourceErrors.Create(source, options,
                $"{file} ({where}) has no column for required {string.Join(", ", mapping.MissingRequired)}, so nothing of the file was loaded. " +
                $"Expected headers: {string.Join(", ", expected)}. Found: {(found.Length == 0 ? "none" : found)}. " +
                "Check that the path points at the right file; if a column is named differently, map it in \"columns\" (canonical name: header). " +
                $"文件缺少必填列 {string.Join("、", mapping.MissingRequired)}，整个文件未装载。",
                file: file);
        }
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
        var warn = false;
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
                RequireUsableHeader(source, null, file, "header", mapping);
                if (mapping.MissingMapped.Count > 0)
                {
                    warn = true;
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
            : new SourceCheckResult(source.Name, warn ? SourceCheckStatus.Warning : SourceCheckStatus.Ok,
                summary + "; " + string.Join("; ", notes) + ".");
    }

    /// What loading one file left behind, for the source's result.
    internal readonly record struct FileLoad(long Rows, IReadOnlyList<string> Warnings, HeaderMapping? Mapping, long RowsBadShape = 0);

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
        long badShape = 0;
        var warnings = new List<string>();
        var missing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var loaded = await loadFile(file, cancellationToken).ConfigureAwait(false);
            rows += loaded.Rows + loaded.RowsBadShape;
            badShape += loaded.RowsBadShape;
            warnings.AddRange(loaded.Warnings);
            missing.UnionWith(loaded.Mapping?.MissingRequired ?? []);
        }
        return new SourceLoadResult
        {
            SourceName = source.Name,
            StagingTable = stagingTable,
            RowsRead = rows,
            RowsBadShape = badShape,
            Files = files,
            MissingRequiredColumns = InLayoutOrder(source, missing),
            Warnings = warnings,
        };
    }
}
