using IpWarehouse.Etl.Tests.Demo;

namespace IpWarehouse.Etl.Tests.Warehouse;

/// Every DuckDB type a statistician's query can return, with what the output must show: the JSON value (as its
/// raw JSON text) and the text of a CSV cell or table cell. Written by hand from DuckDB's documented rendering;
/// linked into the CLI and web tests too, so all three outputs are held to the same list.
public static class TypeCases
{
    public static readonly IReadOnlyList<(string Column, string Sql, string Json, string Text)> All =
    [
        ("interval_months", "INTERVAL '1 year 2 months 3 days 04:05:06.789'", "\"1 year 2 months 3 days 04:05:06.789\"", "1 year 2 months 3 days 04:05:06.789"),
        ("interval_negative", "INTERVAL '-1 month'", "\"-1 month\"", "-1 month"),
        ("blob", "'\\xAA\\xBB'::BLOB", "\"\\\\xAA\\\\xBB\"", "\\xAA\\xBB"),
        ("list_with_null", "[1, 2, NULL]", "[1,2,null]", "[1,2,null]"),
        ("struct", "{'a': 1, 'b': 'x'}", "{\"a\":1,\"b\":\"x\"}", "{\"a\":1,\"b\":\"x\"}"),
        ("map_with_null", "MAP {'k': 1, 'l': NULL}", "{\"k\":1,\"l\":null}", "{\"k\":1,\"l\":null}"),
        ("union", "union_value(num := 2)::UNION(num INTEGER, str VARCHAR)", "{\"num\":2}", "{\"num\":2}"),
        ("fixed_array", "[1, 2, 3]::INTEGER[3]", "[1,2,3]", "[1,2,3]"),
        ("hugeint", "170141183460469231731687303715884105727::HUGEINT", "170141183460469231731687303715884105727", "170141183460469231731687303715884105727"),
        ("uhugeint", "340282366920938463463374607431768211455::UHUGEINT", "340282366920938463463374607431768211455", "340282366920938463463374607431768211455"),
        ("timetz", "'12:34:56+05:30'::TIMETZ", "\"12:34:56+05:30\"", "12:34:56+05:30"),
        ("bit", "'0101'::BIT", "\"0101\"", "0101"),
        ("bignum", "'123456789012345678901234567890123456789012'::BIGNUM", "123456789012345678901234567890123456789012", "123456789012345678901234567890123456789012"),
        ("enum", "'happy'::ENUM('sad', 'happy')", "\"happy\"", "happy"),
        ("uuid", "'6ec22aed-867c-4e5d-9e51-a8d6b5861f5c'::UUID", "\"6ec22aed-867c-4e5d-9e51-a8d6b5861f5c\"", "6ec22aed-867c-4e5d-9e51-a8d6b5861f5c"),
        ("decimal_38", "12345678901234567890123456789012.345678::DECIMAL(38,6)", "12345678901234567890123456789012.345678", "12345678901234567890123456789012.345678"),
        ("decimal_18", "-1234.5::DECIMAL(18,2)", "-1234.50", "-1234.50"),
        ("timestamp_ns", "'2024-01-01 12:00:00.123456789'::TIMESTAMP_NS", "\"2024-01-01 12:00:00.123456789\"", "2024-01-01 12:00:00.123456789"),
        ("timestamp", "TIMESTAMP '2024-02-29 23:59:58.5'", "\"2024-02-29 23:59:58.5\"", "2024-02-29 23:59:58.5"),
        ("date", "DATE '2024-02-29'", "\"2024-02-29\"", "2024-02-29"),
        ("date_infinity", "'infinity'::DATE", "\"infinity\"", "infinity"),
        ("nested", "[{'x': [1, NULL], 'y': MAP {'a': [1]}}]", "[{\"x\":[1,null],\"y\":{\"a\":[1]}}]", "[{\"x\":[1,null],\"y\":{\"a\":[1]}}]"),
        ("null_list", "NULL::INTEGER[]", "null", ""),
        ("nan_in_list", "['NaN'::DOUBLE, 1.5]", "\"[NaN,1.5]\"", "[NaN,1.5]"),
        ("double_nan", "'NaN'::DOUBLE", "null", "NaN"),
        ("text", "'甘肃, \"省\"'", "\"甘肃, \\\"省\\\"\"", "甘肃, \"省\""),
    ];

    /// One query returning every case as a column, in order.
    public static string Query => "SELECT " + string.Join(", ", All.Select(c => $"{c.Sql} AS {c.Column}"));

    /// The records of a CSV answer (no cell holds a line break here).
    public static List<string[]> ParseCsv(string text) =>
        text.TrimStart('\uFEFF').Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).Select(CsvText.Split).ToList();
}
