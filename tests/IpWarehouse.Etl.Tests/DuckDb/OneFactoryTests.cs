namespace IpWarehouse.Etl.Tests.DuckDb;

/// Every DuckDB database of the product (and of its tests and benchmarks) is opened or attached by DuckDbFactory:
/// a connection made by hand would bypass the one-name, one-set-of-options rule.
public sealed class OneFactoryTests
{
    private static readonly string[] Searched = ["etl", "jobs", "tests"];
    private static readonly string[] Product = ["etl", "jobs"];

    [Fact]
    public void No_code_outside_the_factory_opens_or_attaches_a_DuckDB_database_itself()
    {
        var root = RepositoryRoot();
        var factory = Path.Combine(root, "etl", "IpWarehouse.Etl", "DuckDb") + Path.DirectorySeparatorChar;
        // Tests send ATTACH as a statement the published warehouse must refuse; only the product may not run one.
        var offenders = Lines(root, Searched, factory).Where(x => x.Line.Contains("new " + "DuckDBConnection(", StringComparison.Ordinal))
            .Concat(Lines(root, Product, factory).Where(x => x.Line.Contains("ATTACH" + " ", StringComparison.Ordinal)))
            .Select(x => $"{Path.GetRelativePath(root, x.File)}:{x.Number}: {x.Line.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "Open DuckDB databases with DuckDbFactory.Open/OpenInMemory/Attach:\n" + string.Join('\n', offenders));
    }

    private static IEnumerable<(string File, int Number, string Line)> Lines(string root, string[] folders, string except) =>
        folders.SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
            .Where(file => !file.StartsWith(except, StringComparison.Ordinal) && !file.Contains("/bin/", StringComparison.Ordinal) && !file.Contains("/obj/", StringComparison.Ordinal))
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, i + 1, line)));

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "IpWarehouse.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("IpWarehouse.sln not found above " + AppContext.BaseDirectory);
    }
}
