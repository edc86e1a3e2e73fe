namespace IpWarehouse.Etl.Tests;

public class WarehouseSqlTests
{
    [Fact]
    public void Missing_file_names_the_file_and_the_fix()
    {
        var error = Assert.Throws<FileNotFoundException>(() => WarehouseSql.Read("no/such.sql"));
        Assert.Contains("no/such.sql", error.Message, StringComparison.Ordinal);
        Assert.Contains("Rebuild", error.Message, StringComparison.Ordinal);
    }
}
