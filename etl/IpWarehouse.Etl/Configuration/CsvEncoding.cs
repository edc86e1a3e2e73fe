namespace IpWarehouse.Etl.Configuration;

/// <summary>The text encoding of CSV files (ipwh.json <c>encoding</c>).</summary>
public enum CsvEncoding
{
    /// <summary><c>auto</c> (default): decided per file — a UTF-8 BOM or valid UTF-8 bytes mean UTF-8, anything else GB18030.</summary>
    Auto,

    /// <summary><c>utf-8</c>, with or without BOM.</summary>
    Utf8,

    /// <summary><c>gb18030</c>, which also reads GBK and GB2312 files.</summary>
    Gb18030,
}
