using IpWarehouse.Etl.Loading;

namespace IpWarehouse.Jobs.Internal;

// What this process is loading right now, and the gate to the loader's working database: DuckDB opens a
// file once per process with one set of options, so the history reader (read-only) and the loader
// (read-write) in one process must take turns; the reader falls back to the published copy meanwhile.
internal sealed class LocalLoad
{
    private volatile Snapshot? current;
    private volatile CancellationTokenSource? stop;

    public sealed record Snapshot(string Trigger, DateTimeOffset StartedAt, string? BatchId, string Phase, string? Source);

    public SemaphoreSlim WorkDatabase { get; } = new(1, 1);

    public Snapshot? Current => current;

    public void Start(string trigger, DateTimeOffset startedAt, CancellationTokenSource cancel)
    {
        stop = cancel;
        current = new Snapshot(trigger, startedAt, null, "starting", null);
    }

    /// Stops the load of this process at its next safe point (a cancel asked on this node).
    public void Cancel()
    {
        try
        {
            stop?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // it finished a moment ago
        }
    }

    public void Report(LoadProgress progress)
    {
        if (current is { } now)
        {
            current = now with { BatchId = progress.BatchId ?? now.BatchId, Phase = progress.Phase, Source = progress.Source };
        }
    }

    public void Finish()
    {
        current = null;
        stop = null;
    }
}
