using System.Globalization;

namespace IpWarehouse.Bench;

/// <summary>The load scenario's options: <c>[--scale F] [--dir DIR]</c>.</summary>
/// <param name="Scale">1 = the province scale (5 M patents, 5 M trademarks, 200 k cases, 200 k subsidies).</param>
/// <param name="Directory">Working folder, kept afterwards (files, warehouse); null for a fresh temp folder that is deleted at the end.</param>
internal sealed record LoadOptions(double Scale, string? Directory)
{
    public const double DefaultScale = 1.0;

    public static LoadOptions Parse(ReadOnlySpan<string> args)
    {
        var scale = DefaultScale;
        string? directory = null;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
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
                default: throw new ArgumentException($"Unknown option '{name}' for the load scenario (it takes --scale F and --dir DIR).");
            }
        }
        return new LoadOptions(scale, directory);
    }

    public const string Usage =
        "Usage: IpWarehouse.Bench load [--scale F] [--dir DIR]\n" +
        "  --scale  1 = 5 M patents, 5 M trademarks, 200 k cases, 200 k subsidies (default 1; 0.05 while developing)\n" +
        "  --dir    working folder, kept afterwards (default: a fresh temp folder, deleted at the end)";
}
