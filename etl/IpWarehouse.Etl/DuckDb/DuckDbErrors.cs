using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace IpWarehouse.Etl.DuckDb;

/// <summary>
/// What kind of error DuckDB reported. DuckDB.NET gives the type of errors raised while a statement runs, but
/// not of those raised while it is prepared (parser, catalog, binder, permission, …: they come as
/// <see cref="DuckDBErrorType.Invalid"/>); DuckDB's message always starts with the kind ("Binder Error: …"),
/// so that is where it is read from.
/// </summary>
public static class DuckDbErrors
{
    // DuckDB's Exception::ExceptionTypeToString, as it starts every message: "<name> Error: …".
    private static readonly (string Name, DuckDBErrorType Type)[] Prefixes =
    [
        ("Parser", DuckDBErrorType.Parser),
        ("Catalog", DuckDBErrorType.Catalog),
        ("Binder", DuckDBErrorType.Binder),
        ("Permission", DuckDBErrorType.Permission),
        ("Conversion", DuckDBErrorType.Conversion),
        ("Constraint", DuckDBErrorType.Constraint),
        ("Invalid Input", DuckDBErrorType.InvalidInput),
        ("Out of Range", DuckDBErrorType.OutOfRange),
        ("Out of Memory", DuckDBErrorType.OutOfMemory),
        ("IO", DuckDBErrorType.Io),
        ("INTERRUPT", DuckDBErrorType.Interrupt),
        ("TransactionContext", DuckDBErrorType.Transaction),
        ("Not implemented", DuckDBErrorType.NotImplemented),
        ("Dependency", DuckDBErrorType.Dependency),
        ("Settings", DuckDBErrorType.Settings),
        ("Syntax", DuckDBErrorType.Syntax),
        ("Planner", DuckDBErrorType.Planner),
        ("Optimizer", DuckDBErrorType.Optimizer),
        ("Executor", DuckDBErrorType.Executor),
        ("Divide by Zero", DuckDBErrorType.DivideByZero),
        ("Mismatch Type", DuckDBErrorType.MismatchType),
        ("Invalid type", DuckDBErrorType.InvalidType),
        ("Unknown Type", DuckDBErrorType.UnknownType),
        ("Decimal", DuckDBErrorType.Decimal),
        ("Sequence", DuckDBErrorType.Sequence),
        ("Missing Extension", DuckDBErrorType.MissingExtension),
        ("Extension Autoloading", DuckDBErrorType.Autoload),
        ("Parameter Not Resolved", DuckDBErrorType.ParameterNotResolved),
        ("Parameter Not Allowed", DuckDBErrorType.ParameterNotAllowed),
        ("Serialization", DuckDBErrorType.Serialization),
        ("Expression", DuckDBErrorType.Expression),
        ("Index", DuckDBErrorType.Index),
        ("Connection", DuckDBErrorType.Connection),
        ("INTERNAL", DuckDBErrorType.Internal),
        ("FATAL", DuckDBErrorType.Fatal),
        ("HTTP", DuckDBErrorType.Http),
    ];

    /// <summary>The kind of <paramref name="error"/>: DuckDB.NET's type when it gives one, else the message's prefix.</summary>
    public static DuckDBErrorType Kind(DuckDBException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.ErrorType != DuckDBErrorType.Invalid ? error.ErrorType : KindOf(error.Message);
    }

    /// <summary>The kind named at the start of a DuckDB message ("Binder Error: …"); <see cref="DuckDBErrorType.Invalid"/> when none is.</summary>
    public static DuckDBErrorType KindOf(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = message.AsSpan().TrimStart();
        foreach (var (name, type) in Prefixes)
        {
            if (text.StartsWith(name, StringComparison.OrdinalIgnoreCase) && text[name.Length..].StartsWith(" Error:", StringComparison.Ordinal))
            {
                return type;
            }
        }
        return DuckDBErrorType.Invalid;
    }

    /// <summary>True for a statement the person who wrote it can fix: it does not parse, names what is not there, or does not bind.</summary>
    public static bool IsStatementError(DuckDBErrorType kind) =>
        kind is DuckDBErrorType.Parser or DuckDBErrorType.Syntax or DuckDBErrorType.Catalog or DuckDBErrorType.Binder;

    /// <summary>True when DuckDB could not open a file because another process holds its lock.</summary>
    internal static bool IsLockConflict(string message) =>
        message.Contains("Could not set lock on file", StringComparison.OrdinalIgnoreCase) ||
        message.Contains("Conflicting lock", StringComparison.OrdinalIgnoreCase);
}
