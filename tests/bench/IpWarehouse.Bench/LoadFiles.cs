using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using IpWarehouse.Etl.DuckDb;
using IpWarehouse.Etl.Validation;

namespace IpWarehouse.Bench;

/// <summary>
/// The load scenario's input, generated (untimed) by DuckDB SQL over <c>range(n)</c>: four UTF-8 CSV
/// files under <c>full/</c>, the 0.5 % delta under <c>delta/</c>, and two ipwh.json files naming the same
/// warehouse folder. Every value is a function of the row index (DuckDB's <c>hash</c> of the index and a salt), so a run
/// is reproducible and the delta can restate a row of the full file in its later state.
/// </summary>
/// <remarks>
/// Row i of the full files is dirty when <c>g_u(i, 99, 1000) = 0</c> (0.1 %; g_u hashes i and a salt): one problem per dirty row,
/// chosen by <c>g_u(i, 98, …)</c>, each one a quarantine reason of SOURCES.md. The delta holds the rows
/// <c>i &lt; n</c> with <c>g_u(i, 55, 400) = 0</c> (0.25 %, restated in a later state: a grant or
/// registration date added, a lapse, cancellation or closing date set, a payment corrected) and the new
/// rows <c>n ≤ i &lt; n + n/400</c> (0.25 %), with the same 0.1 % dirty rule.
/// </remarks>
internal sealed partial class LoadFiles(LoadOptions options, string directory)
{
    public string FullFolder => Path.Combine(directory, "full");

    public string DeltaFolder => Path.Combine(directory, "delta");

    /// <summary>The full load's configuration: the four files under full/.</summary>
    public string FullConfig => Path.Combine(directory, "ipwh.json");

    /// <summary>
    /// The incremental load's configuration: the same source names and the same warehouse folder, the
    /// files under delta/. CSV sources have no watermark (SOURCES.md), so a department's nightly drop
    /// holds only the day's new and changed rows and the loader merges them by natural key; pointing the
    /// sources at a second folder keeps full/ intact for the raw ingest and for re-runs.
    /// </summary>
    public string DeltaConfig => Path.Combine(directory, "ipwh-delta.json");

    public string Warehouse => Path.Combine(directory, "warehouse");

    public IReadOnlyList<LoadSource> Sources { get; } =
    [
        new("cnipa-patents", "patents", "patents.csv", Scaled(5_000_000, options.Scale)),
        new("tm-register", "trademarks", "trademarks.csv", Scaled(5_000_000, options.Scale)),
        new("case-system", "cases", "cases.csv", Scaled(200_000, options.Scale)),
        new("finance-subsidies", "subsidies", "subsidies.csv", Scaled(200_000, options.Scale)),
    ];

    /// <summary>Companies (credit code prefix 91); individuals; 12 universities and institutes (prefix 12).</summary>
    private long Companies => Math.Max(2_000, Scaled(150_000, options.Scale));

    private long Individuals => Math.Max(500, Scaled(50_000, options.Scale));

    public string FullPath(LoadSource source) => Path.Combine(FullFolder, source.File);

    public string DeltaPath(LoadSource source) => Path.Combine(DeltaFolder, source.File);

    /// <summary>Writes every file and returns what the loads must find in them.</summary>
    public IReadOnlyList<LoadExpectation> Generate()
    {
        Directory.CreateDirectory(FullFolder);
        Directory.CreateDirectory(DeltaFolder);
        using var connection = DuckDbFactory.OpenInMemory();
        // The check-character macros (ipwh_patent_check_char, ipwh_uscc_check_char, …) are the loader's own.
        ValueRules.Install(connection);
        CreatePools(connection);

        var expectations = new List<LoadExpectation>();
        foreach (var source in Sources)
        {
            var n = source.Rows;
            var fullRows = $"SELECT range AS i FROM range(0, {n})";
            var deltaRows = $"SELECT range AS i FROM range(0, {n + source.DeltaNew}) WHERE range >= {n} OR {Changed}";
            Execute(connection, $"COPY ({Select(source, fullRows, "FALSE")}) TO {Literal(FullPath(source))} (HEADER)");
            Execute(connection, $"COPY ({Select(source, deltaRows, $"i < {n}")}) TO {Literal(DeltaPath(source))} (HEADER)");
            expectations.Add(Expect(connection, source));
        }
        WriteConfig(FullConfig, "full");
        WriteConfig(DeltaConfig, "delta");
        return expectations;
    }

