using System.CommandLine;
using DuckDB.NET.Data;
using IpWarehouse.Cli;
using IpWarehouse.Etl;

try
{
    // Our own handler below prints what the operator can act on without a stack trace.
    var parsed = IpwhCommand.Create().Parse(args);
    var invocation = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
    if (ServeCommand.Handles(parsed))
    {
        // The host handles Ctrl+C and SIGTERM itself and waits for a running load's safe point, which
        // takes longer than System.CommandLine's two seconds before it gives up on the action.
        invocation.ProcessTerminationTimeout = null;
    }
    return await parsed.InvokeAsync(invocation).ConfigureAwait(false);
}
catch (Exception e) when (e is EtlException or DuckDBException or IOException)
{
    // Errors the operator can act on: the message names the object, the value and the fix.
    Console.Error.WriteLine($"ipwh: {e.Message}");
    return 1;
}
