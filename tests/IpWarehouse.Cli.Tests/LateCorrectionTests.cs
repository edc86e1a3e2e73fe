using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace IpWarehouse.Cli.Tests;

/// A row re-sent with a known key updates the fact (an accumulating snapshot): a case open yesterday
/// and closed today, read incrementally through the SQLite case system's watermark.
public sealed class LateCorrectionTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_case_closed_today_updates_the_open_case_and_keeps_its_first_batch()
    {
        var db = Path.Combine(folder.Path, "cases.db");
        Execute(db, """
            CREATE TABLE IpCases (CaseNo TEXT, CaseType TEXT, FiledOn TEXT, ClosedOn TEXT, Region TEXT, UpdatedAt INTEGER);
            INSERT INTO IpCases VALUES ('临市监处〔2024〕1号', '商标侵权', '2024-03-01', NULL, '622901', 1);
            INSERT INTO IpCases VALUES ('临市监处〔2024〕2号', '假冒专利', '2024-03-05', '2024-04-01', '622921', 2);
            """);
        File.WriteAllText(Path.Combine(folder.Path, "ipwh.json"), """
            {
              // one source: the case system, read incrementally by UpdatedAt
              "warehouse": "warehouse",
              "sources": [
                { "name": "case-system", "kind": "cases", "connector": "sqlite", "connection": "Data Source=cases.db",
                  "table": "IpCases", "watermark": "UpdatedAt",
                  "columns": { "case_no": "CaseNo", "case_type": "CaseType", "filed_date": "FiledOn",
                               "closed_date": "ClosedOn", "region_code": "Region" } },
              ],
            }
            """);

        Assert.Equal(0, Ipwh.Run(folder.Path, null, "load").ExitCode);
        var firstBatch = Case("临市监处〔2024〕1号").GetProperty("first_loaded_batch").GetString();
        Assert.Equal(JsonValueKind.Null, Case("临市监处〔2024〕1号").GetProperty("closed_date").ValueKind);

        Execute(db, "UPDATE IpCases SET ClosedOn = '2024-05-20', UpdatedAt = 3 WHERE CaseNo = '临市监处〔2024〕1号'");
        var second = Ipwh.Run(folder.Path, null, "load");
        Assert.True(second.ExitCode == 0, second.Stderr);

        var updated = Case("临市监处〔2024〕1号");
        Assert.Equal("2024-05-20", updated.GetProperty("closed_date").GetString());
        Assert.Equal(firstBatch, updated.GetProperty("first_loaded_batch").GetString());
        Assert.NotEqual(firstBatch, updated.GetProperty("updated_batch").GetString());

        var runs = JsonDocument.Parse(Ipwh.Run(folder.Path, null, "runs", "--format", "json").Stdout).RootElement;
        Assert.Equal(1, runs[0].GetProperty("sources")[0].GetProperty("rows_read").GetInt64()); // only the changed row was read
        var count = JsonDocument.Parse(Ipwh.Run(folder.Path, null, "sql", "SELECT count(*) AS n FROM fact_case", "--format", "json").Stdout).RootElement;
        Assert.Equal(2, count[0].GetProperty("n").GetInt64());
    }

    private JsonElement Case(string caseNo)
    {
        var result = Ipwh.Run(folder.Path, null, "sql",
            $"SELECT closed_date, first_loaded_batch, updated_batch FROM fact_case WHERE case_no = '{caseNo}'", "--format", "json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        return JsonDocument.Parse(result.Stdout).RootElement[0];
    }

    private static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
