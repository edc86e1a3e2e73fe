namespace IpWarehouse.DuckDb.Tests;

public class SmokeTests
{
    [Fact]
    public void Select_constant_returns_it()
    {
        using var connection = Db.Open("DataSource=:memory:");
        Assert.Equal(42, connection.Scalar("SELECT 42"));
        Assert.Equal("中文", connection.Scalar("SELECT '中文'"));
        Assert.StartsWith("v1.5.6", DuckDBConnection.LibraryVersion, StringComparison.Ordinal);
    }
}
