using System.Globalization;
using DuckDB.NET.Data;
using IpWarehouse.Etl.Configuration;
using IpWarehouse.Etl.DuckDb;
using IpWarehouse.Etl.Indicators;
using IpWarehouse.Etl.Layouts;
using IpWarehouse.Etl.Loading.Internal;
using IpWarehouse.Etl.Regions;
using IpWarehouse.Etl.Snapshots;
using IpWarehouse.Etl.Validation;
using IpWarehouse.Etl.Warehouse;

namespace IpWarehouse.Etl.Loading;

/// <summary>
/// One load = one batch: land every source in staging, validate and merge them into the star schema in
/// one transaction, then publish a new read-only warehouse; its Parquet snapshot follows. A crash at any point
/// leaves the last published warehouse as it was; the next load recovers by itself.
/// </summary>
public sealed partial class Loader
{
    private readonly IpwhConfig config;
    private readonly TimeProvider clock;
    private readonly WarehousePaths paths;
    private readonly IndicatorSettings indicatorSettings;
    private readonly PublishRetention retention;
    private readonly SnapshotRetention snapshotRetention;
    private readonly Lazy<AddressResolver> resolver = new(() => new AddressResolver(RegionCatalog.LoadDefault(), RegionSuccession.LoadDefault()));

    /// <summary>A loader for the warehouse and sources of <paramref name="config"/>.</summary>
    public Loader(IpwhConfig config, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        this.config = config;
        this.clock = clock ?? TimeProvider.System;
        paths = new WarehousePaths(config.Warehouse);
        // Read now so that a bad `indicators` or `loader` section fails before any load work starts.
        indicatorSettings = IndicatorSettings.FromConfig(config);
        retention = PublishRetention.FromConfig(config);
        snapshotRetention = SnapshotRetention.FromConfig(config);
    }

    /// <summary>The warehouse's files.</summary>
    public WarehousePaths Paths => paths;

