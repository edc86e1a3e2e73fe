namespace IpWarehouse.Etl.Snapshots.Internal;

/// The Parquet files of a snapshot folder: a table's are NAME.parquet, or NAME/year=YYYY/*.parquet for the facts
/// the publish partitions by year (Hive layout).
internal static class SnapshotFiles
{
    internal static IReadOnlyList<string> All(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*.parquet", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    internal static IReadOnlyList<string> Of(string folder, string table)
    {
        var single = Path.Combine(folder, table + ".parquet");
        var partitions = Path.Combine(folder, table);
        var files = Directory.Exists(partitions)
            ? Directory.EnumerateFiles(partitions, "*.parquet", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
            : [];
        if (File.Exists(single))
        {
            files.Insert(0, single);
        }
        return files;
    }

    /// The file as a person finds it under the snapshot folder, with forward slashes.
    internal static string Relative(string folder, string path) => Path.GetRelativePath(folder, path).Replace('\\', '/');
}
