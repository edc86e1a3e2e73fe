using System.Diagnostics;
using System.Text;

namespace IpWarehouse.Cli.Tests;

/// Runs the real `ipwh` (the built IpWarehouse.Cli.dll) in a child process.
internal static class Ipwh
{
    internal static string Dll => Path.Combine(AppContext.BaseDirectory, "IpWarehouse.Cli.dll");

    internal sealed record Result(int ExitCode, string Stdout, string Stderr);

    internal static Result Run(string workingDirectory, IDictionary<string, string>? environment, params string[] args)
    {
        using var process = Start(workingDirectory, environment, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"ipwh {string.Join(' ', args)} did not finish in 5 minutes");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    internal static Process Start(string workingDirectory, IDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["CI"] = "true"; // plain progress lines, no terminal control codes
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                start.Environment[key] = value;
            }
        }
        return Process.Start(start) ?? throw new InvalidOperationException("could not start ipwh");
    }
}

/// A uniquely named folder per test, removed afterwards.
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ipwh-cli-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // a killed child may still hold a file for a moment; the OS temp cleaner takes it
        }
    }
}
