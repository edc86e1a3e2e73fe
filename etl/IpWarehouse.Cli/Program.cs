using System.CommandLine;
using IpWarehouse.Cli;

return IpwhCommand.Create().Parse(args).Invoke();
