using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DuckDB.NET.Data;
using IpWarehouse.Etl.Loading.Internal;
using IpWarehouse.Etl.Warehouse;

namespace IpWarehouse.Etl.Indicators.Internal;

/// The incremental refresh of the indicator marts (IndicatorMart.Refresh): which facts it follows row by row,
/// the loader's hooks that record what a batch changed, and the checks that send it to a full build.
internal static class IndicatorRefresh
{
    public const string Folder = IndicatorModels.Folder + "refresh/";
    public const string StateSchema = Folder + "etl_indicator_state.sql";
    public const string Begin = Folder + "_changes_begin.sql";
    public const string Capture = Folder + "_changes_capture.sql";
    public const string MeasureNext = Folder + "int_indicator_measure_next.sql";
    public const string MeasureNextFull = Folder + "int_indicator_measure_next__full.sql";
    public const string MeasureWholeKept = Folder + "int_indicator_measure_whole__kept.sql";
    public const string MartAffected = Folder + "mart_indicator__affected.sql";
    public const string SaveState = Folder + "etl_indicator_state__save.sql";

    /// Facts whose measures add up row by row (a count or a sum per row, each row dated by its own columns):
    /// a refresh adds the rows a batch wrote and subtracts the values they replaced.
    public static readonly string[] DifferenceFacts =
        ["fact_patent", "fact_trademark", "fact_case", "fact_training", "fact_pledge", "fact_copyright", "fact_gi_product"];

    /// Facts whose measures do not add up row by row, recomputed whole on every refresh (both small): the
    /// distinct enterprises of designations; subsidy payments, one of which breaks a rule because of another.
    public static readonly string[] WholeFacts = ["fact_subsidy_payment", "fact_designation"];

    /// True when a pending batch wrote rows of <see cref="WholeFacts"/>; else their measures and
    /// mart_subsidy_violation are the last build's.
    public static bool WholeFactsChanged(DuckDBConnection warehouse) => WholeFacts.Any(fact => Changed(warehouse, fact));

    /// The rows of <paramref name="fact"/> (a table name from code) that the pending batches wrote.
    private static string WrittenRows(string fact) => $"SELECT * FROM {fact} WHERE updated_batch IN (SELECT batch_id FROM etl_indicator_pending)";

    /// Whether a pending batch wrote a row of <paramref name="fact"/>: EXISTS stops at the first one.
    private static bool Changed(DuckDBConnection warehouse, string fact) =>
        SqlScript.Scalar(warehouse, $"SELECT EXISTS ({WrittenRows(fact)})") is true;

    /// Every other fact (population, targets, official figures): a batch that changed one rebuilds the marts whole.
    private static IEnumerable<string> OtherFacts =>
        Schema.Tables.Where(t => t.StartsWith("fact_", StringComparison.Ordinal)).Except(DifferenceFacts).Except(WholeFacts);

    /// Loader, at the start of a load's transaction: the batch is pending. True when the marts have a build to
    /// refresh from, so that the merges keep the values they replace (<see cref="Replaced"/>).
    public static bool BeginBatch(DuckDBConnection work, CancellationToken cancellationToken)
    {
        IndicatorModels.RunAll(work, [StateSchema, Begin], cancellationToken);
        return Scalar(work, "SELECT count(*) FROM etl_indicator_state") > 0;
    }

    /// Loader, after the merge of a source into <paramref name="fact"/> (merge_replaced holds the old values).
    public static void Replaced(DuckDBConnection work, string fact, CancellationToken cancellationToken) =>
        SqlScript.Run(work, Capture, new Dictionary<string, string> { ["fact"] = fact }, cancellationToken);

