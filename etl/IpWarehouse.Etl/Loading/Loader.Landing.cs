using DuckDB.NET.Data;
using IpWarehouse.Etl.Configuration;
using IpWarehouse.Etl.DuckDb;
using IpWarehouse.Etl.Layouts;
using IpWarehouse.Etl.Loading.Internal;
using IpWarehouse.Etl.Sources;

namespace IpWarehouse.Etl.Loading;

/// Landing: each source into its own all-text table, outside the integrate transaction. A source that
/// cannot be read is recorded as failed and the others go on.
///
/// The landing tables live in a database file of their own (warehouse/tmp/landing.duckdb, attached as
/// <c>landing</c>), deleted when the load ends. Raw values, ID numbers included, therefore never touch a
/// block of the working database, which lets a publish copy that file as it is (Loader.Publish.cs): a
/// dropped table's bytes would otherwise stay in its free blocks.
public sealed partial class Loader
{
    private const string LandingCatalog = "landing";

    private string LandingDatabase => Path.Combine(paths.Temp, "landing.duckdb");

    /// Present beside the working database when that file was created by a loader that lands apart, so
    /// it has never held a raw value and may be published by copying it.
    private string LandingApartMarker => paths.WorkDatabase + ".landing-apart";

    private string? workCatalog;
    private DuckDbAttachment? landing;

    private void AttachLanding(DuckDBConnection work)
    {
        workCatalog = Convert.ToString(SqlScript.Scalar(work, "SELECT current_database()"), System.Globalization.CultureInfo.InvariantCulture);
        DeleteDatabaseFiles(LandingDatabase);
        landing = DuckDbFactory.Attach(work, LandingDatabase, LandingCatalog);
    }

    private void DropLanding(DuckDBConnection work)
    {
        // Landing tables hold raw values, ID numbers included: they never outlive the load.
        SqlScript.Execute(work, $"USE {Identifier(workCatalog!)}", cancellationToken: CancellationToken.None);
        landing?.Dispose();
        landing = null;
        DeleteDatabaseFiles(LandingDatabase);
    }

    private async Task<SourceRunRecord> LandAsync(DuckDBConnection work, string batchId, SourceDefinition source, LoadRequest request,
        IProgress<LoadProgress>? progress, CancellationToken cancellationToken)
    {
        var previous = request.Full ? null : BatchLog.Watermark(work, source.Name);
        var table = "raw_" + source.Name.Replace('-', '_');
        var run = new SourceRunRecord
        {
            Name = source.Name,
            Kind = LayoutCatalog.NameOf(source.Kind),
            Connector = ConnectorNames.NameOf(source.Connector),
            StartedAt = clock.GetUtcNow(),
            WatermarkBefore = previous,
            RawTable = $"{LandingCatalog}.{table}",
        };
        BatchLog.SourceStarted(work, batchId, run);
        progress?.Report(new LoadProgress(source.Name, "landing", $"reading {source}"));
        FaultInjection.Pause("landing");
        try
        {
            // The connectors create and fill an unqualified table: with landing as the default
            // database, that table is landing's. Each attempt replaces the landing table (CREATE OR
            // REPLACE), so a retry starts clean.
            SqlScript.Execute(work, $"USE {LandingCatalog}", cancellationToken: cancellationToken);
            SourceLoadResult landed;
            try
            {
                landed = await request.Retry.RunAsync(source.Name,
                    _ => SourceConnectors.LoadAsync(source, work, table,
                        new SourceLoadOptions { BatchId = batchId, PreviousWatermark = previous, TempFolder = paths.Temp },
                        cancellationToken),
                    (attempt, delay, error) => progress?.Report(new LoadProgress(source.Name, "retrying",
                        $"attempt {attempt} failed ({error.Message}); retrying in {delay.TotalSeconds:F0} s")),
                    cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                SqlScript.Execute(work, $"USE {Identifier(workCatalog!)}", cancellationToken: CancellationToken.None);
            }
            run.RowsRead = landed.RowsRead;
            run.WatermarkAfter = landed.Watermark ?? previous;
            run.Message = landed.Warnings.Count == 0 ? null : string.Join(" ", landed.Warnings);
            progress?.Report(new LoadProgress(source.Name, "landed", $"{landed.RowsRead} row(s) read", landed.RowsRead));
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception e) when (e is EtlException or DuckDBException or IOException or UnauthorizedAccessException)
        {
            run.Status = "failed";
            run.FinishedAt = clock.GetUtcNow();
            run.Message = e.Message;
            BatchLog.SourceFinished(work, batchId, run);
            SqlScript.Execute(work, $"DROP TABLE IF EXISTS {run.RawTable}; DROP TABLE IF EXISTS {StagingTable.ShapeRejectsTable(run.RawTable)}",
                cancellationToken: CancellationToken.None);
            progress?.Report(new LoadProgress(source.Name, "failed", e.Message));
        }
        return run;
    }

    private static string Identifier(string name) => DuckDbFactory.Identifier(name);
}
