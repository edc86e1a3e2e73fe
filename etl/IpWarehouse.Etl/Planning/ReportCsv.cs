namespace IpWarehouse.Etl.Planning;

/// <summary>
/// Writes a <see cref="Report"/> as CSV, UTF-8 with BOM so that Excel opens it correctly: the header row
/// holds the columns' snake_case keys (the same names as the JSON), values are unrounded. A report with a
/// summary (ipwh explain) writes it first as <c>label,value</c> lines and an empty line.
/// </summary>
public static class ReportCsv
{
    /// <summary>Writes the report; the writer should encode UTF-8 (the BOM is written as U+FEFF).</summary>
    public static void Write(Report report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        output.Write('\uFEFF');
        if (report.Summary.Count > 0)
        {
            foreach (var field in report.Summary)
            {
                output.Write(Field(field.Label) + "," + Field(field.Value) + "\r\n");
            }
            output.Write("\r\n");
        }
        output.Write(string.Join(",", report.Columns.Select(c => Field(c.Key))) + "\r\n");
        foreach (var row in report.Rows)
        {
            output.Write(string.Join(",", row.Select(v => Field(ReportText.ForCsv(v)))) + "\r\n");
        }
    }

    private static string Field(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
