using System.CommandLine;
using System.Globalization;
using IpWarehouse.Etl.Planning;

namespace IpWarehouse.Cli;

/// <summary>
/// <c>--year Y</c>, or <c>--from-year A --to-year B</c> for a range of whole years (INDICATORS.md, Periods): the
/// planning commands that can answer either (rank, indicators, explain).
/// </summary>
internal sealed class YearRangeOptions
{
    internal Option<int?> Year { get; } = new("--year")
    {
        Description = "The year (trademark indicators: the trademark year, 16 Dec .. 15 Dec by default). Or give --from-year and --to-year.",
    };

    internal Option<int?> FromYear { get; } = new("--from-year")
    {
        Description = "First year of a range of whole years (with --to-year): flows summed, stocks at the end, rates from the totals.",
    };

    internal Option<int?> ToYear { get; } = new("--to-year")
    {
        Description = "Last year of a range of whole years (with --from-year); alone it is --year.",
    };

    internal IEnumerable<Option> All => [Year, FromYear, ToYear];

    /// The year asked for (a range's last year) and a range's first year (null for a single year).
    internal (int Year, int? FromYear) Read(ParseResult result)
    {
        var year = result.GetValue(Year);
        var from = result.GetValue(FromYear);
        var to = result.GetValue(ToYear);
        if (year is { } y && to is { } t && y != t)
        {
            throw new PlanningException($"--year {Text(y)} 与 --to-year {Text(t)} 不一致：二者只给一个。") { Parameter = "year" };
        }
        var last = to ?? year ?? throw new PlanningException(
            "请给出 --year（例如 --year 2024），或若干整年的区间（例如 --from-year 2021 --to-year 2023）。") { Parameter = "year" };
        return (last, from == last ? null : from);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
