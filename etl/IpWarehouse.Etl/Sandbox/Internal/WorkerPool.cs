using System.Collections.Concurrent;

namespace IpWarehouse.Etl.Sandbox.Internal;

/// Warm worker processes, started before they are needed: each serves one query, and taking one starts its successor.
internal sealed class WorkerPool(WorkerCommand command, int size) : IDisposable
{
    private readonly ConcurrentQueue<WorkerProcess> warm = new();
    private int disposed;

    internal WorkerProcess Take()
    {
        while (warm.TryDequeue(out var worker))
        {
            Refill();
            if (!worker.HasExited)
            {
                return worker;
            }
            worker.Dispose();
        }
        Refill();
        return WorkerProcess.Start(command, inheritOutput: false);
    }

    internal WorkerProcess StartInheriting() => WorkerProcess.Start(command, inheritOutput: true);

    // Starts workers until `size` are warm; a failure to start shows on the next query, not here.
    private void Refill()
    {
        while (Volatile.Read(ref disposed) == 0 && warm.Count < size)
        {
            try
            {
                warm.Enqueue(WorkerProcess.Start(command, inheritOutput: false));
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return;
            }
        }
    }

    public void Dispose()
    {
        Interlocked.Exchange(ref disposed, 1);
        while (warm.TryDequeue(out var worker))
        {
            worker.Dispose();
        }
    }
}
