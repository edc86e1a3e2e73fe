using System.Globalization;
using DuckDB.NET.Data;
using IpWarehouse.Etl.DuckDb;
using IpWarehouse.Etl.Loading;

namespace IpWarehouse.Bench;

/// Untimed checks: every row of every file read, exactly the dirty rows quarantined, each clean key one
/// fact row, the delta's rows written. A benchmark of a load that lost or invented rows is worthless.
internal sealed partial class LoadScenario
{
    private static readonly Dictionary<string, string> Facts = new(StringComparer.Ordinal)
    {
        ["patents"] = "fact_patent",
        ["trademarks"] = "fact_trademark",
        ["cases"] = "fact_case",
        ["subsidies"] = "fact_subsidy_payment",
    };

    public static string FactOf(string kind) => Facts[kind];

    private static void CheckRaw(LoadFiles files, IReadOnlyList<LoadExpectation> expected, string databasePath)
    {
        using var connection = DuckDbFactory.Open(databasePath, new DuckDbOptions { ReadOnly = true });
        foreach (var e in expected)
        {
            var rows = long.Parse(Scalar(connection, $"SELECT count(*) FROM {e.Source.Kind}"), CultureInfo.InvariantCulture);
            if (rows != e.FullRows)
            {
                throw new InvalidOperationException($"{Path.GetFileName(databasePath)}: {e.Source.Kind} has {rows} rows; {files.FullPath(e.Source)} has {e.FullRows}.");
            }
        }
        Console.WriteLine($"- {Path.GetFileName(databasePath)}: every table holds its file's rows; column types: {ColumnTypes(connection, "patents")}");
    }

    private static string ColumnTypes(DuckDBConnection connection, string table) =>
        Scalar(connection, $"SELECT string_agg(column_name || ' ' || data_type, ', ' ORDER BY column_index) FROM duckdb_columns() WHERE table_name = '{table}'");

    /// Rows read, accepted and quarantined per source against the generator's counts, then the
    /// published warehouse's fact tables.
    private static LoadFacts CheckLoad(string label, LoadReport report, IReadOnlyList<LoadExpectation> expected,
        Func<LoadExpectation, (long Rows, long Dirty, long Facts)> target)
    {
        if (report.Status != "succeeded")
        {
            throw new InvalidOperationException($"The {label} load ended {report.Status}: {report.Message} " +
                string.Join("; ", report.Sources.Select(s => $"{s.Name}: {s.Status} {s.Message}")));
        }
        using var published = DuckDbFactory.Open(report.PublishedDatabase!, new DuckDbOptions { ReadOnly = true });
        var facts = new LoadFacts { BatchId = report.BatchId };
        foreach (var e in expected)
        {
            var (rows, dirty, factRows) = target(e);
            var source = report.Sources.Single(s => s.Name == e.Source.Name);
            if (source.RowsRead != rows || source.RowsQuarantined != dirty || source.RowsAccepted != rows - dirty)
            {
                throw new InvalidOperationException(
                    $"The {label} load of {source.Name} read {source.RowsRead}, accepted {source.RowsAccepted}, quarantined {source.RowsQuarantined}; " +
                    $"the files hold {rows} rows of which {dirty} are dirty. Quarantine reasons: {Rejects(published, report.BatchId, source.Name)}");
            }
            var fact = Facts[e.Source.Kind];
            var actual = long.Parse(Scalar(published, $"SELECT count(*) FROM {fact}"), CultureInfo.InvariantCulture);
            if (actual != factRows)
            {
                throw new InvalidOperationException($"After the {label} load {fact} has {actual} rows; expected {factRows}.");
            }
            facts.FactRows[fact] = actual;
            facts.Written[fact] = long.Parse(Scalar(published, $"SELECT count(*) FROM {fact} WHERE updated_batch = '{report.BatchId}'"), CultureInfo.InvariantCulture);
            facts.Rejects[source.Name] = Rejects(published, report.BatchId, source.Name);
        }
        facts.PartyRows = long.Parse(Scalar(published, "SELECT count(*) FROM dim_party"), CultureInfo.InvariantCulture);
        facts.BridgeRows = long.Parse(Scalar(published, "SELECT count(*) FROM bridge_patent_party"), CultureInfo.InvariantCulture);
        facts.PatentAttribution = Scalar(published,
            "SELECT string_agg(attribution_method || ' ' || n, ', ' ORDER BY n DESC) FROM (SELECT attribution_method, count(*) AS n FROM fact_patent GROUP BY ALL)");
        Console.WriteLine($"- {label} load {report.BatchId}: every source's rows read = accepted + quarantined as generated; fact rows as expected " +
            $"({string.Join(", ", facts.FactRows.Select(f => $"{f.Key} {f.Value:N0}"))})");
        return facts;
    }

    /// The incremental batch writes its new keys and the restated keys whose values changed, nothing else.
    private static void CheckDeltaWrites(LoadReport report, IReadOnlyList<LoadExpectation> expected, LoadFiles files)
    {
        using var published = DuckDbFactory.Open(report.PublishedDatabase!, new DuckDbOptions { ReadOnly = true });
        foreach (var e in expected)
        {
            var fact = Facts[e.Source.Kind];
            var written = long.Parse(Scalar(published, $"SELECT count(*) FROM {fact} WHERE updated_batch = '{report.BatchId}'"), CultureInfo.InvariantCulture);
            var cleanNew = e.DeltaNew - e.DeltaNewDirty;
            var cleanChanged = e.DeltaChanged - e.DeltaChangedDirty;
            if (written < cleanNew || written > cleanNew + cleanChanged)
            {
                throw new InvalidOperationException(
                    $"The incremental load wrote {written} rows of {fact}; between {cleanNew} (new keys) and {cleanNew + cleanChanged} (plus restated keys) expected ({files.DeltaPath(e.Source)}).");
            }
        }
    }

    private static string Rejects(DuckDBConnection published, string batchId, string source) =>
        Scalar(published, $"""
            SELECT coalesce(string_agg(reason || '/' || column_name || ' ' || n, ', ' ORDER BY n DESC), 'none')
            FROM (SELECT reason, column_name, count(*) AS n FROM etl_reject WHERE batch_id = '{batchId}' AND source_name = '{source}' GROUP BY ALL)
            """);
}

/// <summary>What a load left in the published warehouse, for the report.</summary>
internal sealed class LoadFacts
{
    public required string BatchId { get; init; }

    public Dictionary<string, long> FactRows { get; } = new(StringComparer.Ordinal);

    /// <summary>Fact rows whose updated_batch is this load: new keys and changed values.</summary>
    public Dictionary<string, long> Written { get; } = new(StringComparer.Ordinal);

    /// <summary>Per source: quarantine reason/column and count.</summary>
    public Dictionary<string, string> Rejects { get; } = new(StringComparer.Ordinal);

    public long PartyRows { get; set; }

    public long BridgeRows { get; set; }

    public string PatentAttribution { get; set; } = string.Empty;
}
