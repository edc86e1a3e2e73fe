using System.CommandLine;
using IpWarehouse.Cli;
using IpWarehouse.DuckDb;
using IpWarehouse.Etl;

try
{
    // Our own handler below prints what the operator can act on without a stack trace.
    return await IpwhCommand.Create().Parse(args)
        .InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
}
catch (Exception e) when (e is EtlException or DuckDBException or IOException)
{
    // Errors the operator can act on: the message names the object, the value and the fix.
    Console.Error.WriteLine($"ipwh: {e.Message}");
    return 1;
}
