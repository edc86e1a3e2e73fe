using IpWarehouse.Etl.Configuration;
using IpWarehouse.Etl.Tests.Infrastructure;

namespace IpWarehouse.Etl.Tests.Configuration;

public sealed class FileGlobTests : IDisposable
{
    private readonly TempFolder folder = new();

    public FileGlobTests()
    {
        folder.Write("drops/a.csv", "");
        folder.Write("drops/b.csv", "");
        folder.Write("drops/b.csv.bak", "");
        folder.Write("drops/2023/c.csv", "");
        folder.Write("drops/2024/q1/d.csv", "");
        folder.Write("drops/tm.xlsx", "");
        folder.Write("drops/~$tm.xlsx", "");
    }

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData("drops/*.csv", "drops/a.csv,drops/b.csv")]
    [InlineData("drops/?.csv", "drops/a.csv,drops/b.csv")]
    [InlineData("drops/*/*.csv", "drops/2023/c.csv")]
    [InlineData("drops/**/*.csv", "drops/2023/c.csv,drops/2024/q1/d.csv,drops/a.csv,drops/b.csv")]
    [InlineData("drops/a.csv", "drops/a.csv")]
    [InlineData("drops/*.xlsx", "drops/tm.xlsx")]
    [InlineData("drops/none.csv", "")]
    [InlineData("nowhere/*.csv", "")]
    public void Expands_in_ordinal_order_without_excel_lock_files(string pattern, string expected)
    {
        var found = FileGlob.Expand(Path.Combine(folder.Path, pattern)).Select(f => Path.GetRelativePath(folder.Path, f));
        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries), found);
    }
}
