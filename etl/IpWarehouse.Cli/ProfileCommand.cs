using System.CommandLine;
using IpWarehouse.Etl.Planning;

namespace IpWarehouse.Cli;

/// <summary><c>ipwh profile</c>: one region's year, every indicator with value, change, rank, the parent's value and the target.</summary>
internal static class ProfileCommand
{
    internal static Command Create()
    {
        var config = CommonOptions.Config();
        var format = CommonOptions.ReportFormat();
        var output = CommonOptions.Out();
        var region = new Option<string>("--region") { Description = "The region code, e.g. 620102 (the console's 我县/我市).", Required = true };
        var year = ReportOutput.Year();
        var command = new Command("profile",
            "One region's year at a glance: every indicator with value, change, rank within the parent, the parent's value, the target's status.")
        {
            region, year, config, format, output,
        };
        command.SetAction(result =>
        {
            using var planning = PlanningCommand.Open(result, config);
            return ReportOutput.Write(result, format, output, PlanningAnswer.Profile(planning, result.GetValue(region)!, result.GetValue(year)));
        });
        return command;
    }
}
