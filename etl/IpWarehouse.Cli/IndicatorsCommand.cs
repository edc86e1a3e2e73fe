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
        var years = new YearRangeOptions();
        var region = new Option<string[]>("--region")
        {
            Description = "A region code (repeatable), e.g. --region 620000 --region 620100; default: every region with data.",
            AllowMultipleArgumentsPerToken = false,
        };
        var asOf = ReportOutput.AsOf();
        var command = new Command("indicators", "Every indicator of INDICATORS.md for regions and a year (or --as-of year to date, or --from-year/--to-year range).")
        {
            region, asOf, config, format, output,
        };
        foreach (var option in years.All)
        {
            command.Options.Add(option);
        }
        command.SetAction(result =>
        {
            using var planning = PlanningCommand.Open(result, config);
            var (year, fromYear) = years.Read(result);
            var date = ReportOutput.ParseDate(result, asOf);
            return ReportOutput.Write(result, format, output, PlanningAnswer.Indicators(planning, year, result.GetValue(region), date, fromYear));
        });
        return command;
    }
}
