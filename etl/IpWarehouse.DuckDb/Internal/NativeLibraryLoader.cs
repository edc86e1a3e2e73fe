using System.Reflection;
using System.Runtime.InteropServices;

namespace IpWarehouse.DuckDb.Internal;

/// Finds libduckdb: `IPWH_DUCKDB_LIBRARY` first, then the copy the build places next to our assembly,
/// then the platform's normal search. A miss becomes an error that says how to get the library.
internal static class NativeLibraryLoader
{
    internal const string EnvironmentVariable = "IPWH_DUCKDB_LIBRARY";
    private static int registered;

    internal static void EnsureRegistered()
    {
        if (Interlocked.Exchange(ref registered, 1) == 0)
        {
            NativeLibrary.SetDllImportResolver(typeof(NativeLibraryLoader).Assembly, Resolve);
        }
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != NativeMethods.Library)
        {
            return 0;
        }

        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (NativeLibrary.TryLoad(configured, out var handle))
            {
                return handle;
            }
            throw new DllNotFoundException(
                $"{EnvironmentVariable} points at '{configured}', which could not be loaded as DuckDB's native library. " +
                "Point it at a libduckdb.so of DuckDB 1.5.6, or unset it to use the copy that 'npm ci' brings.");
        }

        foreach (var candidate in Candidates(assembly))
        {
            if (File.Exists(candidate) && NativeLibrary.TryLoad(candidate, out var handle))
            {
                return handle;
            }
        }

        if (NativeLibrary.TryLoad("libduckdb.so", assembly, searchPath, out var systemHandle))
        {
            return systemHandle;
        }

        throw new DllNotFoundException(
            "DuckDB's native library (libduckdb.so) was not found next to " + Path.GetFileName(assembly.Location) +
            " nor on the library path. Run 'npm ci' in the repository (package-lock.json pins " +
            "@duckdb/node-bindings-linux-x64, DuckDB's own build) and rebuild, or set " + EnvironmentVariable +
            " to the full path of a libduckdb.so.");
    }

    private static IEnumerable<string> Candidates(Assembly assembly)
    {
        yield return Path.Combine(AppContext.BaseDirectory, "libduckdb.so");
        var assemblyDir = Path.GetDirectoryName(assembly.Location);
        if (!string.IsNullOrEmpty(assemblyDir))
        {
            yield return Path.Combine(assemblyDir, "libduckdb.so");
        }
    }
}
