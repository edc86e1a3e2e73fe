namespace IpWarehouse.Bench;

/// <summary>
/// <c>dotnet run -c Release --project tests/bench/IpWarehouse.Bench -- &lt;scenario&gt; [--rows N] [--repeat K] [--dir DIR]</c>.
/// One scenario per class; each measures our code and raw DuckDB side by side in the same run.
/// Benchmarks are not tests: a missed target is reported (MISS), the exit code stays 0.
/// </summary>
internal static class Program
{
    private static readonly Dictionary<string, Func<BenchOptions, int>> Scenarios = new(StringComparer.OrdinalIgnoreCase)
    {
        ["provider"] = options => new ProviderScenario(options).Run(),
    };

    /// Scenarios with options of their own (load: --scale) parse their arguments themselves.
    private static readonly Dictionary<string, Func<string[], int>> OwnOptionScenarios = new(StringComparer.OrdinalIgnoreCase)
    {
        ["load"] = LoadScenario.Run,
        ["indicators"] = IndicatorsScenario.Run,
        ["web"] = WebScenario.Run,
        ["sandbox"] = SandboxScenario.Run,
    };

    private static int Main(string[] args)
    {
        if (args.Length > 0 && OwnOptionScenarios.TryGetValue(args[0], out var own))
        {
            return own(args[1..]);
        }
        if (args.Length == 0 || !Scenarios.TryGetValue(args[0], out var run))
        {
            Console.Error.WriteLine(Usage(args.Length == 0 ? null : args[0]));
            return 2;
        }
        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args.AsSpan(1));
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(Usage(null));
            return 2;
        }
        return run(options);
    }

    private static string Usage(string? unknown) =>
        (unknown is null ? string.Empty : $"Unknown scenario '{unknown}'.\n") +
        $"Usage: IpWarehouse.Bench <{string.Join("|", Scenarios.Keys)}> [--rows N] [--repeat K] [--dir DIR]\n" +
        "   or: IpWarehouse.Bench load [--scale F] [--dir DIR]\n" +
        "   or: IpWarehouse.Bench indicators [--scale F] [--dir DIR] [--queries N] [--runs K] [--reuse]\n" +
        "   or: IpWarehouse.Bench web --config DIR/ipwh.json [--clients 20] [--seconds 20]\n" +
        "  --rows    rows per repeat (default 10000000; underscores allowed: 10_000_000)\n" +
        "  --repeat  repeats (default 3)\n" +
        "  --dir     working folder (default: a fresh temp folder, deleted at the end)";
}
