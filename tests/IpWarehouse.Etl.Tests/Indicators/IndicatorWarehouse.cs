using System.Globalization;
using DuckDB.NET.Data;
using IpWarehouse.Etl.DuckDb;
using IpWarehouse.Etl.Indicators;
using IpWarehouse.Etl.Tests.Demo;
using WarehouseSchema = IpWarehouse.Etl.Warehouse.Schema;

namespace IpWarehouse.Etl.Tests.Indicators;

/// A fresh in-memory warehouse with the repository's DDL (warehouse-sql/schema/, never a copy), the four
/// regions of 临夏 the tests need, and helpers that insert facts with only the columns a test cares about
/// and read mart_indicator back. Each test builds its own.
public sealed class IndicatorWarehouse : IDisposable
{
    public const string Gansu = "620000";
    public const string Linxia = "622900";
    public const string LinxiaCity = "622901";
    public const string LinxiaCounty = "622921";

    /// 2024-03-01 08:00 Asia/Shanghai.
    public static readonly FixedClock Clock = new(new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero));

    private int rowNumber;

    public IndicatorWarehouse(DuckDBConnection? connection = null)
    {
        Connection = connection ?? DuckDbFactory.OpenInMemory();
        WarehouseSchema.Apply(Connection, Clock);
        // 甘肃省 → 临夏回族自治州 → 临夏市 / 临夏县
        Execute("""
            INSERT INTO dim_region (region_code, name, short_name, level, parent_code, province_code, city_code, valid_from, is_current) VALUES
              ('620000', '甘肃省', '甘肃', 'province', NULL, '620000', NULL, DATE '2000-01-01', TRUE),
              ('622900', '临夏回族自治州', '临夏', 'city', '620000', '620000', '622900', DATE '2000-01-01', TRUE),
              ('622901', '临夏市', '临夏市', 'county', '622900', '620000', '622900', DATE '2000-01-01', TRUE),
              ('622921', '临夏县', '临夏县', 'county', '622900', '620000', '622900', DATE '2000-01-01', TRUE)
            """);
    }

    public DuckDBConnection Connection { get; }

    public static readonly string[] Regions = [Gansu, Linxia, LinxiaCity, LinxiaCounty];

    public void Patent(string no, string type, string applied, string? granted = null, string? lapsed = null,
        string region = LinxiaCity, bool hvSei = false, bool hvPledge = false, string method = "code", string? given = null, string? abnormal = null) =>
        Execute("""
            INSERT INTO fact_patent (application_no, patent_type, application_date, grant_date, lapse_date, first_applicant_name,
              applicant_type, region_code, attribution_method, hv_sei, hv_pledge, source_name, batch_id, source_row, first_loaded_batch, updated_batch,
              given_region_code, abnormal_date)
            VALUES ($no, $type, $applied, $granted, $lapsed, '申请人', 'enterprise', $region, $method, $hv_sei, $hv_pledge, 'test', 'b1', $row, 'b1', 'b1',
              $given, $abnormal)
            """,
            ("no", no), ("type", type), ("applied", Date(applied)), ("granted", Date(granted)), ("lapsed", Date(lapsed)),
            ("region", region), ("hv_sei", hvSei), ("hv_pledge", hvPledge), ("row", ++rowNumber), ("method", method), ("given", given),
            ("abnormal", Date(abnormal)));

    public void Trademark(string no, string applied, string? registered = null, string? expiry = null, string? cancelled = null,
        string region = LinxiaCity, bool gi = false, string kind = "ordinary", string? wellKnown = null) =>
        Execute("""
            INSERT INTO fact_trademark (application_no, mark_kind, is_gi, application_date, registration_date, expiry_date, cancellation_date,
              applicant_name, region_code, attribution_method, source_name, batch_id, source_row, first_loaded_batch, updated_batch, well_known_date)
            VALUES ($no, $kind, $gi, $applied, $registered, $expiry, $cancelled, '注册人', $region, 'code', 'test', 'b1', $row, 'b1', 'b1', $well_known)
            """,
            ("no", no), ("kind", kind), ("gi", gi), ("applied", Date(applied)), ("registered", Date(registered)),
            ("expiry", Date(expiry)), ("cancelled", Date(cancelled)), ("region", region), ("row", ++rowNumber), ("well_known", Date(wellKnown)));

    public void Pledge(string no, string registered, decimal amount, string? cancelled = null, string region = LinxiaCity) =>
        Execute("""
            INSERT INTO fact_pledge (pledge_no, registration_date, pledgor_name, amount, ip_type, region_code, cancelled_date,
              source_name, batch_id, source_row, first_loaded_batch, updated_batch)
            VALUES ($no, $registered, '出质人', $amount, 'patent', $region, $cancelled, 'test', 'b1', $row, 'b1', 'b1')
            """,
            ("no", no), ("registered", Date(registered)), ("amount", amount), ("cancelled", Date(cancelled)), ("region", region), ("row", ++rowNumber));

    public void Copyright(string no, string registered, string region = LinxiaCity) =>
        Execute("""
            INSERT INTO fact_copyright (registration_no, registration_date, owner_name, region_code, source_name, batch_id, source_row, first_loaded_batch, updated_batch)
            VALUES ($no, $registered, '著作权人', $region, 'test', 'b1', $row, 'b1', 'b1')
            """,
            ("no", no), ("registered", Date(registered)), ("region", region), ("row", ++rowNumber));

    public void GiProduct(string name, string approved, string? revoked = null, string region = LinxiaCity) =>
        Execute("""
            INSERT INTO fact_gi_product (product_name, approval_date, region_code, revoked_date, source_name, batch_id, source_row, first_loaded_batch, updated_batch)
            VALUES ($name, $approved, $region, $revoked, 'test', 'b1', $row, 'b1', 'b1')
            """,
            ("name", name), ("approved", Date(approved)), ("region", region), ("revoked", Date(revoked)), ("row", ++rowNumber));

    public void Case(string no, string filed, string? closed = null, string type = "trademark_infringement", int suspended = 0,
        string region = LinxiaCity, bool online = false, string? transferred = null, decimal? fine = null, string? department = null,
        string? campaign = null) =>
        Execute("""
            INSERT INTO fact_case (case_no, case_type, filed_date, closed_date, transferred_date, suspended_days, is_online, region_code,
              fine_amount, department, campaign, source_name, batch_id, source_row, first_loaded_batch, updated_batch)
            VALUES ($no, $type, $filed, $closed, $transferred, $suspended, $online, $region, $fine, $department, $campaign, 'test', 'b1', $row, 'b1', 'b1')
            """,
            ("no", no), ("type", type), ("filed", Date(filed)), ("closed", Date(closed)), ("transferred", Date(transferred)),
            ("suspended", suspended), ("online", online), ("region", region), ("fine", fine), ("department", department), ("campaign", campaign),
            ("row", ++rowNumber));

    public void Payment(string no, string program, string paid, decimal amount, string recipient = "P-A", string recipientType = "legal_entity",
        decimal? baseAmount = null, bool major = false, string level = "county", string region = LinxiaCity, string? related = null) =>
        Execute("""
            INSERT INTO fact_subsidy_payment (payment_no, program, recipient_name, recipient_type, recipient_party_id, base_amount, paid_amount,
              paid_date, gov_level, region_code, related_no, is_foreign_or_major, source_name, batch_id, source_row, first_loaded_batch, updated_batch)
            VALUES ($no, $program, '受助人', $recipient_type, $recipient, $base, $amount, $paid, $level, $region, $related, $major,
              'test', 'b1', $row, 'b1', 'b1')
            """,
            ("no", no), ("program", program), ("recipient_type", recipientType), ("recipient", recipient), ("base", baseAmount),
            ("amount", amount), ("paid", Date(paid)), ("level", level), ("region", region), ("related", related), ("major", major),
            ("row", ++rowNumber));

    public void Population(string region, int year, long population, string type = "resident") =>
        Execute("""
            INSERT INTO fact_population (region_code, year, population_type, population, source_name, batch_id, source_row, first_loaded_batch, updated_batch)
            VALUES ($region, $year, $type, $population, 'test', 'b1', $row, 'b1', 'b1')
            """,
            ("region", region), ("year", year), ("type", type), ("population", population), ("row", ++rowNumber));

    public void Designation(string? creditCode, string name, string designation, string level, int year, string region) =>
        Execute("""
            INSERT INTO fact_designation (credit_code, enterprise_name, designation, level, year, region_code, source_name, batch_id, source_row,
              first_loaded_batch, updated_batch)
            VALUES ($credit, $name, $designation, $level, $year, $region, 'test', 'b1', $row, 'b1', 'b1')
            """,
            ("credit", creditCode), ("name", name), ("designation", designation), ("level", level), ("year", year), ("region", region),
            ("row", ++rowNumber));

    public void Training(string id, string date, long personTimes, string region) =>
        Execute("""
            INSERT INTO fact_training (event_id, event_date, region_code, person_times, source_name, batch_id, source_row, first_loaded_batch, updated_batch)
            VALUES ($id, $date, $region, $person_times, 'test', 'b1', $row, 'b1', 'b1')
            """,
            ("id", id), ("date", Date(date)), ("region", region), ("person_times", personTimes), ("row", ++rowNumber));

    public IndicatorBuild Build(IndicatorSettings? settings = null) =>
        IndicatorMart.Build(Connection, settings ?? IndicatorSettings.Default, Clock);

    public void AsOf(int year, string asOf, IndicatorSettings? settings = null) =>
        IndicatorMart.ComputeAsOf(Connection, settings ?? IndicatorSettings.Default, year, DateOnly.ParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture), Clock);

    /// The mart row of a region, indicator and year (period 'year'); fails when there is not exactly one.
    public MartRow Row(string region, string indicator, int year, string table = IndicatorMart.IndicatorTable)
    {
        var rows = Rows(table, "region_code = $region AND indicator = $indicator AND year = $year",
            ("region", region), ("indicator", indicator), ("year", year));
        Assert.True(rows.Count == 1, $"{table} has {rows.Count} rows for {region} {indicator} {year}, not 1.");
        return rows[0];
    }

    public double? Value(string region, string indicator, int year) => Row(region, indicator, year).Value;

    public double? AsOfValue(string region, string indicator, int year) => Row(region, indicator, year, IndicatorMart.AsOfTable).Value;

    /// Asserts a value: null means missing; numbers compare to 1e-9.
    public void AssertValue(double? expected, string region, string indicator, int year, string table = IndicatorMart.IndicatorTable)
    {
        var actual = Row(region, indicator, year, table).Value;
        if (expected is null)
        {
            Assert.True(actual is null, $"{region} {indicator} {year}: expected missing (NULL), got {actual}.");
            return;
        }
        Assert.True(actual is not null, $"{region} {indicator} {year}: expected {expected}, got NULL.");
        Assert.True(Math.Abs(expected.Value - actual.Value) <= 1e-9 * Math.Max(1, Math.Abs(expected.Value)),
            $"{region} {indicator} {year}: expected {expected}, got {actual}.");
    }

    public List<MartRow> Rows(string table, string where, params (string Name, object? Value)[] parameters)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = $"""
            SELECT region_code, indicator, year, period, period_start, period_end, value, numerator, denominator, settings
            FROM {table} WHERE {where} ORDER BY region_code, indicator, year
            """;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(name, value));
        }
        using var reader = command.ExecuteReader();
        var rows = new List<MartRow>();
        while (reader.Read())
        {
            rows.Add(new MartRow(
                reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3),
                reader.GetFieldValue<DateOnly>(4), reader.GetFieldValue<DateOnly>(5),
                Nullable(reader, 6), Nullable(reader, 7), Nullable(reader, 8), reader.GetString(9)));
        }
        return rows;
    }

    /// Every row of a query as invariant text (null stays null).
    public List<string?[]> Query(string sql) => Schema.SchemaDatabase.Rows(Connection, sql);

    public void Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(name, value));
        }
        command.ExecuteNonQuery();
    }

    private static double? Nullable(DuckDBDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);

    private static DateOnly? Date(string? text) =>
        text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public void Dispose() => Connection.Dispose();
}

public sealed record MartRow(
    string RegionCode, string Indicator, int Year, string Period, DateOnly PeriodStart, DateOnly PeriodEnd,
    double? Value, double? Numerator, double? Denominator, string Settings);
