using IpWarehouse.DuckDb;
using IpWarehouse.Etl.Configuration;
using IpWarehouse.Etl.Layouts;
using IpWarehouse.Etl.Loading.Internal;
using IpWarehouse.Etl.Sources;

namespace IpWarehouse.Etl.Loading;

/// Landing: each source into its own all-text table, outside the integrate transaction. A source that
/// cannot be read is recorded as failed and the others go on.
public sealed partial class Loader
{
    private async Task<SourceRunRecord> LandAsync(DuckDBConnection work, string batchId, SourceDefinition source, LoadRequest request,
        IProgress<LoadProgress>? progress, CancellationToken cancellationToken)
    {
        var previous = request.Full ? null : BatchLog.Watermark(work, source.Name);
        var run = new SourceRunRecord
        {
            Name = source.Name,
            Kind = LayoutCatalog.NameOf(source.Kind),
            Connector = ConnectorNames.NameOf(source.Connector),
            StartedAt = clock.GetUtcNow(),
            WatermarkBefore = previous,
            RawTable = "raw_" + source.Name.Replace('-', '_'),
        };
        BatchLog.SourceStarted(work, batchId, run);
        progress?.Report(new LoadProgress(source.Name, "landing", $"reading {source}"));
        FaultInjection.Pause("landing");
        try
        {
            // Each attempt replaces the landing table (CREATE OR REPLACE), so a retry starts clean.
            var landed = await request.Retry.RunAsync(source.Name,
                _ => SourceConnectors.LoadAsync(source, work, run.RawTable,
                    new SourceLoadOptions { BatchId = batchId, PreviousWatermark = previous, TempFolder = paths.Temp },
                    cancellationToken),
                (attempt, delay, error) => progress?.Report(new LoadProgress(source.Name, "retrying",
                    $"attempt {attempt} failed ({error.Message}); retrying in {delay.TotalSeconds:F0} s")),
                cancellationToken).ConfigureAwait(false);
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
            SqlScript.Execute(work, $"DROP TABLE IF EXISTS {run.RawTable}", cancellationToken: CancellationToken.None);
            progress?.Report(new LoadProgress(source.Name, "failed", e.Message));
        }
        return run;
    }
}
