namespace IpWarehouse.Etl.Planning;

/// <summary>
/// A planner's table, format-neutral: what <see cref="ReportCsv"/>, <see cref="ReportXlsx"/> and the CLI's
/// table write (JSON is written from the typed rows by <see cref="PlanningJson"/>).
/// </summary>
/// <param name="Title">The title, e.g. 专利申请量 排名 · 甘肃省各市州 · 2024年.</param>
/// <param name="Notes">Lines under the title: as-of, 数据截至 … 批次 …, the parent's value.</param>
/// <param name="Columns">The columns.</param>
/// <param name="Rows">One value per column: string, long, int, double, DateOnly, bool or null.</param>
public sealed record Report(string Title, IReadOnlyList<string> Notes, IReadOnlyList<ReportColumn> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    /// <summary>Label and value pairs written above the table (ipwh explain's summary); empty for most reports.</summary>
    public IReadOnlyList<ReportField> Summary { get; init; } = [];

    /// <summary>The worksheet's name (at most 31 characters).</summary>
    public string SheetName { get; init; } = "报表";
}

/// <summary>One column of a <see cref="Report"/>.</summary>
/// <param name="Key">The snake_case key (the JSON key and the CSV header), e.g. <c>region_code</c>.</param>
/// <param name="Header">The Chinese header, e.g. 地区代码.</param>
/// <param name="Kind">How values are typed and formatted.</param>
/// <param name="Unit">The unit shown with the header (件, %, 元 …); null for none.</param>
/// <param name="Decimals">Decimals shown for numbers (the value itself is never rounded); -1 for a column of mixed units: none for whole numbers, else two.</param>
/// <param name="InTable">Shown in the terminal table too (false for codes a person reads from the next column, to keep it narrow).</param>
public sealed record ReportColumn(string Key, string Header, ReportKind Kind, string? Unit = null, int Decimals = 2, bool InTable = true)
{
    /// <summary>
    /// For a number the warehouse keeps exact (money, DECIMAL(18,2)): its scale, so Parquet writes DECIMAL(18, scale)
    /// rather than DOUBLE; null for other numbers.
    /// </summary>
    public int? ExactScale { get; init; }

    /// <summary>The header with its unit, e.g. 指标值（件）.</summary>
    public string HeaderWithUnit => Unit is null ? Header : $"{Header}（{Unit}）";
}

/// <summary>How a report column's values are typed and shown.</summary>
public enum ReportKind
{
    /// <summary>Text.</summary>
    Text,

    /// <summary>A whole number (rank, row number).</summary>
    Integer,

    /// <summary>A number shown with <see cref="ReportColumn.Decimals"/> decimals.</summary>
    Number,

    /// <summary>A date, yyyy-MM-dd.</summary>
    Date,

    /// <summary>Yes or no (是/否 for people, true/false in CSV).</summary>
    Boolean,

    /// <summary>A change of rank: positive moved up (↑), negative down (↓), 0 unchanged (→).</summary>
    RankChange,
}

/// <summary>A label and a value above a report's table.</summary>
/// <param name="Label">The label, in Chinese.</param>
/// <param name="Value">The value as text.</param>
public sealed record ReportField(string Label, string Value);
