using System.Text.Json;
using System.Text.Json.Nodes;
using IpWarehouse.Etl.Configuration;
using IpWarehouse.Etl.Warehouse;

namespace IpWarehouse.Jobs.Tests.Infrastructure;

/// The smallest real warehouse: one CSV source of two training events, so a load takes seconds.
/// The configuration is written to disk (as an operator would) and read with the real ConfigLoader.
public sealed class TinyWarehouse : IDisposable
{
    private readonly TempFolder folder = new();

    public TinyWarehouse()
    {
        folder.Write("drops/training.csv", "event_id,event_date,region_code,person_times,topic\nE1,2024-03-01,620102,30,专利\nE2,2024-04-01,620103,20,商标\n");
    }

    public string Folder => folder.Path;

    public string ConfigPath => System.IO.Path.Combine(folder.Path, "ipwh.json");

    public WarehousePaths Paths => new(System.IO.Path.Combine(folder.Path, "warehouse"));

    public static JsonObject TrainingSource() => new()
    {
        ["name"] = "training",
        ["kind"] = "training",
        ["connector"] = "csv",
        ["path"] = "drops/training.csv",
    };

    /// Writes ipwh.json: the training source (and <paramref name="moreSources"/>), a nightly cron, and
    /// the scheduler, server and loader sections given.
    public IpwhConfig Configure(string? nightly = null, JsonObject? scheduler = null, JsonObject? server = null, JsonObject? loader = null, params JsonObject[] moreSources)
    {
        var sources = new JsonArray(TrainingSource());
        foreach (var source in moreSources)
        {
            sources.Add(source);
        }
        var root = new JsonObject
        {
            ["warehouse"] = "warehouse",
            ["timeZone"] = "Asia/Shanghai",
            ["sources"] = sources,
        };
        if (nightly is not null)
        {
            root["schedule"] = new JsonObject { ["nightly"] = nightly };
        }
        if (scheduler is not null)
        {
            root["scheduler"] = scheduler;
        }
        if (server is not null)
        {
            root["server"] = server;
        }
        if (loader is not null)
        {
            root["loader"] = loader;
        }
        File.WriteAllText(ConfigPath, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return ConfigLoader.Load(ConfigPath, _ => null, checkFiles: false);
    }

    public string Write(string relative, string text) => folder.Write(relative, text);

    /// A department's SQLite database (events.db, two training events), read by <see cref="EventsSource"/>.
    public string EventsDatabase()
    {
        var path = System.IO.Path.Combine(Folder, "events.db");
        using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=false");
        db.Open();
        using var create = db.CreateCommand();
        create.CommandText = """
            CREATE TABLE events (event_id TEXT, event_date TEXT, region_code TEXT, person_times INTEGER);
            INSERT INTO events VALUES ('D1', '2024-05-01', '620102', 12), ('D2', '2024-06-01', '620104', 8);
            """;
        create.ExecuteNonQuery();
        return path;
    }

    public static JsonObject EventsSource() =>
        new() { ["name"] = "events-db", ["kind"] = "training", ["connector"] = "sqlite", ["connection"] = "Data Source=events.db", ["table"] = "events" };

    /// The batch the published warehouse holds (published.json), or null before the first publish.
    public string? PublishedBatch()
    {
        if (!File.Exists(Paths.PublishedMarker))
        {
            return null;
        }
        using var document = JsonDocument.Parse(File.ReadAllText(Paths.PublishedMarker));
        return document.RootElement.GetProperty("batch_id").GetString();
    }

    /// The run history from the working database (nothing may hold it).
    public IReadOnlyList<RunRecord> Runs()
    {
        using var connection = WarehouseConnections.OpenHistory(Paths, out _);
        return RunHistory.Read(connection, 100);
    }

    public void Dispose() => folder.Dispose();
}
