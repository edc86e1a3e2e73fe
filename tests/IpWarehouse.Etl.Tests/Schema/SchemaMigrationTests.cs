using IpWarehouse.Etl.Tests.Infrastructure;
using WarehouseSchema = IpWarehouse.Etl.Warehouse.Schema;

namespace IpWarehouse.Etl.Tests.Schema;

/// A warehouse written by schema version 1 (v1/schema_v1.sql: the tables version 2 changes, as they were)
/// takes version 2's shape on the next Apply, keeping its rows.
public sealed class SchemaMigrationTests : IDisposable
{
    private readonly SchemaDatabase fresh = new();
    private readonly SchemaDatabase old = new(apply: false);

    [Fact]
    public void A_version_1_warehouse_gets_the_shape_of_a_new_one_and_keeps_its_rows()
    {
        old.Execute(File.ReadAllText(Repository.File("tests", "IpWarehouse.Etl.Tests", "Schema", "v1", "schema_v1.sql")));
        old.Execute("""
            INSERT INTO schema_version VALUES (1, TIMESTAMPTZ '2024-01-15 01:30:00+08');
            INSERT INTO fact_target (region_code, year, indicator, comparator, target_value, source_name, batch_id, source_row, first_loaded_batch, updated_batch)
            VALUES ('622901', 2024, 'invention_share', '>=', 25, 'plan', 'b1', 3, 'b1', 'b1');
            INSERT INTO fact_case (case_no, case_type, filed_date, region_code, source_name, batch_id, source_row, first_loaded_batch, updated_batch)
            VALUES ('C-1', 'gi', DATE '2024-02-01', '622901', 'cases', 'b1', 2, 'b1', 'b1');
            """);
        old.Reopen();

        WarehouseSchema.Apply(old.Connection, new SchemaDatabase.FixedTimeProvider(SchemaDatabase.AppliedAt));

        Assert.Equal(SchemaSurface.Lines(fresh.Connection), SchemaSurface.Lines(old.Connection));
        Assert.Empty(SchemaCommentTests.Uncommented(old.Connection));
        Assert.Equal(WarehouseSchema.Version, WarehouseSchema.AppliedVersion(old.Connection));
        // Version 3: the quarantine takes bad_row_shape.
        old.Execute("INSERT INTO etl_reject (batch_id, source_name, source_row, column_name, reason, message) VALUES ('b2', 'cases', 3, '_row', 'bad_row_shape', 'x')");
        Assert.Equal([["622901", "invention_share", "year", null]], old.Rows("SELECT region_code, indicator, period, given_region_code FROM fact_target"));
        Assert.Equal([["C-1", "code", null]], old.Rows("SELECT case_no, attribution_method, given_region_code FROM fact_case"));
    }

    [Fact]
    public void A_version_2_warehouse_gets_the_v3_columns_and_tables_and_keeps_its_rows()
    {
        // version 2's shape: a version 3 warehouse without what v3.sql adds
        var v2 = new SchemaDatabase();
        try
        {
            v2.Execute("""
                DROP TABLE fact_pledge; DROP TABLE fact_copyright; DROP TABLE fact_gi_product;
                ALTER TABLE fact_patent DROP COLUMN abnormal_date;
                ALTER TABLE fact_trademark DROP COLUMN well_known_date;
                UPDATE schema_version SET version = 2;
                INSERT INTO fact_trademark (application_no, application_date, applicant_name, region_code, attribution_method, source_name, batch_id, source_row, first_loaded_batch, updated_batch)
                VALUES ('G1234567', DATE '2023-03-01', '甲公司', '622901', 'code', 'tm', 'b1', 2, 'b1', 'b1');
                """);
            v2.Reopen();

            WarehouseSchema.Apply(v2.Connection, new SchemaDatabase.FixedTimeProvider(SchemaDatabase.AppliedAt));

            Assert.Equal(SchemaSurface.Lines(fresh.Connection), SchemaSurface.Lines(v2.Connection));
            Assert.Equal(3, WarehouseSchema.AppliedVersion(v2.Connection));
            Assert.Equal([["G1234567", null]], v2.Rows("SELECT application_no, well_known_date FROM fact_trademark"));
            Assert.Equal([["0"]], v2.Rows("SELECT count(*) FROM fact_pledge"));
        }
        finally
        {
            v2.Dispose();
        }
    }

    public void Dispose()
    {
        fresh.Dispose();
        old.Dispose();
    }
}
