using System.Diagnostics;
using System.Text.Json;

namespace IpWarehouse.Etl.Sandbox.Internal;

/// One worker process, watched while it runs its query: killed past its time or memory, its crash turned into a message.
internal sealed class WorkerProcess : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);
    private readonly Process process;
    private readonly Task<string> errors;
    private readonly Task drained;

    private WorkerProcess(Process process, bool inheritOutput)
    {
        this.process = process;
        errors = process.StandardError.ReadToEndAsync();
        drained = inheritOutput ? Task.CompletedTask : process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
    }

    internal bool HasExited => process.HasExited;

    internal static WorkerProcess Start(WorkerCommand command, bool inheritOutput)
    {
        var start = new ProcessStartInfo(command.Program)
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            RedirectStandardOutput = !inheritOutput,
            UseShellExecute = false,
        };
        foreach (var argument in command.Arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["DOTNET_gcServer"] = "0";
        var process = Process.Start(start)!;
        try
        {
            // Below the server's own priority: a query may use its cores, the console's answers come first.
            process.PriorityClass = ProcessPriorityClass.BelowNormal;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // not permitted here: the worker runs at normal priority
        }
        return new WorkerProcess(process, inheritOutput);
    }

    internal async Task<SqlOutcome> RunAsync(SqlRequest request, TimeSpan limit, long killAboveBytes, CancellationToken cancellationToken)
    {
        try
        {
            await process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(request, SqlRequest.Json)).ConfigureAwait(false);
            await process.StandardInput.FlushAsync(cancellationToken).ConfigureAwait(false);
            // Standard input stays open while the worker runs: when this process dies, the worker reads its end and exits.
        }
        catch (IOException)
        {
            // The worker died before reading: its exit says why, below.
        }
        var watch = Stopwatch.StartNew();
        string? killed = null;
        while (!process.HasExited)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                Kill();
                cancellationToken.ThrowIfCancellationRequested();
            }
            if (limit != Timeout.InfiniteTimeSpan && watch.Elapsed > limit)
            {
                killed = $"查询超过时间限制 {(limit - SandboxSettings.Grace).TotalSeconds:0} 秒后仍未停止，已被终止 / The query did not stop at its time limit of " +
                    $"{(limit - SandboxSettings.Grace).TotalSeconds:0} s and was killed: aggregate in SQL, filter by year or region, or add LIMIT.";
                Kill();
                break;
            }
            if (Memory() > killAboveBytes)
            {
                killed = $"查询使用的内存超过 {killAboveBytes / 1_000_000} MB，已被终止 / The query used more than {killAboveBytes / 1_000_000} MB of memory and was killed: " +
                    "aggregate in SQL instead of building large lists or strings, filter by year or region, or add LIMIT.";
                Kill();
                break;
            }
            await Task.WhenAny(process.WaitForExitAsync(CancellationToken.None), Task.Delay(Poll, CancellationToken.None)).ConfigureAwait(false);
        }
        await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        var stderr = await errors.ConfigureAwait(false);
        await drained.ConfigureAwait(false);
        if (killed is not null)
        {
            return new SqlOutcome(400, killed);
        }
        var marker = stderr.LastIndexOf(SqlWorker.OutcomeMarker, StringComparison.Ordinal);
        if (marker >= 0)
        {
            var line = stderr[(marker + SqlWorker.OutcomeMarker.Length)..].Split('\n')[0];
            return JsonSerializer.Deserialize<SqlOutcome>(line, SqlRequest.Json)!;
        }
        return new SqlOutcome(500,
            $"查询进程意外退出（退出码 {process.ExitCode}），这一个查询失败，服务照常运行 / The query's worker process ended unexpectedly (exit code {process.ExitCode}); " +
            "only this query failed. If it happens again, simplify the query or ask the operator to raise sql.memoryLimit.");
    }

    // The worker's resident memory, as the kernel counts it.
    private long Memory()
    {
        try
        {
            process.Refresh();
            return process.WorkingSet64;
        }
        catch (InvalidOperationException)
        {
            return 0; // it has just exited
        }
    }

    private void Kill()
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            Kill();
        }
        process.Dispose();
    }
}
