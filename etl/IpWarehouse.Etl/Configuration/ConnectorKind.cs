namespace IpWarehouse.Etl.Configuration;

/// <summary>How a source is read (ipwh.json <c>connector</c>).</summary>
public enum ConnectorKind
{
    /// <summary><c>csv</c>: delimited text files, UTF-8 or GB18030.</summary>
    Csv,

    /// <summary><c>xlsx</c>: Excel 2007+ workbooks.</summary>
    Xlsx,

    /// <summary><c>sqlserver</c>: Microsoft SQL Server.</summary>
    SqlServer,

    /// <summary><c>postgres</c>: PostgreSQL and compatibles (KingbaseES, openGauss).</summary>
    Postgres,

    /// <summary><c>sqlite</c>: a SQLite database file.</summary>
    Sqlite,
}
