namespace IpWarehouse.Etl.Configuration;

/// <summary>
/// The keys ipwh.json knows at its top level and in the sections the loader reads itself, and the
/// "did you mean" hint every unknown-key error gives. A part of the program that adds a setting adds its
/// key here: a new section's name to <see cref="TopLevel"/>, a new loader setting to <see cref="Loader"/>.
/// (The sections other parts read keep their own list beside their reader: sources in the configuration
/// reader, scheduler/server/console in IpWarehouse.Jobs, indicators and targets beside their settings.)
/// </summary>
public static class ConfigKeys
{
    /// <summary>The top-level keys: the loader's own and every section some part of the program reads.</summary>
    public static IReadOnlyList<string> TopLevel { get; } =
    [
        "warehouse", "timeZone", "sources", "schedule",
        "loader",
        "scheduler",
        "server",
        "console",
        "indicators",
        "targets",
        "snapshots",
        "indexes",
        "sql",
    ];

    /// <summary>The keys of <c>schedule</c>.</summary>
    public static IReadOnlyList<string> Schedule { get; } = ["nightly"];

    /// <summary>The keys of <c>loader</c>.</summary>
    public static IReadOnlyList<string> Loader { get; } = ["memoryLimit", "keepPublished"];

    /// <summary>
    /// " (did you mean "schedule"?)" when a known key is a small edit away from <paramref name="key"/>
    /// (letters added, dropped, changed or swapped; case ignored), else "".
    /// </summary>
    public static string DidYouMean(string key, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(known);
        var limit = Math.Max(1, Math.Min(3, key.Length / 3));
        var best = known
            .Select(k => (Key: k, Distance: Distance(key.ToUpperInvariant(), k.ToUpperInvariant())))
            .Where(c => c.Distance <= limit)
            .OrderBy(c => c.Distance)
            .FirstOrDefault();
        return best.Key is null ? "" : $" (did you mean \"{best.Key}\"?)";
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }
}
