using IpWarehouse.Etl.Configuration;

namespace IpWarehouse.Etl.Sources.Internal;

/// Builds SourceExceptions that name the source, connector, file and row, and carry the batch.
internal static class SourceErrors
{
    public static SourceException Create(
        SourceDefinition source,
        SourceLoadOptions? options,
        string message,
        Exception? cause = null,
        bool transient = false,
        string? file = null,
        long? row = null,
        string? column = null) =>
        new($"Source '{source.Name}' ({ConnectorNames.NameOf(source.Connector)}): {message}", cause, transient)
        {
            SourceName = source.Name,
            BatchId = options?.BatchId,
            File = file,
            Row = row,
            Column = column,
        };

    /// A file that could not be opened or read: locked or busy files may be retried, missing or forbidden ones not.
    public static SourceException FileUnreadable(SourceDefinition source, SourceLoadOptions? options, string file, Exception cause)
    {
        var (transient, fix) = cause switch
        {
            FileNotFoundException or DirectoryNotFoundException =>
                (false, "The file disappeared after the glob was expanded; check the drop folder"),
            UnauthorizedAccessException =>
                (false, "Give the loader's user read permission on the file"),
            _ => (true, "The file may be open in another program or still being copied; the load will be retried"),
        };
        return Create(source, options, $"cannot read {file}: {cause.Message} {fix}.", cause, transient, file);
    }
}
