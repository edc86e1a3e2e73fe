namespace IpWarehouse.Etl.Layouts;

/// <summary>One canonical column of a layout, as SOURCES.md defines it.</summary>
public sealed record LayoutColumn
{
    /// <summary>The canonical English name, also the staging and warehouse column name.</summary>
    public required string Name { get; init; }

    /// <summary>Chinese header names recognised for this column, in order of preference.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>True for <c>*</c> columns: an empty or absent value quarantines the row as <c>missing_required</c>.</summary>
    public bool Required { get; init; }

    /// <summary>How the value is read.</summary>
    public ColumnType Type { get; init; }

    /// <summary>The allowed values of <see cref="ColumnType.Enum"/> and <see cref="ColumnType.Flags"/> columns.</summary>
    public IReadOnlyList<EnumValue> EnumValues { get; init; } = [];

    /// <summary>The value an empty cell means (e.g. <c>0</c> for <c>suspended_days</c>); null when empty means null.</summary>
    public string? DefaultWhenEmpty { get; init; }

    /// <summary>
    /// True for dates that may lie in the future (expiry). Other dates are event dates and must fall in
    /// 1985-01-01 .. today + 1 year (<c>bad_date</c>).
    /// </summary>
    public bool FutureAllowed { get; init; }

    /// <summary>
    /// True for prose a person types (names, addresses, topics): a CSV cell of it may span lines. In any
    /// other column a line break means a stray quote swallowed lines, and the record is quarantined as
    /// <c>bad_row_shape</c>.
    /// </summary>
    public bool FreeText { get; init; }

    /// <summary>True for personal identifiers that are checked, hashed and masked on load and never stored in clear.</summary>
    public bool Sensitive { get; init; }

    /// <summary>True for dates whose range is checked as an event date (see <see cref="FutureAllowed"/>).</summary>
    public bool IsEventDate => Type == ColumnType.Date && !FutureAllowed;
}
