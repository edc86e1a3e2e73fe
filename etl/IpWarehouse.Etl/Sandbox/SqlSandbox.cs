using IpWarehouse.Etl.Sandbox.Internal;

namespace IpWarehouse.Etl.Sandbox;

/// <summary>
/// Runs statisticians' queries in worker processes (<c>ipwh sql-worker</c>), never in the caller's process: at most
/// <see cref="SandboxSettings.Workers"/> at once, <see cref="SandboxSettings.Queue"/> more waiting, the rest refused
/// (<see cref="SandboxBusyException"/>). Each worker answers one query and exits; a warm one is started in its place.
/// A worker past its time limit and <see cref="SandboxSettings.Grace"/>, or past <see cref="SandboxSettings.KillAboveBytes"/>
/// of memory, is killed: a crash, an out-of-memory or a hang costs that one query, whose caller gets a message.
/// </summary>
public sealed class SqlSandbox : IDisposable
{
    private readonly SemaphoreSlim running;
    private readonly WorkerPool pool;
    private int admitted;

    /// <summary>Creates the sandbox; <paramref name="worker"/> says how to start a worker process.</summary>
    public SqlSandbox(SandboxSettings settings, WorkerCommand worker)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(worker);
        Settings = settings;
        running = new SemaphoreSlim(settings.Workers);
        pool = new WorkerPool(worker, settings.Workers);
    }

    /// <summary>The settings in force.</summary>
    public SandboxSettings Settings { get; }

    /// <summary>
    /// Runs <paramref name="request"/> in a worker, waiting for one when all are busy. The answer is in
    /// <see cref="SqlRequest.Output"/> (or the worker's standard output, inherited when <paramref name="inheritOutput"/>).
    /// </summary>
    /// <exception cref="SandboxBusyException">Workers and queue are full.</exception>
    public async Task<SqlOutcome> RunAsync(SqlRequest request, bool inheritOutput = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Interlocked.Increment(ref admitted) > Settings.Workers + Settings.Queue)
        {
            Interlocked.Decrement(ref admitted);
            throw new SandboxBusyException(Settings.Workers, Settings.Queue);
        }
        try
        {
            await running.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                using var worker = inheritOutput ? pool.StartInheriting() : pool.Take();
                var limit = request.TimeLimitSeconds > 0 ? TimeSpan.FromSeconds(request.TimeLimitSeconds) + SandboxSettings.Grace : Timeout.InfiniteTimeSpan;
                return await worker.RunAsync(request, limit, Settings.KillAboveBytes, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                running.Release();
            }
        }
        finally
        {
            Interlocked.Decrement(ref admitted);
        }
    }

    /// <summary>Stops the warm workers.</summary>
    public void Dispose()
    {
        pool.Dispose();
        running.Dispose();
    }
}

/// <summary>How to start a worker process: a program and its arguments (e.g. <c>dotnet IpWarehouse.Cli.dll sql-worker</c>).</summary>
/// <param name="Program">The executable.</param>
/// <param name="Arguments">Its arguments.</param>
public sealed record WorkerCommand(string Program, IReadOnlyList<string> Arguments)
{
    /// <summary>
    /// <c>ipwh sql-worker</c> from the IpWarehouse.Cli.dll beside this process's assemblies (the CLI, the web server,
    /// and the tests, which copy it), run by the <c>dotnet</c> that runs this process.
    /// </summary>
    public static WorkerCommand NextToThisProcess()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "IpWarehouse.Cli.dll");
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } fromSdk && File.Exists(fromSdk)
            ? fromSdk
            : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
        return new WorkerCommand(host, [dll, "sql-worker"]);
    }
}

/// <summary>All workers are busy and the queue is full: the caller should try again shortly (HTTP 429).</summary>
public sealed class SandboxBusyException : Exception
{
    /// <summary>Creates the error.</summary>
    public SandboxBusyException(int workers, int queue)
        : base($"查询太多，请稍后再试：{workers} 个查询正在运行，另有 {queue} 个在排队 / Too many queries: {workers} running and {queue} waiting; try again in a moment.")
    {
    }

    /// <summary>Creates the error.</summary>
    public SandboxBusyException()
    {
    }

    /// <summary>Creates the error.</summary>
    public SandboxBusyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error.</summary>
    public SandboxBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
