using DuckDB.NET.Data;

namespace IpWarehouse.Etl.Planning;

public sealed partial class PlanningQueries
{
    /// <summary>
    /// The subsidy payments of a year (by paid date) that break a subsidy rule, one row per payment and
    /// rule broken, with the rule and the payment's source (<c>ipwh violations</c>).
    /// </summary>
    /// <exception cref="PlanningException">A year without data.</exception>
    public IReadOnlyList<SubsidyViolation> Violations(int year)
    {
        RequireYear(year);
        var regions = Regions; // read before the query: one statement at a time on a connection
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT v.payment_no, v.rule, v.rule_effective_from, v.detail, v.program, v.recipient_type, v.related_no, v.gov_level,
                   v.region_code, CAST(v.paid_date AS DATE), CAST(v.paid_amount AS DOUBLE), CAST(v.limit_amount AS DOUBLE), v.first_payment_no,
                   p.source_name, p.source_row, p.batch_id
            FROM mart_subsidy_violation AS v
            LEFT JOIN fact_subsidy_payment AS p ON p.payment_no = v.payment_no
            WHERE year(v.paid_date) = $year
            ORDER BY v.paid_date, v.payment_no, v.rule
            """;
        command.Parameters.Add(new DuckDBParameter("year", year));
        using var reader = command.ExecuteReader();
        var rows = new List<SubsidyViolation>();
        while (reader.Read())
        {
            var region = reader.GetString(8);
            rows.Add(new SubsidyViolation(
                reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetFieldValue<DateOnly>(2), reader.GetString(3),
                reader.GetString(4), reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetString(7),
                region, regions.NameOf(region), reader.GetFieldValue<DateOnly>(9), reader.GetDouble(10),
                reader.IsDBNull(11) ? null : reader.GetDouble(11), reader.IsDBNull(12) ? null : reader.GetString(12),
                reader.IsDBNull(13) ? null : reader.GetString(13), reader.IsDBNull(14) ? null : reader.GetInt64(14),
                reader.IsDBNull(15) ? null : reader.GetString(15)));
        }
        return rows;
    }
}
