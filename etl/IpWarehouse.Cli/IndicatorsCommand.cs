using System.CommandLine;
using System.Globalization;
using IpWarehouse.Etl.Planning;

namespace IpWarehouse.Cli;

/// <summary><c>ipwh indicators</c>: every indicator of the catalogue for regions and a year (or year to date).</summary>
internal static class IndicatorsCommand
{
    internal static Command Create()
    {
        var config = CommonOptions.Config();
        var format = CommonOptions.ReportFormat();
        var output = CommonOptions.Out();
        var year = ReportOutput.Year();
        var region = new Option<string[]>("--region")
        {
            Description = "A region code (repeatable), e.g. --region 620000 --region 620100; default: every region with data.",
            AllowMultipleArgumentsPerToken = false,
        };
        var asOf = ReportOutput.AsOf();
        var command = new Command("indicators", "Every indicator of INDICATORS.md for regions and a year (or --as-of year to date).")
        {
            year, region, asOf, config, format, output,
        };
        command.SetAction(result =>
        {
            using var planning = PlanningCommand.Open(result, config);
            var y = result.GetValue(year);
            var date = ReportOutput.ParseDate(result, asOf);
            return ReportOutput.Write(result, format, output, PlanningAnswer.Indicators(planning, y, result.GetValue(region), date));
        });
        return command;
    }
}
