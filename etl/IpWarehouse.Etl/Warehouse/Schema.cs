using DuckDB.NET.Data;

namespace IpWarehouse.Etl.Warehouse;

/// <summary>
/// The warehouse's tables: the star schema of DESIGN.md (dim_region, dim_party, the facts) and the
/// load's own records (etl_batch, etl_source_run, etl_reject), created by the files of
/// <c>warehouse-sql/schema/</c>. Every table and column carries a comment (Chinese meaning, English,
/// unit or format) that DuckDB shows in <c>duckdb_tables()</c> and <c>duckdb_columns()</c>, so a
/// statistician opening the published warehouse finds tables that explain themselves.
/// </summary>
/// <remarks>
/// The files are idempotent (<c>CREATE TABLE IF NOT EXISTS</c>, <c>COMMENT ON</c>): <see cref="Apply(DuckDBConnection)"/>
/// can run on every start. They never change an existing table, so changing a table's shape means a new
/// <see cref="Version"/> and a file that migrates the older shape (<see cref="Migrations"/>, run before them on a
/// warehouse of an older version); the snapshot test of the DDL surface
/// (tests/IpWarehouse.Etl.Tests/Schema/schema.snapshot.txt) catches a change made without one.
/// </remarks>
public static partial class Schema
{
    /// <summary>The schema version these files create, recorded in <c>schema_version</c>.</summary>
    public const int Version = 3;

    /// <summary>
    /// The file that brings a warehouse of the version before each version to it, run by <see cref="Apply(DuckDBConnection)"/>
    /// ahead of <see cref="Files"/> for every version above the warehouse's own. New columns go last in their table
    /// file too, so a migrated table and a new one have the same shape.
    /// </summary>
    public static IReadOnlyDictionary<int, string> Migrations { get; } = new SortedDictionary<int, string>
    {
        [2] = "schema/migrate/v2.sql",
        [3] = "schema/migrate/v3.sql",
    };

    /// <summary>The DDL files under warehouse-sql/, in the order they run (their number order).</summary>
    public static IReadOnlyList<string> Files { get; } =
    [
        "schema/010_dim_region.sql",
        "schema/020_region_succession.sql",
        "schema/030_dim_party.sql",
        "schema/100_fact_patent.sql",
        "schema/110_bridge_patent_party.sql",
        "schema/120_fact_trademark.sql",
        "schema/130_fact_case.sql",
        "schema/140_fact_subsidy_payment.sql",
        "schema/150_fact_population.sql",
        "schema/160_fact_target.sql",
        "schema/170_fact_designation.sql",
        "schema/180_fact_training.sql",
        "schema/190_fact_official_figure.sql",
        "schema/200_fact_pledge.sql",
        "schema/210_fact_copyright.sql",
        "schema/220_fact_gi_product.sql",
        "schema/900_etl_batch.sql",
        "schema/910_etl_source_run.sql",
        "schema/920_etl_reject.sql",
        "schema/930_etl_watermark.sql",
        "schema/990_schema_version.sql",
    ];

    /// <summary>Every table the files create, in file order.</summary>
    public static IReadOnlyList<string> Tables { get; } =
    [
        "dim_region",
        "region_succession",
        "dim_party",
        "fact_patent",
        "bridge_patent_party",
        "fact_trademark",
        "fact_case",
        "fact_subsidy_payment",
        "fact_population",
        "fact_target",
        "fact_designation",
        "fact_training",
        "fact_official_figure",
        "fact_pledge",
        "fact_copyright",
        "fact_gi_product",
        "etl_batch",
        "etl_source_run",
        "etl_reject",
        "etl_watermark",
        "schema_version",
    ];

    /// <summary>
    /// The tables a reader of the published warehouse (and of its Parquet snapshot) sees: the dimensions,
    /// the facts, the load's records (the evidence behind every figure) and <c>schema_version</c>. Not
    /// published: <c>etl_watermark</c>, the loader's incremental-extraction state (its history is in
    /// <c>etl_source_run</c>), and anything outside this schema (staging tables, <c>ref_enum</c>).
    /// </summary>
    public static IReadOnlyList<string> PublishedTables { get; } =
        [.. Tables.Where(table => table != "etl_watermark")];
}