    /// <summary>A row of the full file that the delta restates in a later state.</summary>
    private const string Changed = "g_u(range, 55, 400) = 0";

    private const string Dirty = "g_u(i, 99, 1000) = 0";

    private static string Select(LoadSource source, string rows, string changed) => source.Kind switch
    {
        "patents" => PatentsSql(rows, changed),
        "trademarks" => TrademarksSql(rows, changed),
        "cases" => CasesSql(rows, changed),
        "subsidies" => SubsidiesSql(rows, changed),
        _ => throw new InvalidOperationException($"No generator for {source.Kind}."),
    };

    private static LoadExpectation Expect(DuckDBConnection connection, LoadSource source)
    {
        var n = source.Rows;
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT
              count(*) FILTER (WHERE i < {n}) AS full_dirty,
              count(*) FILTER (WHERE i < {n} AND g_u(i, 55, 400) = 0) AS delta_changed_dirty,
              count(*) FILTER (WHERE i >= {n}) AS delta_new_dirty
            FROM (SELECT range AS i FROM range(0, {n + source.DeltaNew})) WHERE {Dirty}
            """;
        using var reader = command.ExecuteReader();
        reader.Read();
        var fullDirty = reader.GetInt64(0);
        var changedDirty = reader.GetInt64(1);
        var newDirty = reader.GetInt64(2);
        var changed = Convert.ToInt64(Scalar(connection, $"SELECT count(*) FROM range(0, {n}) WHERE {Changed}"), CultureInfo.InvariantCulture);
        return new LoadExpectation(source, n, fullDirty, changed, changedDirty, source.DeltaNew, newDirty);
    }

    private void WriteConfig(string path, string folder)
    {
        var text = new StringBuilder()
            .Append("// Written by the load benchmark (tests/bench/IpWarehouse.Bench, LoadFiles.cs).\n")
            .Append("{\n  \"warehouse\": \"warehouse\",\n  \"timeZone\": \"Asia/Shanghai\",\n  \"sources\": [\n")
            .AppendJoin(",\n", Sources.Select(s =>
                $"    {{ \"name\": \"{s.Name}\", \"kind\": \"{s.Kind}\", \"connector\": \"csv\", \"path\": \"{folder}/{s.File}\", \"encoding\": \"auto\" }}"))
            .Append("\n  ]\n}\n")
            .ToString();
        File.WriteAllText(path, text);
    }

    private static long Scaled(long rows, double scale) => Math.Max(1_000, (long)Math.Round(rows * scale));

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}

/// <summary>One generated source: its ipwh.json entry and the rows of its full file.</summary>
internal sealed record LoadSource(string Name, string Kind, string File, long Rows)
{
    /// <summary>New keys in the delta: 0.25 % of the rows (the other 0.25 % restate existing keys).</summary>
    public long DeltaNew => Math.Max(1, Rows / 400);
}

/// <summary>What the loads must find in one source's files: rows read, rows quarantined, keys merged.</summary>
internal sealed record LoadExpectation(LoadSource Source, long FullRows, long FullDirty, long DeltaChanged, long DeltaChangedDirty, long DeltaNew, long DeltaNewDirty)
{
    public long DeltaRows => DeltaChanged + DeltaNew;

    public long DeltaDirty => DeltaChangedDirty + DeltaNewDirty;

    /// <summary>Every key of the full file is distinct, so each clean row is one fact row.</summary>
    public long FactsAfterFull => FullRows - FullDirty;

    /// <summary>Restated rows replace their key; clean new rows add one.</summary>
    public long FactsAfterDelta => FactsAfterFull + DeltaNew - DeltaNewDirty;
}
