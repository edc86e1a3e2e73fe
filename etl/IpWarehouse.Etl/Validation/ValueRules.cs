using DuckDB.NET.Data;

namespace IpWarehouse.Etl.Validation;

/// <summary>
/// The value rules and identifier checks of SOURCES.md as set-based DuckDB SQL: scalar macros named
/// <c>ipwh_*</c> (<c>ipwh_clean</c>, <c>ipwh_date</c>, <c>ipwh_amount</c>, <c>ipwh_patent_no_ok</c>,
/// <c>ipwh_uscc_ok</c>, <c>ipwh_enum</c> …) from <c>warehouse-sql/macros/</c>, and the enumeration table
/// <c>ref_enum</c> from <c>warehouse-sql/reference/enums.csv</c>. The validator applies them to whole
/// staging tables (all VARCHAR) inside DuckDB; no value is parsed row by row in .NET.
/// </summary>
/// <remarks>
/// Parse macros return the typed value or NULL. The caller tells an empty value
/// (<c>ipwh_clean(raw) IS NULL</c>) from a bad one (non-empty raw, NULL parse). The <c>*_ok</c> checks
/// return NULL for an empty value and FALSE for any non-empty value that is not a valid code.
/// Pass raw columns: each macro evaluates its expensive parts once per row, in a SELECT list as in a
/// WHERE or JOIN condition (warehouse-sql/macros/010_text.sql explains how).
/// </remarks>
public static partial class ValueRules
{
    /// <summary>The macro files under warehouse-sql/, in the order they run: later files call earlier macros.</summary>
    public static IReadOnlyList<string> MacroFiles { get; } =
    [
        "macros/010_text.sql",
        "macros/020_values.sql",
        "macros/030_patent_numbers.sql",
        "macros/040_identity_codes.sql",
        "macros/050_enums.sql",
    ];

    /// <summary>The enumeration aliases under warehouse-sql/: <c>layout,column,alias,value</c>.</summary>
    public const string EnumFile = "reference/enums.csv";

    /// <summary>The table the enumeration aliases are loaded into: layout, column_name, alias_key, value.</summary>
    public const string EnumTable = "ref_enum";

    /// <summary>
    /// Creates (or replaces) the macros and <c>ref_enum</c> in the connection's database, where they
    /// persist (a database file keeps them). Idempotent: running it again, e.g. after an upgrade,
    /// replaces them.
    /// </summary>
    /// <exception cref="FileNotFoundException">A SQL file or enums.csv is missing next to the program.</exception>
    /// <exception cref="InvalidOperationException">A macro file fails to run; the message names the file.</exception>
    /// <exception cref="InvalidDataException">enums.csv has an incomplete row or an alias meaning two values.</exception>
    public static void Install(DuckDBConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var enumCsv = Path.Combine(WarehouseSql.Root, EnumFile);
        if (!File.Exists(enumCsv))
        {
            throw new FileNotFoundException(
                $"The enumeration file '{EnumFile}' is missing from {WarehouseSql.Root}. Rebuild: the build copies warehouse-sql/ next to the program.",
                enumCsv);
        }
        Install(connection, enumCsv);
    }

    /// Installs with another enumeration file (tests of the file checks).
    internal static void Install(DuckDBConnection connection, string enumCsv)
    {
        foreach (var file in MacroFiles)
        {
            using var command = connection.CreateCommand();
            command.CommandText = WarehouseSql.Read(file);
            // Only 050_enums.sql uses $enum_csv; each statement binds just the parameters it names.
            command.Parameters.Add(new DuckDBParameter("enum_csv", enumCsv));
            try
            {
                command.ExecuteNonQuery();
            }
            catch (DuckDBException error)
            {
                throw new InvalidOperationException($"warehouse-sql/{file} could not be installed: {error.Message}", error);
            }
        }

        CheckEnumTable(connection, enumCsv);
    }
}
