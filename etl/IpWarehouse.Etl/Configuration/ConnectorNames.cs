namespace IpWarehouse.Etl.Configuration;

/// <summary>The spelling of connectors and encodings in ipwh.json.</summary>
public static class ConnectorNames
{
    /// <summary>The connector names accepted in ipwh.json.</summary>
    public static IReadOnlyList<string> All { get; } = ["csv", "xlsx", "sqlserver", "postgres", "sqlite"];

    /// <summary>The encodings accepted in ipwh.json.</summary>
    public static IReadOnlyList<string> Encodings { get; } = ["auto", "utf-8", "gb18030"];

    /// <summary>The ipwh.json spelling of a connector.</summary>
    public static string NameOf(ConnectorKind connector) => connector switch
    {
        ConnectorKind.Csv => "csv",
        ConnectorKind.Xlsx => "xlsx",
        ConnectorKind.SqlServer => "sqlserver",
        ConnectorKind.Postgres => "postgres",
        ConnectorKind.Sqlite => "sqlite",
        _ => throw new ArgumentOutOfRangeException(nameof(connector), connector, "Not a connector."),
    };

    /// <summary>Reads a connector name (case-insensitive).</summary>
    public static bool TryParse(string? name, out ConnectorKind connector)
    {
        switch (name?.Trim().ToUpperInvariant())
        {
            case "CSV": connector = ConnectorKind.Csv; return true;
            case "XLSX": connector = ConnectorKind.Xlsx; return true;
            case "SQLSERVER": connector = ConnectorKind.SqlServer; return true;
            case "POSTGRES": connector = ConnectorKind.Postgres; return true;
            case "SQLITE": connector = ConnectorKind.Sqlite; return true;
            default: connector = default; return false;
        }
    }

    /// <summary>Reads an encoding name; <c>utf8</c>, <c>gbk</c> and <c>gb2312</c> are accepted as synonyms.</summary>
    public static bool TryParseEncoding(string? name, out CsvEncoding encoding)
    {
        switch (name?.Trim().ToUpperInvariant())
        {
            case "AUTO": encoding = CsvEncoding.Auto; return true;
            case "UTF-8" or "UTF8": encoding = CsvEncoding.Utf8; return true;
            case "GB18030" or "GBK" or "GB2312": encoding = CsvEncoding.Gb18030; return true;
            default: encoding = default; return false;
        }
    }
}
