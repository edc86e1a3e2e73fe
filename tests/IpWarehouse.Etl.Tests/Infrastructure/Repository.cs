namespace IpWarehouse.Etl.Tests.Infrastructure;

/// Files of the repository itself (snapshots, fixtures, reference data and its sources), found from the test's
/// output folder by walking up to IpWarehouse.sln: these tests run from a checkout.
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    /// The path of a checked-in file; fails the test, naming it, when it is missing.
    public static string File(params string[] parts)
    {
        var path = Path.Combine([Root, .. parts]);
        Assert.True(System.IO.File.Exists(path), $"{path} is missing; it is checked in.");
        return path;
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(folder.FullName, "IpWarehouse.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"No IpWarehouse.sln above {AppContext.BaseDirectory}: these tests run from the repository.");
    }
}
