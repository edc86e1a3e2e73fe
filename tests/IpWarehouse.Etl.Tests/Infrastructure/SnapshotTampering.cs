namespace IpWarehouse.Etl.Tests.Infrastructure;

/// What a broken writer or a careless hand leaves in a snapshot, made with DuckDB.
public static class SnapshotTampering
{
    /// Rewrites a snapshot file from a query over its old content (<c>{old}</c>), keeping the old file's key/value
    /// metadata unless <paramref name="keepMetadata"/> is false.
    public static void Rewrite(string file, string query, bool keepMetadata = true)
    {
        var old = file + ".old";
        File.Move(file, old);
        using (var duckDb = new StagingWarehouse())
        {
            var pairs = duckDb.Rows($"SELECT decode(key), decode(value) FROM parquet_kv_metadata('{old}')").Select(kv => $"{kv[0]}: '{kv[1]}'");
            var metadata = keepMetadata ? $", KV_METADATA {{{string.Join(", ", pairs)}}}" : "";
            var source = $"read_parquet('{old}', hive_partitioning = false)";
            duckDb.Scalar($"COPY ({query.Replace("{old}", source, StringComparison.Ordinal)}) TO '{file}' (FORMAT parquet{metadata})");
        }
        File.Delete(old);
    }

    /// Copies a folder and everything under it.
    public static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }
}
