using System.Text.RegularExpressions;

namespace IpWarehouse.Etl.Configuration;

/// <summary>
/// Expands file globs of ipwh.json <c>path</c>: <c>*</c> and <c>?</c> within one folder name,
/// <c>**</c> for any depth of folders. Excel's lock files (<c>~$name.xlsx</c>, present while a
/// workbook is open) are never matched: they are not workbooks.
/// </summary>
public static class FileGlob
{
    private static readonly char[] Wildcards = ['*', '?'];
    private static readonly EnumerationOptions Options = new() { IgnoreInaccessible = true, AttributesToSkip = 0 };

    /// <summary>True when <paramref name="pattern"/> contains a wildcard.</summary>
    public static bool IsPattern(string pattern) => pattern.IndexOfAny(Wildcards) >= 0;

    /// <summary>The existing files matching an absolute pattern, in ordinal order (so loads are repeatable).</summary>
    public static IReadOnlyList<string> Expand(string pattern)
    {
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        var full = System.IO.Path.GetFullPath(pattern);
        if (!IsPattern(full))
        {
            return File.Exists(full) ? [full] : [];
        }
        var root = System.IO.Path.GetPathRoot(full) ?? "/";
        var segments = full[root.Length..].Split(
            [System.IO.Path.DirectorySeparatorChar, System.IO.Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        var found = new SortedSet<string>(StringComparer.Ordinal);
        Walk(root, segments, 0, found);
        return found.ToArray();
    }

    private static void Walk(string folder, string[] segments, int index, SortedSet<string> found)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }
        var segment = segments[index];
        var last = index == segments.Length - 1;
        if (segment == "**")
        {
            if (last)
            {
                AddFiles(folder, "*", found, recursive: true);
                return;
            }
            Walk(folder, segments, index + 1, found);
            foreach (var sub in Directory.EnumerateDirectories(folder, "*", Options))
            {
                Walk(sub, segments, index, found);
            }
            return;
        }
        if (!IsPattern(segment))
        {
            var next = System.IO.Path.Combine(folder, segment);
            if (last)
            {
                if (File.Exists(next) && !IsLockFile(next))
                {
                    found.Add(next);
                }
                return;
            }
            Walk(next, segments, index + 1, found);
            return;
        }
        if (last)
        {
            AddFiles(folder, segment, found, recursive: false);
            return;
        }
        var regex = ToRegex(segment);
        foreach (var sub in Directory.EnumerateDirectories(folder, "*", Options))
        {
            if (regex.IsMatch(System.IO.Path.GetFileName(sub)))
            {
                Walk(sub, segments, index + 1, found);
            }
        }
    }

    private static void AddFiles(string folder, string segment, SortedSet<string> found, bool recursive)
    {
        var regex = ToRegex(segment);
        var options = new EnumerationOptions { IgnoreInaccessible = true, AttributesToSkip = 0, RecurseSubdirectories = recursive };
        foreach (var file in Directory.EnumerateFiles(folder, "*", options))
        {
            if (regex.IsMatch(System.IO.Path.GetFileName(file)) && !IsLockFile(file))
            {
                found.Add(file);
            }
        }
    }

    private static bool IsLockFile(string path) => System.IO.Path.GetFileName(path).StartsWith("~$", StringComparison.Ordinal);

    /// Directory.EnumerateFiles' own pattern matching has Windows quirks ("*.csv" also matching
    /// ".csvx" with 8.3 names); a regex over the name is exact on every platform.
    private static Regex ToRegex(string segment)
    {
        var pattern = "^" + Regex.Escape(segment).Replace(@"\*", "[^/]*", StringComparison.Ordinal)
            .Replace(@"\?", "[^/]", StringComparison.Ordinal) + "$";
        return new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
