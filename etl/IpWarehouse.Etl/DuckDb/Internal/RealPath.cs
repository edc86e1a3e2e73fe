namespace IpWarehouse.Etl.DuckDb.Internal;

/// A path's one name: full, `.` and `..` resolved, and every symbolic link on the way (the file's own and its
/// folders') replaced by its target, so that two spellings of one file never open two DuckDB instances of it.
internal static class RealPath
{
    private const int MaxLinks = 40;

    internal static string Of(string path) => Resolve(Path.GetFullPath(path), 0);

    private static string Resolve(string full, int links)
    {
        var root = Path.GetPathRoot(full)!;
        var parts = full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var resolved = root;
        for (var i = 0; i < parts.Length; i++)
        {
            var next = Path.Combine(resolved, parts[i]);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.LinkTarget is { } target)
            {
                if (links == MaxLinks)
                {
                    throw new IOException($"{full}: more than {MaxLinks} symbolic links on the way (a loop?).");
                }
                // The link's target, then whatever is left of the path, resolved again.
                var rest = string.Join(Path.DirectorySeparatorChar, parts[(i + 1)..]);
                var targetPath = Path.GetFullPath(target, resolved);
                return Resolve(rest.Length == 0 ? targetPath : Path.Combine(targetPath, rest), links + 1);
            }
            resolved = next;
        }
        return resolved;
    }
}
