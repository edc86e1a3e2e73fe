using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IpWarehouse.Etl.Layouts;

namespace IpWarehouse.Etl.Configuration.Internal;

/// The sources array: one definition per entry, every rule of SOURCES.md checked before any load starts.
internal sealed partial class ConfigReader
{
    private static readonly string[] SourceFields =
        ["name", "kind", "connector", "path", "encoding", "sheet", "connection", "table", "query", "watermark", "columns"];

    [GeneratedRegex("^[a-z0-9_-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex SourceName();

    private List<SourceDefinition> ReadSources(JsonNode? value)
    {
        if (value is null)
        {
            return [];
        }
        if (value is not JsonArray array)
        {
            throw Error(null, "sources", "must be an array", "Write \"sources\": [ { \"name\": …, \"kind\": …, \"connector\": … } ]");
        }
        var sources = new List<SourceDefinition>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            var source = ReadSource(array[i], i);
            if (sources.Any(s => s.Name == source.Name))
            {
                throw Error(source.Name, "name", $"is used by more than one source (sources[{i}] repeats it)",
                    "Give every source its own name: rows, batches and quarantine records are keyed by it");
            }
            sources.Add(source);
        }
        return sources;
    }

    private SourceDefinition ReadSource(JsonNode? node, int index)
    {
        if (node is not JsonObject entry)
        {
            throw Error($"sources[{index}]", "(entry)", "must be an object", "Write each source as { \"name\": …, \"kind\": …, \"connector\": … }");
        }
        var fields = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (key, item) in entry)
        {
            var known = SourceFields.FirstOrDefault(f => f.Equals(key, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                var label = entry["name"] is JsonValue n && n.TryGetValue<string>(out var s) ? s : $"sources[{index}]";
                throw Error(label, key, "is not a source setting" + ConfigKeys.DidYouMean(key, SourceFields),
                    $"A source knows {string.Join(", ", SourceFields)}");
            }
            fields[known] = item;
        }

        var name = String(fields.GetValueOrDefault("name"), $"sources[{index}]", "name", required: true)!;
        if (!SourceName().IsMatch(name))
        {
            throw Error($"sources[{index}]", "name", $"'{name}' may contain only a-z, 0-9, '_' and '-'",
                "Rename the source, e.g. \"cnipa-patents\"");
        }

        var kindText = String(fields.GetValueOrDefault("kind"), name, "kind", required: true)!;
        if (!LayoutCatalog.TryParseKind(kindText.Trim().ToLowerInvariant(), out var kind))
        {
            throw Error(name, "kind", $"'{kindText}' is not a kind", $"Use one of {KindList}");
        }
        var connectorText = String(fields.GetValueOrDefault("connector"), name, "connector", required: true)!;
        if (!ConnectorNames.TryParse(connectorText, out var connector))
        {
            throw Error(name, "connector", $"'{connectorText}' is not a connector", $"Use one of {string.Join(", ", ConnectorNames.All)}");
        }

        var isFile = connector is ConnectorKind.Csv or ConnectorKind.Xlsx;
        var connectorName = ConnectorNames.NameOf(connector);
        foreach (var field in isFile ? ["connection", "table", "query", "watermark"] : new[] { "path", "encoding", "sheet" })
        {
            if (fields.ContainsKey(field))
            {
                throw Error(name, field, $"does not apply to a {connectorName} source",
                    isFile ? $"Remove {field}: it is for database sources; a {connectorName} source reads \"path\""
                           : $"Remove {field}: it is for file sources; a {connectorName} source reads \"connection\" with \"table\" or \"query\"");
            }
        }
        if (connector == ConnectorKind.Csv && fields.ContainsKey("sheet"))
        {
            throw Error(name, "sheet", "does not apply to a csv source", "Remove sheet, or use connector xlsx for a workbook");
        }
        if (connector == ConnectorKind.Xlsx && fields.ContainsKey("encoding"))
        {
            throw Error(name, "encoding", "does not apply to an xlsx source", "Remove encoding: workbooks carry their own");
        }

        var layout = LayoutCatalog.Get(kind);
        var definition = new SourceDefinition
        {
            Name = name,
            Kind = kind,
            Connector = connector,
            Index = index,
            Columns = ReadColumns(fields.GetValueOrDefault("columns"), name, layout),
        };
        return isFile ? ReadFileSource(definition, fields) : ReadDatabaseSource(definition, fields);
    }

    private SourceDefinition ReadFileSource(SourceDefinition definition, Dictionary<string, JsonNode?> fields)
    {
        var name = definition.Name;
        var path = String(fields.GetValueOrDefault("path"), name, "path", required: false);
        if (string.IsNullOrWhiteSpace(path))
        {
            throw Error(name, "path", "is missing", $"Give the file or glob to read, e.g. \"drops/{definition.Layout.Name}/*.{ConnectorNames.NameOf(definition.Connector)}\"");
        }
        var fullPath = Path.GetFullPath(path, Folder);
        if (checkFiles)
        {
            if (Directory.Exists(fullPath))
            {
                throw Error(name, "path", $"'{path}' is a folder ({fullPath})",
                    $"Add a file pattern, e.g. \"{path.TrimEnd('/', '\\')}/*.{ConnectorNames.NameOf(definition.Connector)}\"");
            }
            if (FileGlob.Expand(fullPath).Count == 0)
            {
                throw Error(name, "path", $"'{path}' matches no file (looked for {fullPath})",
                    "Check the folder and the pattern (relative paths start at the config file's folder), or wait for the drop");
            }
        }

        var encoding = CsvEncoding.Auto;
        var encodingText = String(fields.GetValueOrDefault("encoding"), name, "encoding", required: false);
        if (encodingText is not null && !ConnectorNames.TryParseEncoding(encodingText, out encoding))
        {
            throw Error(name, "encoding", $"'{encodingText}' is not an encoding", $"Use one of {string.Join(", ", ConnectorNames.Encodings)}");
        }
        var sheet = String(fields.GetValueOrDefault("sheet"), name, "sheet", required: false);
        if (sheet is not null && string.IsNullOrWhiteSpace(sheet))
        {
            throw Error(name, "sheet", "is empty", "Name the worksheet, or remove sheet to read the first one");
        }

        return new SourceDefinition
        {
            Name = name,
            Kind = definition.Kind,
            Connector = definition.Connector,
            Index = definition.Index,
            Columns = definition.Columns,
            Path = fullPath,
            Encoding = encoding,
            Sheet = sheet,
        };
    }

    private SourceDefinition ReadDatabaseSource(SourceDefinition definition, Dictionary<string, JsonNode?> fields)
    {
        var name = definition.Name;
        var connection = String(fields.GetValueOrDefault("connection"), name, "connection", required: false);
        if (string.IsNullOrWhiteSpace(connection))
        {
            throw Error(name, "connection", "is missing",
                "Give the connection string, or take it from the environment: \"connection\": \"${FINANCE_DB}\"");
        }
        var table = String(fields.GetValueOrDefault("table"), name, "table", required: false);
        var query = String(fields.GetValueOrDefault("query"), name, "query", required: false);
        if (table is not null && query is not null)
        {
            throw Error(name, "table", "and query are both given", "Keep one: table reads a whole table, query a SELECT of your own");
        }
        if (string.IsNullOrWhiteSpace(table) && string.IsNullOrWhiteSpace(query))
        {
            throw Error(name, "table", "and query are both missing or empty", "Give \"table\": \"dbo.IpCases\" or \"query\": \"SELECT … FROM …\"");
        }
        var watermark = String(fields.GetValueOrDefault("watermark"), name, "watermark", required: false);
        if (watermark is not null && string.IsNullOrWhiteSpace(watermark))
        {
            throw Error(name, "watermark", "is empty", "Name an increasing column such as UpdatedAt, or remove watermark to read in full");
        }

        return new SourceDefinition
        {
            Name = name,
            Kind = definition.Kind,
            Connector = definition.Connector,
            Index = definition.Index,
            Columns = definition.Columns,
            Connection = ConnectionStrings.Resolve(definition.Connector, connection, Folder, checkFiles,
                (problem, fix, cause) => Error(name, "connection", problem, fix, cause)),
            Table = table?.Trim(),
            Query = query,
            Watermark = watermark?.Trim(),
        };
    }

    private Dictionary<string, string> ReadColumns(JsonNode? value, string source, Layout layout)
    {
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        if (value is null)
        {
            return columns;
        }
        if (value is not JsonObject map)
        {
            throw Error(source, "columns", "must be an object of canonical name → source column",
                "Write \"columns\": { \"case_no\": \"CaseNo\" }");
        }
        foreach (var (canonical, item) in map)
        {
            var field = "columns." + canonical;
            if (!layout.Contains(canonical))
            {
                throw Error(source, field, $"'{canonical}' is not a canonical {layout.Name} column",
                    $"Use one of {string.Join(", ", layout.Columns.Select(c => c.Name))} (the key is the canonical name, the value the source's)");
            }
            var sourceColumn = String(item, source, field, required: true)!;
            var clash = columns.FirstOrDefault(p => HeaderText.Same(p.Value, sourceColumn));
            if (clash.Key is not null)
            {
                throw Error(source, field, $"maps '{sourceColumn}', which columns.{clash.Key} maps already",
                    "A source column feeds one canonical column; fix one of the two mappings");
            }
            columns[canonical] = sourceColumn;
        }
        return columns;
    }
}
