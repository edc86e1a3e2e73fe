using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace IpWarehouse.DuckDb;

/// <summary>
/// A query parameter. Named parameters match <c>$name</c> in the SQL (a leading <c>$</c>, <c>@</c> or
/// <c>:</c> on <see cref="ParameterName"/> is ignored); unnamed ones bind to <c>?</c> and <c>$1</c>, <c>$2</c>, … in order.
/// </summary>
public sealed class DuckDBParameter : DbParameter
{
    private string parameterName = string.Empty;
    private string sourceColumn = string.Empty;

    /// <summary>Creates an unnamed parameter with no value.</summary>
    public DuckDBParameter()
    {
    }

    /// <summary>Creates a positional parameter.</summary>
    public DuckDBParameter(object? value)
    {
        Value = value;
    }

    /// <summary>Creates a named parameter.</summary>
    public DuckDBParameter(string name, object? value)
    {
        ParameterName = name;
        Value = value;
    }

    /// <inheritdoc />
    public override DbType DbType { get; set; } = DbType.Object;

    /// <inheritdoc />
    public override ParameterDirection Direction
    {
        get => ParameterDirection.Input;
        set
        {
            if (value != ParameterDirection.Input)
            {
                throw new NotSupportedException("DuckDB parameters are input only.");
            }
        }
    }

    /// <inheritdoc />
    public override bool IsNullable { get; set; } = true;

    /// <inheritdoc />
    [AllowNull]
    public override string ParameterName
    {
        get => parameterName;
        set => parameterName = value ?? string.Empty;
    }

    /// <inheritdoc />
    public override int Size { get; set; }

    /// <inheritdoc />
    [AllowNull]
    public override string SourceColumn
    {
        get => sourceColumn;
        set => sourceColumn = value ?? string.Empty;
    }

    /// <inheritdoc />
    public override bool SourceColumnNullMapping { get; set; }

    /// <inheritdoc />
    public override object? Value { get; set; }

    /// <inheritdoc />
    public override void ResetDbType() => DbType = DbType.Object;

    internal string NormalizedName => parameterName.TrimStart('$', '@', ':');
}
