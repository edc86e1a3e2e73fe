namespace IpWarehouse.Bench;

/// <summary>
/// A load's wall time split into the loader's steps, from its progress events and its traced SQL files.
/// The last source's merge segment also holds the dim_party rebuild (traced: marts/dim_party.sql) and the
/// commit of the integrate transaction plus dropping the landing tables (the untraced rest).
/// </summary>
internal sealed class LoadSteps
{
    public const string Prepare = "prepare: schema, value-rule macros, dim_region, recovery";
    public const string Landing = "landing: read_csv into landing.raw_* (all VARCHAR, line numbers)";
    public const string Validating = "validating: address resolution, stg_* SQL, quarantine";
    public const string Merging = "merging: fact SQL, _merge.sql (or _insert_new.sql into an empty fact), bridge";
    public const string DimParty = "dim_party: every party on a first load, else the touched ones";
    public const string Commit = "commit, detach and delete the landing database";
    public const string Indicators = "indicators: IndicatorMart.Refresh (the marts: incremental, or whole when it must)";
    public const string Publishing = "publishing: checkpoint, copy the working file, drop the loader's own objects";
    public const string Published = "published: rename, published.json, link swap, history, watermarks";
    public const string Snapshot = "snapshot (after the publish): Parquet of every table from the published version (DuckDB COPY)";
    public const string Verify = "verify: Parquet.Net reads every snapshot file's footer; manifest, rename";
    public const string Retention = "retention: prune snapshots and published versions";
    public const string Finish = "finish: close the working database";

    public static readonly string[] Names = [Prepare, Landing, Validating, Merging, DimParty, Commit, Indicators, Publishing, Published, Snapshot, Verify, Retention, Finish];

    private readonly Dictionary<string, double> seconds = Names.ToDictionary(n => n, _ => 0.0);
    private readonly Dictionary<string, long> peaks = Names.ToDictionary(n => n, _ => 0L);
    private readonly Dictionary<(string Source, string Step), double> perSource = [];

    public LoadSteps(LoadTimeline timeline)
    {
        var lastMerge = timeline.Segments.LastOrDefault(s => s.Phase == "merging");
        foreach (var segment in timeline.Segments)
        {
            var traced = timeline.SqlFiles.Where(f => f.Source == segment.Source && f.Phase == segment.Phase).ToList();
            switch (segment.Phase)
            {
                case "prepare" or "start" or "recovery":
                    Add(Prepare, segment.Seconds, segment);
                    break;
                case "landing" or "landed" or "failed":
                    Add(Landing, segment.Seconds, segment);
                    break;
                case "validating":
                    Add(Validating, segment.Seconds, segment);
                    break;
                case "merging" when ReferenceEquals(segment, lastMerge):
                    var dimParty = traced.Where(f => f.File == "marts/dim_party.sql").Sum(f => f.Seconds);
                    var merge = traced.Sum(f => f.Seconds) - dimParty;
                    Add(Merging, merge, segment);
                    Add(DimParty, dimParty, segment);
                    Add(Commit, segment.Seconds - merge - dimParty, segment);
                    break;
                case "merging":
                    Add(Merging, segment.Seconds, segment);
                    break;
                case "indicators":
                    Add(Indicators, segment.Seconds, segment);
                    break;
                case "publishing":
                    Add(Publishing, segment.Seconds, segment);
                    break;
                case "published":
                    Add(Published, segment.Seconds, segment);
                    break;
                case "retention":
                    Add(Retention, segment.Seconds, segment);
                    break;
                case "snapshot":
                    Add(Snapshot, segment.Seconds, segment);
                    break;
                case "verifying":
                    Add(Verify, segment.Seconds, segment);
                    break;
                default:
                    Add(Finish, segment.Seconds, segment);
                    break;
            }
        }
        Total = timeline.Segments.Sum(s => s.Seconds);
        // Readers see the new warehouse when the "published" event comes: everything before it is the time to publish.
        var published = timeline.Segments.ToList().FindIndex(s => s.Phase == "published");
        ToPublish = published < 0 ? Total : timeline.Segments.Take(published).Sum(s => s.Seconds);
        SnapshotAfterPublish = seconds[Snapshot] + seconds[Verify];
    }

    public double Total { get; }

    /// <summary>From the start of the load to the moment readers see the new warehouse.</summary>
    public double ToPublish { get; }

    /// <summary>The snapshot that follows the publish: Parquet files, Parquet.Net verification, manifest.</summary>
    public double SnapshotAfterPublish { get; }

    public double Seconds(string step) => seconds[step];

    public long Peak(string step) => peaks[step];

    public double SourceSeconds(string source, string step) => perSource.GetValueOrDefault((source, step));

    private void Add(string step, double value, LoadSegment segment)
    {
        seconds[step] += value;
        peaks[step] = Math.Max(peaks[step], segment.PeakWorkingSetBytes);
        if (segment.Source is { } source)
        {
            perSource[(source, step)] = perSource.GetValueOrDefault((source, step)) + value;
        }
    }
}
