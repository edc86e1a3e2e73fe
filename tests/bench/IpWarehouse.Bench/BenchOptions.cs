using System.Globalization;

namespace IpWarehouse.Bench;

/// <summary>The options every scenario shares.</summary>
/// <param name="Rows">Rows per repeat.</param>
/// <param name="Repeat">How many times the whole scenario runs; the report gives each repeat, the best and the median.</param>
/// <param name="Directory">Working folder; null for a fresh temp folder that is deleted at the end.</param>
internal sealed record BenchOptions(long Rows, int Repeat, string? Directory)
{
    public const long DefaultRows = 10_000_000;
    public const int DefaultRepeat = 3;

    public static BenchOptions Parse(ReadOnlySpan<string> args)
    {
        var rows = DefaultRows;
        var repeat = DefaultRepeat;
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
                case "--rows": rows = Positive(name, value); break;
                case "--repeat": repeat = (int)Math.Min(Positive(name, value), int.MaxValue); break;
                case "--dir": directory = value; break;
                default: throw new ArgumentException($"Unknown option '{name}'.");
            }
        }
        return new BenchOptions(rows, repeat, directory);
    }

    private static long Positive(string name, string value)
    {
        if (long.TryParse(value.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0)
        {
            return number;
        }
        throw new ArgumentException($"Option '{name}' needs a positive whole number, not '{value}'.");
    }
}
