namespace IpWarehouse.Etl.Demo;

/// <summary>One file (or database) the demo wrote, with the source of ipwh.json that reads it.</summary>
/// <param name="Source">The source name in ipwh.json, e.g. <c>cnipa-patents</c>.</param>
/// <param name="Kind">The layout of SOURCES.md: <c>patents</c>, <c>trademarks</c>, <c>cases</c> …</param>
/// <param name="Path">The path relative to the demo folder, with forward slashes (<c>drops/trademarks.xlsx</c>, <c>cases.db</c>).</param>
/// <param name="Format">How it is stored: <c>csv (GB18030)</c>, <c>csv (UTF-8)</c>, <c>xlsx</c>, <c>sqlite</c>.</param>
/// <param name="Rows">Data rows written (title rows and the header are not rows), dirty rows included.</param>
/// <param name="DirtyRows">How many of <paramref name="Rows"/> are meant to end in quarantine.</param>
public sealed record DemoFile(string Source, string Kind, string Path, string Format, int Rows, int DirtyRows);
