using DuckDB.NET.Data;
using DuckDB.NET.Native;
using IpWarehouse.Etl.DuckDb;

namespace IpWarehouse.Etl;

/// <summary>A file of <c>warehouse-sql/</c> failed: the message names the file and says what DuckDB said.</summary>
public sealed class WarehouseSqlException : EtlException
{
    /// <summary>Creates the error.</summary>
    public WarehouseSqlException()
    {
    }

    /// <summary>Creates the error with its message.</summary>
    public WarehouseSqlException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with its message and cause.</summary>
    public WarehouseSqlException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The error of <paramref name="file"/> (relative to <c>warehouse-sql/</c>) that DuckDB reported as <paramref name="error"/>.</summary>
    public WarehouseSqlException(string file, DuckDBException error)
        : base($"warehouse-sql/{file}: {error?.Message}", error)
    {
        ArgumentNullException.ThrowIfNull(error);
        SqlFile = file;
        Kind = DuckDbErrors.Kind(error);
    }

    /// <summary>The file, relative to <c>warehouse-sql/</c>.</summary>
    public string? SqlFile { get; }

    /// <summary>DuckDB's kind of error (see <see cref="DuckDbErrors.Kind"/>).</summary>
    public DuckDBErrorType Kind { get; }
}
