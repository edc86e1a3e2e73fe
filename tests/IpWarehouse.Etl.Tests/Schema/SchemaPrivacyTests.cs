using System.Text.RegularExpressions;

namespace IpWarehouse.Etl.Tests.Schema;

/// Personal ID numbers (公民身份号码) are stored only as salted hash and mask (DESIGN.md, dim_party): no
/// column of the warehouse may be named like one that holds the raw number.
public sealed partial class SchemaPrivacyTests : IDisposable
{
    private readonly SchemaDatabase database = new();

    [Fact]
    public void No_column_is_named_like_a_raw_id_number()
    {
        var offenders = SchemaDatabase.Rows(database.Connection, """
                SELECT table_name || '.' || column_name, column_name
                FROM duckdb_columns()
                WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal
                ORDER BY 1
                """)
            .Where(row => LooksLikeRawId(row[1]!))
            .Select(row => row[0]!)
            .ToList();

        Assert.True(offenders.Count == 0,
            $"Columns named like a raw ID number (store only <name>_hash and <name>_mask): {string.Join(", ", offenders)}");
    }

    [Fact]
    public void Persons_are_identified_by_hash_and_mask()
    {
        var columns = SchemaDatabase.Rows(database.Connection, """
                SELECT table_name || '.' || column_name FROM duckdb_columns()
                WHERE column_name LIKE '%id_hash' OR column_name LIKE '%id_mask'
                ORDER BY 1
                """)
            .Select(row => row[0]!);

        Assert.Equal(
            ["dim_party.id_hash", "dim_party.id_mask", "fact_subsidy_payment.recipient_id_hash", "fact_subsidy_payment.recipient_id_mask"],
            columns);
    }

    [Theory]
    [InlineData("id_number")]
    [InlineData("recipient_id")]
    [InlineData("id_no")]
    [InlineData("idcard")]
    [InlineData("id_card_no")]
    [InlineData("identity_number")]
    [InlineData("resident_id")]
    [InlineData("citizen_id_raw")]
    [InlineData("person_id")]
    [InlineData("applicant_id_number")]
    [InlineData("sfzh")]
    public void The_rule_catches_raw_id_names(string column) => Assert.True(LooksLikeRawId(column), column);

    [Theory]
    [InlineData("id_hash")]
    [InlineData("id_mask")]
    [InlineData("recipient_id_hash")]
    [InlineData("recipient_id_mask")]
    [InlineData("party_id")]
    [InlineData("first_applicant_party_id")]
    [InlineData("batch_id")]
    [InlineData("event_id")]
    [InlineData("credit_code")]
    [InlineData("application_no")]
    public void The_rule_lets_keys_hashes_and_masks_pass(string column) => Assert.False(LooksLikeRawId(column), column);

    /// A column name that says it holds a personal identification number, unless it is its hash or mask.
    internal static bool LooksLikeRawId(string column) =>
        !column.EndsWith("_hash", StringComparison.Ordinal)
        && !column.EndsWith("_mask", StringComparison.Ordinal)
        && RawIdName().IsMatch(column);

    [GeneratedRegex(@"(^|_)(id_?(number|num|no|card)|identity|(recipient|person|resident|citizen|national|personal)_id|sfz|sfzh|zjhm)($|_)")]
    private static partial Regex RawIdName();

    public void Dispose() => database.Dispose();
}
