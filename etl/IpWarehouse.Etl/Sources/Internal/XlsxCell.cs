namespace IpWarehouse.Etl.Sources.Internal;

/// How a cell's value is stored in the sheet XML.
internal enum XlsxCellKind
{
    Text,
    Number,
    Boolean,
    Error,
    IsoDate,
}

/// One non-empty cell: zero-based column, kind, stored text (shared strings already resolved), style.
internal readonly record struct XlsxCell(int Column, XlsxCellKind Kind, string Raw, uint Style);

/// One sheet row as Excel numbers it (1-based), with its non-empty cells in column order.
internal sealed record XlsxRow(long Number, IReadOnlyList<XlsxCell> Cells)
{
    /// White space includes U+3000 and U+00A0 for char.IsWhiteSpace.
    public bool IsBlank => Cells.All(c => string.IsNullOrWhiteSpace(c.Raw));
}
