namespace IpWarehouse.Etl.Warehouse;

/// <summary>
/// The warehouse's tables could not be created or checked: a DDL file of warehouse-sql/schema/ failed,
/// or the warehouse was written by a newer program. Never transient: the program or the file must change.
/// </summary>
public sealed class SchemaException : EtlException
{
    /// <summary>Creates a schema error.</summary>
    public SchemaException()
    {
    }

    /// <summary>Creates a schema error.</summary>
    public SchemaException(string message)
        : base(message)
    {
    }

    /// <summary>Creates a schema error with its cause.</summary>
    public SchemaException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The DDL file that failed, relative to warehouse-sql/ (e.g. <c>schema/100_fact_patent.sql</c>).</summary>
    public string? SqlFile { get; init; }

    /// <summary>The schema version recorded in the warehouse, when it is newer than the program's.</summary>
    public int? WarehouseVersion { get; init; }
}
