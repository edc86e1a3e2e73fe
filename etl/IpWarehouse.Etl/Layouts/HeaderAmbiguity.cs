namespace IpWarehouse.Etl.Layouts;

/// <summary>Two headers of one file that name the same canonical column.</summary>
/// <param name="Column">The canonical column, e.g. <c>person_times</c>.</param>
/// <param name="Headers">The two headers as written, e.g. <c>人次</c> and <c>person_times</c>.</param>
/// <param name="Positions">Their 0-based positions in the header row.</param>
/// <param name="Mapped">True when the column is mapped in <c>columns</c> and the mapped name itself occurs twice.</param>
public sealed record HeaderAmbiguity(string Column, IReadOnlyList<string> Headers, IReadOnlyList<int> Positions, bool Mapped);
