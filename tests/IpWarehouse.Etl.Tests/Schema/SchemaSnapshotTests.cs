using System.Text;

namespace IpWarehouse.Etl.Tests.Schema;

/// The DDL surface (tables, columns, types, nullability, primary keys) is a contract: readers' SQL, the
/// loader's appenders (by position) and the Parquet snapshots depend on it. schema.snapshot.txt is written
/// by hand from the design; this test fails when what warehouse-sql/schema/ creates differs from it.
public sealed class SchemaSnapshotTests : IDisposable
{
    private const string UpdateVariable = "IPWH_UPDATE_SNAPSHOTS";

    private readonly SchemaDatabase database = new();

    [Fact]
    public void The_DDL_surface_matches_the_snapshot()
    {
        var path = SnapshotPath();
        var fileLines = File.ReadAllLines(path);
        var expected = SchemaSurface.Significant(fileLines);
        var actual = SchemaSurface.Lines(database.Connection);
        if (expected.SequenceEqual(actual, StringComparer.Ordinal))
        {
            return;
        }

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1" && Environment.GetEnvironmentVariable("CI") != "true")
        {
            File.WriteAllText(path, SchemaSurface.Render(actual, fileLines), new UTF8Encoding(false));
            return;
        }

        Assert.Fail(DriftMessage(path, expected, actual));
    }

    [Fact]
    public void The_snapshot_names_exactly_the_schema_tables()
    {
        var tables = SchemaSurface.Significant(File.ReadAllLines(SnapshotPath()))
            .Select(line => line.Split('.', ' ')[0])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);

        Assert.Equal(IpWarehouse.Etl.Warehouse.Schema.Tables.Order(StringComparer.Ordinal), tables);
    }

    internal static string DriftMessage(string path, IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        var message = new StringBuilder();
        message.Append("The warehouse DDL created by warehouse-sql/schema/ differs from ").Append(path)
            .Append(", the contract that readers' SQL, the loader's appenders and the Parquet snapshots rely on.\n");
        var missing = expected.Except(actual, StringComparer.Ordinal).ToList();
        var added = actual.Except(expected, StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            message.Append("In the snapshot but not in the database:\n");
            missing.ForEach(line => message.Append("  - ").Append(line).Append('\n'));
        }
        if (added.Count > 0)
        {
            message.Append("In the database but not in the snapshot:\n");
            added.ForEach(line => message.Append("  + ").Append(line).Append('\n'));
        }
        if (missing.Count == 0 && added.Count == 0)
        {
            var index = Enumerable.Range(0, Math.Min(expected.Count, actual.Count))
                .FirstOrDefault(i => expected[i] != actual[i], Math.Min(expected.Count, actual.Count));
            message.Append("Same lines in a different order (column order matters: appenders write by position); first difference: snapshot has '")
                .Append(index < expected.Count ? expected[index] : "(end)").Append("', the database '")
                .Append(index < actual.Count ? actual[index] : "(end)").Append("'.\n");
        }
        message.Append("If the change is intended: give it a new Schema.Version and a migration when a published warehouse has the old shape, ")
            .Append("then update the snapshot by running\n  ").Append(UpdateVariable)
            .Append("=1 dotnet test tests/IpWarehouse.Etl.Tests --filter \"FullyQualifiedName~SchemaSnapshotTests\"\n")
            .Append("(or by pasting the lines below into the file) and review its git diff.\n")
            .Append("The database's surface:\n")
            .AppendJoin('\n', actual);
        return message.ToString();
    }

    /// The checked-in snapshot next to this test's source, found from the repository root.
    private static string SnapshotPath()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "IpWarehouse.sln")))
            {
                var path = Path.Combine(folder.FullName, "tests", "IpWarehouse.Etl.Tests", "Schema", SchemaSurface.SnapshotFileName);
                Assert.True(File.Exists(path), $"The snapshot {path} is missing; it is the contract of the warehouse DDL and is checked in.");
                return path;
            }
        }
        Assert.Fail($"No IpWarehouse.sln above {AppContext.BaseDirectory}: the snapshot test runs from the repository.");
        return "";
    }

    public void Dispose() => database.Dispose();
}
