using System.CommandLine;
using System.Globalization;
using IpWarehouse.Etl.Planning;

namespace IpWarehouse.Cli;

/// <summary><c>ipwh targets</c>: the year's targets with the actual value, the projection and a status.</summary>
internal static class TargetsCommand
{
    internal static Command Create()
    {
        var config = CommonOptions.Config();
        var format = CommonOptions.ReportFormat();
        var output = CommonOptions.Out();
        var year = ReportOutput.Year();
        var region = new Option<string?>("--region")
        {
            Description = "Only the targets of this region and the regions below it.",
        };
        var asOf = ReportOutput.AsOf();
        var command = new Command("targets",
            "Target tracking: achieved, on_track, at_risk, off_track or missed (counts projected to the year end during the year).")
        {
            year, region, asOf, config, format, output,
        };
        command.SetAction(result =>
        {
            using var planning = PlanningCommand.Open(result, config);
            return ReportOutput.Write(result, format, output, PlanningAnswer.Targets(planning, result.GetValue(year), result.GetValue(region), ReportOutput.ParseDate(result, asOf)));
        });
        return command;
    }
}
