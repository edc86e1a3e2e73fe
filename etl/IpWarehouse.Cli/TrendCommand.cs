using System.CommandLine;
using IpWarehouse.Etl.Planning;

namespace IpWarehouse.Cli;

/// <summary><c>ipwh trend</c>: one region's indicator over the years with data, beside its parent, with its rank and target.</summary>
internal static class TrendCommand
{
    internal static Command Create()
    {
        var config = CommonOptions.Config();
        var format = CommonOptions.ReportFormat();
        var output = CommonOptions.Out();
        var indicator = new Option<string>("--indicator") { Description = "The indicator code (INDICATORS.md), e.g. valid_invention_per_10k.", Required = true };
        var region = new Option<string>("--region") { Description = "The region code, e.g. 620102.", Required = true };
        var command = new Command("trend",
            "One region's indicator in every year with data: value, the parent's own value, rank among the parent's regions, the target.")
        {
            indicator, region, config, format, output,
        };
        command.SetAction(result =>
        {
            using var planning = PlanningCommand.Open(result, config);
            return ReportOutput.Write(result, format, output, PlanningAnswer.Trend(planning, result.GetValue(indicator)!, result.GetValue(region)!));
        });
        return command;
    }
}
