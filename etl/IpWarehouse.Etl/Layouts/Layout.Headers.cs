namespace IpWarehouse.Etl.Layouts;

/// Header recognition: which source column feeds which canonical column, and where the header row is.
public sealed partial class Layout
{
    /// <summary>The most rows searched for the header (title rows above it are skipped).</summary>
    public const int HeaderSearchRows = 20;

    /// <summary>A header row must recognise at least this many canonical columns to beat a title row.</summary>
    public const int MinimumHeaderMatches = 2;

    /// <summary>
    /// Maps source headers to canonical columns. A <paramref name="mappedColumns"/> entry (canonical →
    /// source name, from ipwh.json <c>columns</c>) wins and has no fallback; other columns are found by
    /// canonical name, then by alias in order of preference, the leftmost header winning a tie. A source
    /// header feeds at most one canonical column; headers that match nothing are ignored.
    /// </summary>
    public HeaderMapping MatchHeaders(IReadOnlyList<string?> headers, IReadOnlyDictionary<string, string>? mappedColumns = null)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var keys = headers.Select(HeaderText.Normalize).ToArray();
        var used = new bool[keys.Length];
        var sources = Enumerable.Repeat(-1, Columns.Count).ToArray();
        var mapped = new bool[Columns.Count];
        var missingMapped = new List<string>();
        var ambiguous = new List<HeaderAmbiguity>();

        if (mappedColumns is not null)
        {
            foreach (var (canonical, sourceName) in mappedColumns)
            {
                var column = IndexOf(canonical);
                if (column < 0)
                {
                    continue; // configuration validation reports unknown canonical names
                }
                mapped[column] = true;
                var key = HeaderText.Normalize(sourceName);
                var found = Array.FindIndex(keys, k => k.Length > 0 && k == key);
                if (found >= 0 && Array.FindIndex(keys, found + 1, k => k == key) is var again && again >= 0)
                {
                    ambiguous.Add(new HeaderAmbiguity(canonical, [headers[found]!, headers[again]!], [found, again], Mapped: true));
                }
                if (found >= 0 && !used[found])
                {
                    sources[column] = found;
                    used[found] = true;
                }
                else
                {
                    missingMapped.Add($"{canonical} (mapped to '{sourceName}')");
                }
            }
        }

        var best = new (int Priority, int Header)[Columns.Count];
        Array.Fill(best, (int.MaxValue, -1));
        var candidates = new List<int>?[Columns.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            if (used[i] || keys[i].Length == 0 || !byHeader.TryGetValue(keys[i], out var hit) || mapped[hit.Column])
            {
                continue;
            }
            (candidates[hit.Column] ??= []).Add(i);
            if (hit.Priority < best[hit.Column].Priority)
            {
                best[hit.Column] = (hit.Priority, i);
            }
        }
        for (var c = 0; c < Columns.Count; c++)
        {
            if (candidates[c] is [var first, var second, ..])
            {
                // Two headers name one column (人次 and person_times, or one name twice): which one is meant is
                // the operator's call, never a silent pick.
                ambiguous.Add(new HeaderAmbiguity(Columns[c].Name, [headers[first]!, headers[second]!], [first, second], Mapped: false));
            }
        }
        for (var c = 0; c < Columns.Count; c++)
        {
            if (!mapped[c] && best[c].Header >= 0)
            {
                sources[c] = best[c].Header;
            }
        }
        return new HeaderMapping(this, headers, sources, missingMapped) { Ambiguous = ambiguous };
    }

    /// <summary>
    /// Finds the header among the first <see cref="HeaderSearchRows"/> rows: the row recognising the most
    /// canonical columns (at least <see cref="MinimumHeaderMatches"/>; the earliest on a tie). Without
    /// such a row the first non-blank row is taken as the header, so its required columns are reported
    /// missing instead of data rows silently disappearing. Returns -1 when every row is blank.
    /// </summary>
    public int FindHeaderRow(IReadOnlyList<IReadOnlyList<string?>> rows, IReadOnlyDictionary<string, string>? mappedColumns = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var bestRow = -1;
        var bestScore = MinimumHeaderMatches - 1;
        var firstNonBlank = -1;
        for (var r = 0; r < Math.Min(rows.Count, HeaderSearchRows); r++)
        {
            if (rows[r].All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            if (firstNonBlank < 0)
            {
                firstNonBlank = r;
            }
            var score = MatchHeaders(rows[r], mappedColumns).MatchedCount;
            if (score > bestScore)
            {
                bestScore = score;
                bestRow = r;
            }
        }
        return bestRow >= 0 ? bestRow : firstNonBlank;
    }
}
