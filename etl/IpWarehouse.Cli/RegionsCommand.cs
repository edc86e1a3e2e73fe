using System.CommandLine;
using IpWarehouse.Etl.Planning;
using IpWarehouse.Etl.Regions;

namespace IpWarehouse.Cli;

/// <summary><c>ipwh regions history CODE</c>: what became of a division code (the shipped code history; no warehouse needed).</summary>
internal static class RegionsCommand
{
    internal static Command Create()
    {
        var format = CommonOptions.ReportFormat();
        var output = CommonOptions.Out();
        var code = new Argument<string>("code") { Description = "A six-digit GB/T 2260 code, current or retired, e.g. 620824." };
        var history = new Command("history", "A code's history: renames, 撤县设区/撤县设市, mergers and splits since 1980, and what succeeds it today.")
        {
            code, format, output,
        };
        history.SetAction(result => ReportOutput.Write(result, format, output,
            PlanningAnswer.RegionHistory(result.GetValue(code)!, RegionCatalog.LoadDefault(), RegionSuccession.LoadDefault())));
        return new Command("regions", "The division list and its code history.") { history };
    }
}
