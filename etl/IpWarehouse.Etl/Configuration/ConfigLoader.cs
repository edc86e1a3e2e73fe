using System.Text.Json;
using System.Text.Json.Nodes;
using IpWarehouse.Etl.Configuration.Internal;

namespace IpWarehouse.Etl.Configuration;

/// <summary>Finds, reads and validates ipwh.json. Every problem is a <see cref="ConfigException"/> naming the source and field.</summary>
public static class ConfigLoader
{
    /// <summary>The environment variable naming the configuration file when <c>--config</c> is not given.</summary>
    public const string EnvironmentVariable = "IPWH_CONFIG";

    /// <summary>The file looked for in the current folder as a last resort.</summary>
    public const string DefaultFileName = "ipwh.json";

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>
    /// Where the configuration is: <paramref name="explicitPath"/> (<c>--config FILE</c>), else
    /// <c>$IPWH_CONFIG</c>, else <c>./ipwh.json</c>. The environment is passed in so tests need not set
    /// real variables. The file must exist.
    /// </summary>
    public static string Locate(string? explicitPath, Func<string, string?> environment, string? currentDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var folder = currentDirectory ?? Directory.GetCurrentDirectory();
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return MustExist(Path.GetFullPath(explicitPath, folder), "--config",
                "Pass the path of an existing ipwh.json to --config.");
        }
        var fromEnvironment = environment(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return MustExist(Path.GetFullPath(fromEnvironment, folder), "$" + EnvironmentVariable,
                $"Point {EnvironmentVariable} at an existing ipwh.json, or unset it to use ./{DefaultFileName}.");
        }
        return MustExist(Path.Combine(folder, DefaultFileName), "./" + DefaultFileName,
            $"Create {DefaultFileName} in {folder}, pass --config FILE, or set {EnvironmentVariable}.");
    }

    /// <summary>
    /// Reads and validates a configuration file. With <paramref name="checkFiles"/> (the default) a file
    /// glob matching nothing is an error too; <c>ipwh check</c> turns it off to report sources one by one.
    /// </summary>
    public static IpwhConfig Load(string path, Func<string, string?>? environment = null, bool checkFiles = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fullPath = Path.GetFullPath(path);
        string text;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"Cannot read the configuration file {fullPath}: {e.Message}. Check the path and its permissions.", e)
            {
                ConfigPath = fullPath,
            };
        }
        return Parse(text, fullPath, environment, checkFiles);
    }

    /// <summary>
    /// Validates configuration text as if it were the file <paramref name="configPath"/> (relative paths
    /// resolve from that file's folder). Comments and trailing commas are allowed.
    /// </summary>
    public static IpwhConfig Parse(string json, string configPath, Func<string, string?>? environment = null, bool checkFiles = true)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrEmpty(configPath);
        var fullPath = Path.GetFullPath(configPath);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new ConfigException(
                $"{fullPath} is not valid JSON at line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}: {e.Message} " +
                "Fix the syntax (comments and trailing commas are allowed).", e)
            {
                ConfigPath = fullPath,
                Field = "(syntax)",
            };
        }
        var reader = new ConfigReader(fullPath, environment ?? Environment.GetEnvironmentVariable, checkFiles);
        return reader.Read(root);
    }

    private static string MustExist(string path, string origin, string fix)
    {
        if (!File.Exists(path))
        {
            throw new ConfigException($"The configuration file {path} (from {origin}) does not exist. {fix}")
            {
                ConfigPath = path,
                Field = origin,
            };
        }
        return path;
    }
}
