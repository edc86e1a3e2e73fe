using System.CommandLine;
using System.Globalization;
using IpWarehouse.Etl.Planning;

namespace IpWarehouse.Cli;

/// <summary><c>ipwh explain</c>: where a planner's number came from.</summary>
internal static class ExplainCommand
{
    internal static Command Create()
    {
        var config = CommonOptions.Config();
        var format = CommonOptions.ReportFormat();
        var output = CommonOptions.Out();
        var indicator = new Option<string>("--indicator") { Description = "The indicator code (INDICATORS.md).", Required = true };
        var years = new YearRangeOptions();
        var region = new Option<string>("--region") { Description = "The region code, e.g. 620100.", Required = true };
        var command = new Command("explain",
            "Where a figure came from: counting rules, numerator and denominator, the population row, the first 20 facts with source and batch.")
        {
            indicator, region, config, format, output,
        };
        foreach (var option in years.All)
        {
            command.Options.Add(option);
        }
        command.SetAction(result =>
        {
            using var planning = PlanningCommand.Open(result, config);
            var (year, fromYear) = years.Read(result);
            return ReportOutput.Write(result, format, output, PlanningAnswer.Explain(planning, result.GetValue(indicator)!, year, result.GetValue(region)!, fromYear));
        });
        return command;
    }
}
