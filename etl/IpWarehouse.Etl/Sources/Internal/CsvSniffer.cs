using IpWarehouse.Etl.Layouts;

namespace IpWarehouse.Etl.Sources.Internal;

/// Chooses the delimiter and finds the header from the first records: for each candidate delimiter
/// the first rows are split and the layout's header matcher scores them; the delimiter whose best row
/// recognises the most canonical columns wins (then the one splitting most rows; comma on a tie).
internal static class CsvSniffer
{
    public const long PrefixBytes = 1 << 20;

    private static readonly byte[] Candidates = [(byte)',', (byte)'\t', (byte)';', (byte)'|'];

    public static async Task<(byte Delimiter, CsvScan Prefix)> SniffAsync(
        string path, Layout layout, IReadOnlyDictionary<string, string> mapped, CancellationToken cancellationToken)
    {
        (byte Delimiter, CsvScan Prefix, int Score, int Split)? best = null;
        foreach (var candidate in Candidates)
        {
            var prefix = await CsvScanner.ScanAsync(path, candidate, Layout.HeaderSearchRows, Layout.HeaderSearchRows, PrefixBytes, cancellationToken)
                .ConfigureAwait(false);
            if (prefix.NulLine is not null)
            {
                return (candidate, prefix);
            }
            var rows = prefix.FirstRecords;
            var header = layout.FindHeaderRow(rows, mapped);
            var score = header >= 0 ? layout.MatchHeaders(rows[header], mapped).MatchedCount : 0;
            var split = rows.Count(r => r.Length > 1);
            if (best is null || score > best.Value.Score || (score == best.Value.Score && split > best.Value.Split))
            {
                best = (candidate, prefix, score, split);
            }
        }
        return (best!.Value.Delimiter, best.Value.Prefix);
    }
}