    /// Why the marts cannot be refreshed from the last build and must be built whole; null when they can.
    /// Runs after int_indicator_period_request (the years the facts have now) and the settings.
    public static string? FullBuildReason(DuckDBConnection warehouse, string fingerprint)
    {
        using (var command = warehouse.CreateCommand())
        {
            command.CommandText = """
                SELECT
                  s.fingerprint = $fingerprint,
                  s.years = coalesce((SELECT list(year ORDER BY year) FROM int_indicator_period_request), []),
                  s.last_batch IS NOT DISTINCT FROM (
                    SELECT batch_id FROM etl_batch
                    WHERE status IN ('succeeded', 'partial') AND batch_id NOT IN (SELECT batch_id FROM etl_indicator_pending)
                    ORDER BY started_at DESC, batch_id DESC LIMIT 1),
                  EXISTS (SELECT 1 FROM mart_indicator)
                FROM etl_indicator_state AS s
                """;
            command.Parameters.Add(new DuckDBParameter("fingerprint", fingerprint));
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                return "no earlier build recorded (first load, or a warehouse built before incremental marts)";
            }
            if (!reader.GetBoolean(0))
            {
                return "the counting rules (ipwh.json indicators), the schema, the indicator SQL or the division list changed";
            }
            if (!reader.GetBoolean(1))
            {
                return "the years with facts changed";
            }
            if (!reader.GetBoolean(2))
            {
                return "a load committed without recording its changes for the marts";
            }
            if (!reader.GetBoolean(3))
            {
                return "the mart is empty";
            }
        }
        foreach (var fact in OtherFacts)
        {
            if (Changed(warehouse, fact))
            {
                return $"{fact} changed";
            }
        }
        return null;
    }

    /// True when the provinces with measures differ between the last build and int_indicator_measure_next: a
    /// province's regions without facts then gain or lose their rows of zeros, which a full build decides.
    public static bool ProvincesChanged(DuckDBConnection warehouse) => Scalar(warehouse, """
        SELECT count(*) FROM (
          (SELECT DISTINCT left(region_code, 2) FROM etl_indicator_measure EXCEPT SELECT DISTINCT left(region_code, 2) FROM int_indicator_measure_next)
          UNION ALL
          (SELECT DISTINCT left(region_code, 2) FROM int_indicator_measure_next EXCEPT SELECT DISTINCT left(region_code, 2) FROM etl_indicator_measure))
        """) > 0;

    /// The fact rows one pass of the models reads, by fact: each fact table is shadowed by a temp table of that
    /// name holding the pass's rows (DuckDB resolves temp objects first), so the models run unchanged over a
    /// subset of the facts, and the fact is scanned once however many measures read it.
    public enum Pass
    {
        /// The rows the pending batches wrote, of the facts followed row by row.
        Written,

        /// The values those rows replaced (etl_indicator_replaced__*).
        Replaced,

        /// Every row of <see cref="WholeFacts"/> (the facts themselves, not shadowed).
        Whole,
    }

    /// Runs IndicatorModels.MeasureModels over the rows of <paramref name="pass"/> and keeps int_indicator_measure as
    /// <paramref name="table"/>; the facts are themselves again afterwards.
    public static void Measure(DuckDBConnection warehouse, Pass pass, string table, CancellationToken cancellationToken)
    {
        var facts = DifferenceFacts.Concat(WholeFacts).ToList();
        try
        {
            SqlScript.Traced($"indicators/refresh: the fact rows of pass {pass}", () => Shadow(warehouse, pass, facts, cancellationToken));
            IndicatorModels.RunAll(warehouse, IndicatorModels.MeasureModels, cancellationToken);
            SqlScript.Execute(warehouse, $"CREATE OR REPLACE TEMP TABLE {table} AS SELECT * FROM int_indicator_measure", cancellationToken: cancellationToken);
        }
        finally
        {
            foreach (var fact in facts)
            {
                SqlScript.Execute(warehouse, $"DROP TABLE IF EXISTS temp.main.{fact}", cancellationToken: CancellationToken.None);
            }
        }
    }

    private static void Shadow(DuckDBConnection warehouse, Pass pass, List<string> facts, CancellationToken cancellationToken)
    {
        var database = Convert.ToString(SqlScript.Scalar(warehouse, "SELECT current_database()"), CultureInfo.InvariantCulture)!;
        foreach (var fact in facts)
        {
            var real = $"\"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\".main.{fact}";
            var rows = pass switch
            {
                Pass.Whole when WholeFacts.Contains(fact) => null,
                Pass.Written when DifferenceFacts.Contains(fact) => WrittenRows(real),
                Pass.Replaced when DifferenceFacts.Contains(fact) && TableExists(warehouse, "etl_indicator_replaced__" + fact) =>
                    $"SELECT * FROM etl_indicator_replaced__{fact}",
                _ => $"SELECT * FROM {real} WHERE FALSE",
            };
            if (rows is not null)
            {
                SqlScript.Execute(warehouse, $"CREATE OR REPLACE TEMP TABLE {fact} AS {rows}", cancellationToken: cancellationToken);
            }
        }
    }

    /// Saves what the build computed and clears the pending batches and the replaced values.
    public static void Save(DuckDBConnection warehouse, string fingerprint, CancellationToken cancellationToken)
    {
        IndicatorModels.Run(warehouse, SaveState, cancellationToken, new DuckDBParameter("fingerprint", fingerprint));
        foreach (var fact in DifferenceFacts)
        {
            SqlScript.Execute(warehouse, $"DROP TABLE IF EXISTS etl_indicator_replaced__{fact}", cancellationToken: cancellationToken);
        }
        SqlScript.Execute(warehouse, "DROP TABLE IF EXISTS int_indicator_measure_next; DROP TABLE IF EXISTS int_indicator_measure_new; " +
            "DROP TABLE IF EXISTS int_indicator_measure_old; DROP TABLE IF EXISTS int_indicator_measure_whole; " +
            "DROP TABLE IF EXISTS int_indicator_measure_all; DROP TABLE IF EXISTS int_indicator_affected", cancellationToken: cancellationToken);
    }

    /// What a build depends on besides the facts: the settings, the schema version, the text of every indicator
    /// SQL file and the division list (dim_region, which the loader reloads on every load).
    public static string Fingerprint(DuckDBConnection warehouse, IndicatorSettings settings)
    {
        var text = new StringBuilder()
            .Append(settings.ToJson()).Append('\n')
            .Append(Schema.Version.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(SqlScript.Scalar(warehouse, "SELECT CAST(sum(hash(r)) AS VARCHAR) || '/' || count(*) FROM dim_region AS r")).Append('\n');
        foreach (var file in Directory.EnumerateFiles(Path.Combine(WarehouseSql.Root, "indicators"), "*.sql", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            text.Append(Path.GetRelativePath(WarehouseSql.Root, file)).Append('\n').Append(File.ReadAllText(file)).Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static bool TableExists(DuckDBConnection warehouse, string table) =>
        Scalar(warehouse, $"SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main' AND table_name = '{table}'") > 0;

    private static long Scalar(DuckDBConnection warehouse, string sql) =>
        Convert.ToInt64(SqlScript.Scalar(warehouse, sql), CultureInfo.InvariantCulture);
}
