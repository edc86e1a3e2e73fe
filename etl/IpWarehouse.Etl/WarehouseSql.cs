namespace IpWarehouse.Etl;

/// <summary>Finds the SQL files of warehouse-sql/, which the build copies next to this assembly.</summary>
public static class WarehouseSql
{
    /// <summary>The folder holding schema/, staging/, reference/ … at run time.</summary>
    public static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "warehouse-sql");

    /// <summary>The text of a file under warehouse-sql/, e.g. <c>schema/010_dim_region.sql</c>.</summary>
    public static string Read(string relativePath)
    {
        var path = Path.Combine(Root, relativePath);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The SQL file '{relativePath}' is missing from {Root}. Rebuild: the build copies warehouse-sql/ next to the program.", path);
        }
        return File.ReadAllText(path);
    }
}
