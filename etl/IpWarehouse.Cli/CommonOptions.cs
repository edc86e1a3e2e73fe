using System.CommandLine;
using IpWarehouse.Etl.Configuration;

namespace IpWarehouse.Cli;

/// <summary>Options several commands share, and how they turn into a configuration.</summary>
internal static class CommonOptions
{
    internal static Option<string?> Config() => new("--config")
    {
        Description = "The configuration file (default: $IPWH_CONFIG, else ./ipwh.json).",
    };

    /// <summary>--format of the commands that print a result: table, json, csv, and parquet where <paramref name="parquet"/> (with --out).</summary>
    internal static Option<OutputFormat> Format(OutputFormat defaultFormat = OutputFormat.Table, bool parquet = false)
    {
        var option = new Option<OutputFormat>("--format")
        {
            Description = "Output: table (for people), json (one array on stdout), csv (UTF-8 with BOM)" +
                (parquet ? ", parquet (typed columns with Chinese labels; needs --out FILE)." : "."),
            DefaultValueFactory = _ => defaultFormat,
        };
        option.Validators.Add(result =>
        {
            var format = result.GetValueOrDefault<OutputFormat>();
            if (format == OutputFormat.Xlsx || (format == OutputFormat.Parquet && !parquet))
            {
                result.AddError($"--format {format.ToString().ToLowerInvariant()} is for the answers (rank, indicators, targets, explain, violations" +
                    $"{(format == OutputFormat.Parquet ? ", rejects, sql" : "")}); use table, json or csv here.");
            }
        });
        return option;
    }

    /// <summary>--format of the planning reports, which also write XLSX workbooks.</summary>
    internal static Option<OutputFormat> ReportFormat() => new("--format")
    {
        Description = "Output: table (for people), json (one array on stdout), csv (UTF-8 with BOM), xlsx (a workbook) or parquet " +
            "(typed columns with the Chinese labels as metadata); xlsx and parquet write --out FILE, else a file named after the report.",
        DefaultValueFactory = _ => OutputFormat.Table,
    };

    internal static Option<string?> Out() => new("--out")
    {
        Description = "Write the output to this file instead of stdout.",
    };

    internal static IpwhConfig LoadConfig(ParseResult result, Option<string?> option, bool checkFiles = true)
    {
        var path = ConfigLoader.Locate(result.GetValue(option), Environment.GetEnvironmentVariable);
        return ConfigLoader.Load(path, Environment.GetEnvironmentVariable, checkFiles);
    }
}

/// <summary>The output formats of the reporting commands (INDICATORS.md, machine-readable output).</summary>
internal enum OutputFormat
{
    /// <summary>A table for people.</summary>
    Table,

    /// <summary>One JSON array on stdout, nothing else.</summary>
    Json,

    /// <summary>CSV, UTF-8 with BOM so Excel opens it correctly.</summary>
    Csv,

    /// <summary>An XLSX workbook with a title, Chinese headers, units and a frozen header row (planning reports only).</summary>
    Xlsx,

    /// <summary>A Parquet file with explicit types and the Chinese labels as column metadata (answers: reports, rejects, sql).</summary>
    Parquet,
}
