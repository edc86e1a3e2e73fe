using DuckDB.NET.Data;
using IpWarehouse.Etl.Configuration;
using IpWarehouse.Etl.Indicators.Internal;
using IpWarehouse.Etl.Layouts;
using IpWarehouse.Etl.Loading.Internal;

namespace IpWarehouse.Etl.Loading;

/// Integrate: validate each landed source in SQL, quarantine its bad rows, merge the good ones into the
/// facts, rebuild dim_party, and record the counts, all in one transaction: either the whole batch is
/// in the warehouse or none of it is.
public sealed partial class Loader
{
    private void Integrate(DuckDBConnection work, string batchId, string status, List<SourceRunRecord> runs,
        IProgress<LoadProgress>? progress, CancellationToken cancellationToken)
    {
        using var transaction = work.BeginTransaction();
        // The incremental indicator refresh learns here what this batch changes (IndicatorMart.Refresh).
        var keepReplaced = IndicatorRefresh.BeginBatch(work, cancellationToken);
        // dim_party is rebuilt whole when it is empty (a first load), else only for the parties the
        // merges touch, which the fact SQL collects in tmp_party_touched.
        var partyScope = Convert.ToInt64(SqlScript.Scalar(work, "SELECT count(*) FROM dim_party"), System.Globalization.CultureInfo.InvariantCulture) == 0
            ? "all"
            : "touched";
        SqlScript.Execute(work,
            $"SET VARIABLE ipwh_party_scope = '{partyScope}'; CREATE OR REPLACE TEMP TABLE tmp_party_touched (party_id VARCHAR)",
            cancellationToken: cancellationToken);
        foreach (var run in runs.Where(r => r.Status == "running"))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var source = config.FindSource(run.Name)!;
            var model = KindModel.For(source.Kind);
            progress?.Report(new LoadProgress(run.Name, "validating", $"checking {run.RowsRead} row(s)", run.RowsRead));

            SqlScript.Execute(work, $"CREATE OR REPLACE TEMP VIEW raw_input AS SELECT * FROM {run.RawTable}", cancellationToken: cancellationToken);
            if (model.AttributesByAddress)
            {
                ResolveAddresses(work);
                SqlScript.Run(work, "staging/_credit_regions.sql", cancellationToken: cancellationToken);
            }
            SqlScript.Run(work, model.StagingFile, cancellationToken: cancellationToken);
            CountAndCheck(work, model, run);
            SqlScript.Run(work, "marts/_rejects.sql", new Dictionary<string, string> { ["stg"] = model.Staging, ["event_date"] = model.EventDate }, cancellationToken);
            SqlScript.Run(work, "marts/_shape_rejects.sql", new Dictionary<string, string> { ["shape"] = ShapeTable(run) }, cancellationToken);

            progress?.Report(new LoadProgress(run.Name, "merging", $"{run.RowsAccepted} accepted, {run.RowsQuarantined} quarantined", run.RowsAccepted));
            // Into an empty fact (a first load, a new kind) nothing needs comparing: merge_incoming is a
            // view over the staging table and _insert_new.sql writes it to the fact in one pass. Otherwise
            // merge_incoming is a table of the winning rows and _merge.sql compares them with the fact.
            var intoEmpty = FactIsEmpty(work, model.Fact);
            SqlScript.Run(work, model.MartFile, new Dictionary<string, string> { ["incoming"] = intoEmpty ? "VIEW" : "TABLE" }, cancellationToken);
            if (!intoEmpty)
            {
                // The staging table is read no further (merge_incoming holds the winning rows): free it
                // before the merge, so a province-scale source is never in memory three times.
                SqlScript.Execute(work, $"DROP TABLE IF EXISTS {model.Staging}", cancellationToken: cancellationToken);
            }
            SqlScript.Run(work, intoEmpty ? "marts/_insert_new.sql" : "marts/_merge.sql",
                new Dictionary<string, string> { ["fact"] = model.Fact, ["key"] = model.Key }, cancellationToken);
            if (SqlScript.Exists(model.AfterMergeFile))
            {
                SqlScript.Run(work, model.AfterMergeFile, cancellationToken: cancellationToken);
            }
            if (keepReplaced)
            {
                IndicatorRefresh.Replaced(work, model.Fact, cancellationToken);
            }

            // This source's intermediate tables are done with: free them before the next source.
            SqlScript.Execute(work, intoEmpty ? $"DROP VIEW merge_incoming; DROP TABLE IF EXISTS {model.Staging}; " + IntermediateTables : IntermediateTables,
                cancellationToken: cancellationToken);

            run.Status = "succeeded";
            run.FinishedAt = clock.GetUtcNow();
            BatchLog.SourceFinished(work, batchId, run);
        }
        cancellationToken.ThrowIfCancellationRequested();
        SqlScript.Run(work, "marts/dim_party.sql", cancellationToken: cancellationToken);
        SqlScript.Execute(work, "DROP TABLE IF EXISTS tmp_party_touched", cancellationToken: cancellationToken);
        BatchLog.Finish(work, batchId, status, clock.GetUtcNow(), null);
        FaultInjection.Pause("commit");
        transaction.Commit();
    }

    private const string IntermediateTables =
        "DROP TABLE IF EXISTS merge_incoming; DROP TABLE IF EXISTS merge_existing; DROP TABLE IF EXISTS merge_changed; DROP TABLE IF EXISTS merge_replaced; DROP TABLE IF EXISTS merge_rows; " +
        "DROP TABLE IF EXISTS win_patents; DROP TABLE IF EXISTS win_repeated; DROP TABLE IF EXISTS win_party; DROP MACRO TABLE IF EXISTS ipwh_winning_patents; " +
        "DROP TABLE IF EXISTS tmp_address_region; DROP TABLE IF EXISTS tmp_credit_region";

    private static bool FactIsEmpty(DuckDBConnection work, string fact) =>
        SqlScript.Scalar(work, $"SELECT NOT EXISTS (FROM {fact} LIMIT 1)") is true;

    /// Rows read = rows accepted + rows quarantined, per source and batch (DESIGN.md): checked, not assumed.
    private static void CountAndCheck(DuckDBConnection work, KindModel model, SourceRunRecord run)
    {
        using var command = work.CreateCommand();
        command.CommandText = $"SELECT count(*) FILTER (WHERE problem IS NULL), count(*) FILTER (WHERE problem IS NOT NULL) FROM {model.Staging}";
        using var reader = command.ExecuteReader();
        reader.Read();
        run.RowsAccepted = reader.GetInt64(0);
        run.RowsQuarantined = reader.GetInt64(1) +
            Convert.ToInt64(SqlScript.Scalar(work, $"SELECT count(*) FROM {ShapeTable(run)}"), System.Globalization.CultureInfo.InvariantCulture);
        if (run.RowsAccepted + run.RowsQuarantined != run.RowsRead)
        {
            throw new LoadException(
                $"Source {run.Name}: {run.RowsRead} row(s) read but {run.RowsAccepted} accepted + {run.RowsQuarantined} quarantined; " +
                "rows would be lost, so the load stops.") { SourceName = run.Name };
        }
    }

    /// The records of bad shape beside the landing table (StagingTable.ShapeRejectsTable).
    private static string ShapeTable(SourceRunRecord run) => Sources.StagingTable.ShapeRejectsTable(run.RawTable!);

    /// Each distinct address without a region code is resolved once per load, in .NET (the hierarchy
    /// rules do not fit SQL), into tmp_address_region for the staging model to join.
    private void ResolveAddresses(DuckDBConnection work)
    {
        SqlScript.Execute(work, "CREATE OR REPLACE TEMP TABLE tmp_address_region (address VARCHAR, region_code VARCHAR)");
        var addresses = new List<string>();
        using (var command = work.CreateCommand())
        {
            command.CommandText = """
                SELECT DISTINCT ipwh_clean(applicant_address)
                FROM raw_input
                WHERE ipwh_region_code(region_code) IS NULL AND ipwh_clean(applicant_address) IS NOT NULL
                """;
            command.UseStreamingMode = true;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                addresses.Add(reader.GetString(0));
            }
        }
        if (addresses.Count == 0)
        {
            return;
        }
        var addressResolver = resolver.Value;
        using var appender = work.CreateAppender("tmp_address_region");
        foreach (var address in addresses)
        {
            if (addressResolver.Resolve(address) is { } match)
            {
                appender.AppendRow((address, match.Code), static (row, pair) => row.AppendValue(pair.address).AppendValue(pair.Code));
            }
        }
    }
}