    /// <summary>Runs one load. Source failures make the batch <c>partial</c>; cancellation publishes nothing.</summary>
    public async Task<LoadReport> RunAsync(LoadRequest request, IProgress<LoadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sources = SelectSources(request);
        paths.EnsureFolders();
        using var work = OpenWork();
        Prepare(work);
        Recover(work, progress);
        AttachLanding(work);

        var startedAt = clock.GetUtcNow();
        var batchId = NewBatchId(startedAt);
        SetVariables(work, batchId, startedAt);
        BatchLog.Start(work, batchId, request.Trigger, startedAt);
        progress?.Report(new LoadProgress(null, "start", $"batch {batchId}: {sources.Count} source(s)") { BatchId = batchId });

        var runs = new List<SourceRunRecord>();
        try
        {
            foreach (var source in sources)
            {
                runs.Add(await LandAsync(work, batchId, source, request, progress, cancellationToken).ConfigureAwait(false));
            }
            FaultInjection.Pause("integrate");
            cancellationToken.ThrowIfCancellationRequested();

            if (runs.All(r => r.Status == "failed"))
            {
                var message = "every source failed: " + string.Join("; ", runs.Select(r => $"{r.Name}: {r.Message}"));
                BatchLog.Finish(work, batchId, "failed", clock.GetUtcNow(), message);
                return Report(batchId, "failed", startedAt, runs, null, message);
            }

            var status = runs.Any(r => r.Status == "failed") ? "partial" : "succeeded";
            Integrate(work, batchId, status, runs, progress, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Abandon(work, batchId, runs, "cancelled", "cancelled by the operator; nothing of this load was published");
            return Report(batchId, "cancelled", startedAt, runs, null, "cancelled; the published warehouse is unchanged");
        }
        catch (Exception e)
        {
            Abandon(work, batchId, runs, "failed", e.Message);
            throw new LoadException($"Load {batchId} failed and was rolled back; the published warehouse is unchanged. {e.Message}", e) { BatchId = batchId };
        }
        finally
        {
            DropLanding(work);
        }

        // Committed: from here on the load is kept even if the process stops; a later run finishes publishing.
        var published = Publish(work, batchId, startedAt, progress, request.RebuildMarts);
        var publishedAt = clock.GetUtcNow();
        // Published: readers see it. Its snapshot follows, then any an earlier load left unwritten, then retention.
        var snapshot = WriteSnapshotOf(batchId, startedAt, published.PublishedAt, progress);
        WriteMissingSnapshots(batchId, progress);
        var pruned = ApplyRetention(progress);
        var finalStatus = runs.Any(r => r.Status == "failed") ? "partial" : "succeeded";
        return Report(batchId, finalStatus, startedAt, runs, paths.PublishedDatabase, null) with
        {
            PublishedAt = publishedAt,
            Snapshot = snapshot.Snapshot is null ? null : Path.Combine(paths.Snapshots, snapshot.Snapshot),
            SnapshotStatus = snapshot.Status,
            SnapshotMessage = snapshot.Verification ?? snapshot.Message,
            Retention = pruned,
            Marts = martsSummary,
        };
    }

    private List<SourceDefinition> SelectSources(LoadRequest request)
    {
        if (request.Sources.Count == 0)
        {
            return [.. config.Sources];
        }
        var selected = new List<SourceDefinition>();
        foreach (var name in request.Sources)
        {
            selected.Add(config.FindSource(name) ?? throw new ConfigException(
                $"--source {name}: there is no source of that name in {config.ConfigPath}. Sources: {string.Join(", ", config.Sources.Select(s => s.Name))}.")
            {
                SourceName = name,
            });
        }
        return selected;
    }

    /// DuckDB's memory cap for a load (ipwh.json <c>loader.memoryLimit</c>, default 2.5GB): beyond it DuckDB
    /// spills to the warehouse's tmp folder instead of growing, so a province-scale load fits a small server.
    /// The process needs up to 0.9 GB besides (.NET, the address resolver, DuckDB outside its buffer
    /// pool): 2.5GB keeps a province-scale load within 4 GB (docs/benchmarks.md, "Nightly load").
    private string MemoryLimit =>
        config.Section("loader") is { ValueKind: System.Text.Json.JsonValueKind.Object } loader &&
        loader.TryGetProperty("memoryLimit", out var limit) && limit.GetString() is { Length: > 0 } text
            ? text
            : "2.5GB";

    private DuckDBConnection OpenWork()
    {
        var spill = Path.Combine(paths.Temp, "duckdb-spill");
        Directory.CreateDirectory(spill);
        var created = !File.Exists(paths.WorkDatabase);
        try
        {
            var connection = DuckDbFactory.Open(paths.WorkDatabase, new DuckDbOptions { MemoryLimit = MemoryLimit, TempDirectory = spill });
            if (created)
            {
                File.WriteAllText(LandingApartMarker, "");
            }
            return connection;
        }
        catch (DatabaseLockedException e)
        {
            throw new LoadException(
                $"Another load is running on {paths.Folder} (its working database is locked). Wait for it to finish; 'ipwh runs' shows the last published loads.",
                e, isTransient: true);
        }
    }

    /// Schema, value rules, staging helpers and the division list: all idempotent, so every load
    /// (and a recovery after a crash) starts from the same definitions.
    private void Prepare(DuckDBConnection work)
    {
        Schema.Apply(work, clock);
        ValueRules.Install(work);
        SqlScript.Run(work, "staging/000_staging_macros.sql");
        SqlScript.Run(work, "marts/000_marts_macros.sql");
        SqlScript.Execute(work, $"SET VARIABLE ipwh_regions_csv = {Literal(RegionCatalog.DefaultPath)}");
        SqlScript.Run(work, "marts/dim_region.sql");
        SqlScript.Execute(work, $"SET VARIABLE ipwh_succession_csv = {Literal(RegionSuccession.DefaultPath)}");
        SqlScript.Run(work, "marts/region_succession.sql");
        SqlScript.Run(work, "staging/_region_codes.sql");
        SqlScript.Execute(work, $"SET VARIABLE ipwh_salt = {Literal(Salt.LoadOrCreate(paths.SaltFile))}");
    }

    private void SetVariables(DuckDBConnection work, string batchId, DateTimeOffset startedAt)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(startedAt, config.TimeZone).DateTime);
        SqlScript.Execute(work, $"SET VARIABLE ipwh_batch = {Literal(batchId)}");
        SqlScript.Execute(work, $"SET VARIABLE ipwh_today = DATE {Literal(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))}");
    }

    private string NewBatchId(DateTimeOffset startedAt)
    {
        var local = TimeZoneInfo.ConvertTime(startedAt, config.TimeZone);
        return local.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture) + "-" +
            Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(2));
    }

    private void Abandon(DuckDBConnection work, string batchId, List<SourceRunRecord> runs, string status, string message)
    {
        // Integrate's transaction, if one was open, has already been rolled back by its using block.
        var now = clock.GetUtcNow();
        foreach (var run in runs.Where(r => r.Status == "running" || r.Status == "succeeded"))
        {
            run.Status = "failed";
            run.FinishedAt = now;
            run.Message ??= message;
            BatchLog.SourceFinished(work, batchId, run);
        }
        BatchLog.Finish(work, batchId, status, now, message);
    }

    private LoadReport Report(string batchId, string status, DateTimeOffset startedAt, List<SourceRunRecord> runs,
        string? published, string? message) => new()
    {
        BatchId = batchId,
        Status = status,
        StartedAt = startedAt,
        FinishedAt = clock.GetUtcNow(),
        Sources = runs.Select(r => new SourceReport(r.Name, r.Kind, r.Status, r.RowsRead, r.RowsAccepted, r.RowsQuarantined, r.Message)).ToList(),
        PublishedDatabase = published,
        Message = message,
    };

    internal static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
