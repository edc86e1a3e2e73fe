using System.Data.Common;

namespace IpWarehouse.DuckDb;

/// <summary>An error reported by DuckDB, with DuckDB's own message and error type.</summary>
public sealed class DuckDBException : DbException
{
    /// <summary>Creates an exception with DuckDB's message and error type.</summary>
    public DuckDBException(string message, DuckDBErrorType errorType = DuckDBErrorType.Invalid, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorType = errorType;
    }

    /// <summary>Creates an exception of type <see cref="DuckDBErrorType.Invalid"/>.</summary>
    public DuckDBException()
        : this("DuckDB reported an error.")
    {
    }

    /// <summary>Creates an exception of type <see cref="DuckDBErrorType.Invalid"/>.</summary>
    public DuckDBException(string message)
        : this(message, DuckDBErrorType.Invalid)
    {
    }

    /// <summary>Creates an exception of type <see cref="DuckDBErrorType.Invalid"/> with a cause.</summary>
    public DuckDBException(string message, Exception innerException)
        : this(message, DuckDBErrorType.Invalid, innerException)
    {
    }

    /// <summary>DuckDB's error class (<c>duckdb_error_type</c>): parser, constraint, conversion, IO, …</summary>
    public DuckDBErrorType ErrorType { get; }

    /// <summary>True when the database file is held by another process.</summary>
    public bool IsLocked { get; init; }

    /// <inheritdoc />
    public override bool IsTransient => IsLocked || ErrorType is DuckDBErrorType.Interrupt or DuckDBErrorType.Transaction;
}

/// <summary>DuckDB's <c>duckdb_error_type</c>.</summary>
public enum DuckDBErrorType
{
    /// <summary>No specific class.</summary>
    Invalid = 0,
    /// <summary>Value out of range.</summary>
    OutOfRange = 1,
    /// <summary>A value could not be converted to the requested type.</summary>
    Conversion = 2,
    /// <summary>Unknown type.</summary>
    UnknownType = 3,
    /// <summary>Decimal error.</summary>
    Decimal = 4,
    /// <summary>Types do not match.</summary>
    MismatchType = 5,
    /// <summary>Division by zero.</summary>
    DivideByZero = 6,
    /// <summary>Object too large.</summary>
    ObjectSize = 7,
    /// <summary>Invalid type.</summary>
    InvalidType = 8,
    /// <summary>Serialization error.</summary>
    Serialization = 9,
    /// <summary>Transaction conflict.</summary>
    Transaction = 10,
    /// <summary>Not implemented.</summary>
    NotImplemented = 11,
    /// <summary>Expression error.</summary>
    Expression = 12,
    /// <summary>Catalog error: an unknown table, column or function.</summary>
    Catalog = 13,
    /// <summary>Parser error: the SQL could not be read.</summary>
    Parser = 14,
    /// <summary>Planner error.</summary>
    Planner = 15,
    /// <summary>Scheduler error.</summary>
    Scheduler = 16,
    /// <summary>Executor error.</summary>
    Executor = 17,
    /// <summary>A constraint (primary key, unique, not null, check) was violated.</summary>
    Constraint = 18,
    /// <summary>Index error.</summary>
    Index = 19,
    /// <summary>Statistics error.</summary>
    Stat = 20,
    /// <summary>Connection error.</summary>
    Connection = 21,
    /// <summary>Syntax error.</summary>
    Syntax = 22,
    /// <summary>Settings error.</summary>
    Settings = 23,
    /// <summary>Binder error: names or types do not fit.</summary>
    Binder = 24,
    /// <summary>Network error.</summary>
    Network = 25,
    /// <summary>Optimizer error.</summary>
    Optimizer = 26,
    /// <summary>Null pointer.</summary>
    NullPointer = 27,
    /// <summary>Input/output error, including a file locked by another process.</summary>
    IO = 28,
    /// <summary>The query was interrupted (cancellation or timeout).</summary>
    Interrupt = 29,
    /// <summary>Fatal error: the database must be reopened.</summary>
    Fatal = 30,
    /// <summary>Internal error.</summary>
    Internal = 31,
    /// <summary>Invalid input.</summary>
    InvalidInput = 32,
    /// <summary>Out of memory.</summary>
    OutOfMemory = 33,
    /// <summary>Permission error, e.g. file access when external access is disabled.</summary>
    Permission = 34,
    /// <summary>A parameter's type could not be resolved.</summary>
    ParameterNotResolved = 35,
    /// <summary>Parameters are not allowed here.</summary>
    ParameterNotAllowed = 36,
    /// <summary>Dependency error.</summary>
    Dependency = 37,
    /// <summary>HTTP error.</summary>
    Http = 38,
    /// <summary>An extension is missing.</summary>
    MissingExtension = 39,
    /// <summary>Extension autoload failed.</summary>
    Autoload = 40,
    /// <summary>Sequence error.</summary>
    Sequence = 41,
    /// <summary>Invalid configuration.</summary>
    InvalidConfiguration = 42,
}
