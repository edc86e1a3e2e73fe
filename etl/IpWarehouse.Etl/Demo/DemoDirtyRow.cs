namespace IpWarehouse.Etl.Demo;

/// <summary>
/// A row the demo wrote on purpose so that the loader quarantines it. Each dirty row has exactly one
/// problem, so its reason is the one SOURCES.md prescribes whatever the column order.
/// </summary>
/// <param name="Source">The source name in ipwh.json.</param>
/// <param name="Kind">The layout: <c>patents</c>, <c>trademarks</c> …</param>
/// <param name="File">The file relative to the demo folder, as in <see cref="DemoFile.Path"/> (cases.db for the case system).</param>
/// <param name="Row">
/// The row as the operator sees it: the CSV line number (the header is line 1), the XLSX sheet row, or
/// the 1-based ordinal of a row of table IpCases in a full read (rowid order, which is also UpdatedAt order).
/// </param>
/// <param name="Column">The canonical column holding the problem.</param>
/// <param name="Reason">The quarantine reason code of SOURCES.md (<c>bad_check_digit</c> …).</param>
/// <param name="Value">The raw value written, or null when the cell is empty.</param>
/// <param name="Why">What is wrong, in a few words.</param>
public sealed record DemoDirtyRow(string Source, string Kind, string File, long Row, string Column, string Reason, string? Value, string Why);
