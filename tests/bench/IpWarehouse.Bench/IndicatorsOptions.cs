using System.Globalization;

namespace IpWarehouse.Bench;

/// <summary>The indicators scenario's options: <c>[--scale F] [--dir DIR] [--queries N] [--runs K] [--reuse]</c>.</summary>
/// <param name="Scale">The load scenario's scale: 1 = 5 M patents, 5 M trademarks, 200 k cases, 200 k subsidies.</param>
/// <param name="Directory">Working folder, kept afterwards; null for a fresh temp folder deleted at the end.</param>
/// <param name="Queries">Timed in-process rank queries (after as many warm-up queries as there are distinct queries).</param>
/// <param name="Runs">Timed <c>./ipwh rank … --format json</c> processes.</param>
/// <param name="Reuse">Reuse the warehouse a previous run left in --dir (its full-load time is read from indicators-load.txt).</param>
internal sealed record IndicatorsOptions(double Scale, string? Directory, int Queries, int Runs, bool Reuse)
{
    public static IndicatorsOptions Parse(ReadOnlySpan<string> args)
    {
        var scale = LoadOptions.DefaultScale;
        string? directory = null;
        var queries = 400;
        var runs = 7;
        var reuse = false;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name == "--reuse")
            {
                reuse = true;
                continue;
            }
            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"Option '{name}' needs a value.");
            }
            var value = args[++i];
            switch (name)
            {
                case "--scale":
                    if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out scale) || !(scale > 0) || scale > 100)
                    {
                        throw new ArgumentException($"Option '--scale' needs a number above 0 (and at most 100), not '{value}'.");
                    }
                    break;
                case "--dir": directory = value; break;
                case "--queries": queries = Whole(name, value, 200); break;
                case "--runs": runs = Whole(name, value, 5); break;
                default: throw new ArgumentException($"Unknown option '{name}' for the indicators scenario.");
            }
        }
        if (reuse && directory is null)
        {
            throw new ArgumentException("--reuse needs --dir: the folder of a previous indicators run.");
        }
        return new IndicatorsOptions(scale, directory, queries, runs, reuse);
    }

    private static int Whole(string name, string value, int minimum) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= minimum
            ? number
            : throw new ArgumentException($"Option '{name}' needs a whole number of at least {minimum} (the issue's minimum), not '{value}'.");

    public const string Usage =
        "Usage: IpWarehouse.Bench indicators [--scale F] [--dir DIR] [--queries N] [--runs K] [--reuse]\n" +
        "  --scale    the load scenario's scale (default 1: 5 M patents, 5 M trademarks, 200 k cases, 200 k subsidies)\n" +
        "  --dir      working folder, kept afterwards (default: a fresh temp folder, deleted at the end)\n" +
        "  --queries  timed in-process rank queries after warm-up (default 400, at least 200)\n" +
        "  --runs     timed ./ipwh rank processes (default 7, at least 5)\n" +
        "  --reuse    skip generating and loading: use the warehouse of a previous run in --dir";
}
