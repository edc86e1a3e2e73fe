namespace IpWarehouse.Etl.Layouts;

/// <summary>How the validator reads a canonical column's text (SOURCES.md, "Value rules for every kind").</summary>
public enum ColumnType
{
    /// <summary>Free text, trimmed (identifiers such as application numbers and credit codes included).</summary>
    Text,

    /// <summary>A date: ISO, <c>2023/5/6</c>, <c>20230506</c>, <c>2023年5月6日</c>, Excel serials; empty is null.</summary>
    Date,

    /// <summary>Yuan; <c>1.5万</c> means 15000; thousands separators allowed; never negative.</summary>
    Amount,

    /// <summary>A whole number (count, year, days); never negative.</summary>
    Integer,

    /// <summary>A decimal number that is not money (e.g. a target value).</summary>
    Number,

    /// <summary><c>true/false</c>, <c>1/0</c>, <c>是/否</c>, <c>Y/N</c>.</summary>
    Boolean,

    /// <summary>One of <see cref="LayoutColumn.EnumValues"/>, by code or Chinese alias.</summary>
    Enum,

    /// <summary>Several of <see cref="LayoutColumn.EnumValues"/>, comma separated.</summary>
    Flags,

    /// <summary>A GB/T 2260 region code (6 digits; 12-digit codes cut, 2/4-digit prefixes padded).</summary>
    RegionCode,
}
