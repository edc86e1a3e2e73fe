namespace IpWarehouse.Etl.Demo.Internal;

/// A seeded System.Random with the draws the generators need. Each source draws from its own stream (seed
/// and stream number), so a change in how one source draws leaves the other sources' draws alone (they
/// still share the registry of parties, which grows as sources ask for persons and traders).
internal sealed class DemoRandom
{
    private readonly Random random;

    public DemoRandom(int seed, int stream)
    {
        // A seeded System.Random uses the same algorithm on every .NET version and machine: that is what
        // makes the demo reproducible.
        random = new Random(unchecked((seed * 1_000_003) ^ (stream * 7_919)));
    }

    public int Next(int maxExclusive) => random.Next(maxExclusive);

    /// Inclusive on both ends.
    public int Between(int min, int max) => random.Next(min, max + 1);

    public double NextDouble() => random.NextDouble();

    public bool Chance(double probability) => NextDouble() < probability;

    public double Uniform(double min, double max) => min + (max - min) * NextDouble();

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// Box–Muller; one value per call keeps the stream simple to reason about.
    public double Normal(double mean, double sd)
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return mean + sd * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// exp(Normal): amounts and durations are right-skewed.
    public double LogNormal(double median, double sigma) => median * Math.Exp(Normal(0, sigma));

    /// An index drawn with the given weights.
    public int Weighted(IReadOnlyList<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
        }
        var x = NextDouble() * total;
        for (var i = 0; i < weights.Count; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return i;
            }
        }
        return weights.Count - 1;
    }

    /// A day in from..to, both included.
    public DateOnly Day(DateOnly from, DateOnly to) =>
        to < from ? from : from.AddDays(Next(to.DayNumber - from.DayNumber + 1));

    /// Zipf-like rank: a few parties file most of the applications, as in real registers.
    public int Skewed(int count, double exponent = 1.1)
    {
        var x = NextDouble();
        var index = (int)(count * Math.Pow(x, 1 + exponent));
        return Math.Min(index, count - 1);
    }
}
