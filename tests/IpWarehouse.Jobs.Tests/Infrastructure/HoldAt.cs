namespace IpWarehouse.Jobs.Tests.Infrastructure;

/// Holds a load at a phase (on the loader's own thread) once armed, until released.
internal sealed class HoldAt(string phase) : IProgress<Etl.Loading.LoadProgress>, IDisposable
{
    private readonly ManualResetEventSlim released = new(false);
    private readonly TaskCompletionSource reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool armed;

    public Task Reached => reached.Task;

    public void Arm() => armed = true;

    public void Release() => released.Set();

    public void Dispose() => released.Dispose();

    public void Report(Etl.Loading.LoadProgress value)
    {
        if (armed && value.Phase == phase)
        {
            armed = false;
            reached.TrySetResult();
            released.Wait(TimeSpan.FromSeconds(60));
        }
    }
}
