using IpWarehouse.Etl.Configuration;

namespace IpWarehouse.Etl.Tests.Infrastructure;

/// Writes an ipwh.json into a folder and loads it with a fake environment.
public static class Configs
{
    public static IpwhConfig Load(TempFolder folder, string json, IReadOnlyDictionary<string, string>? environment = null, bool checkFiles = true)
    {
        var path = folder.Write("ipwh.json", json);
        return ConfigLoader.Load(path, Environment(environment), checkFiles);
    }

    public static Func<string, string?> Environment(IReadOnlyDictionary<string, string>? values) =>
        name => values is not null && values.TryGetValue(name, out var value) ? value : null;

    /// A one-source configuration whose source is given as JSON members, e.g. "\"path\": \"a.csv\"".
    public static SourceDefinition Source(TempFolder folder, string kind, string connector, string members)
    {
        var json = $$"""
            { "warehouse": "wh", "sources": [ { "name": "s1", "kind": "{{kind}}", "connector": "{{connector}}", {{members}} } ] }
            """;
        return Load(folder, json).Sources.Single();
    }
}
