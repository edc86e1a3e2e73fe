using System.CommandLine;
using System.Globalization;
using IpWarehouse.Etl.Planning;

namespace IpWarehouse.Cli;

/// <summary><c>ipwh rank</c>: the regions of a level under a region, ranked by one indicator.</summary>
internal static class RankCommand
{
    internal static Command Create()
    {
        var config = CommonOptions.Config();
        var format = CommonOptions.ReportFormat();
        var output = CommonOptions.Out();
        var indicator = new Option<string>("--indicator")
        {
            Description = "The indicator code (INDICATORS.md), e.g. valid_invention_per_10k.",
            Required = true,
        };
        var years = new YearRangeOptions();
        var within = new Option<string>("--within")
        {
            Description = "Rank the regions under this region, e.g. 620000 (甘肃省) or 620100 (兰州市).",
            Required = true,
        };
        var level = new Option<string?>("--level")
        {
            Description = "county or city (default: the level just below --within; --level county --within 620000 ranks every county of the province).",
        };
        level.AcceptOnlyFromAmong("county", "city");
        var asOf = ReportOutput.AsOf();
        var command = new Command("rank", "Rank regions by an indicator (a year, a year to date, or a range of years): competition ranking, the rank of the period before and the change, the parent's own value.")
        {
            indicator, within, level, asOf, config, format, output,
        };
        foreach (var option in years.All)
        {
            command.Options.Add(option);
        }
        command.SetAction(result =>
        {
            using var planning = PlanningCommand.Open(result, config);
            var (year, fromYear) = years.Read(result);
            return ReportOutput.Write(result, format, output, PlanningAnswer.Rank(planning, result.GetValue(indicator)!, year, result.GetValue(within)!, result.GetValue(level),
                ReportOutput.ParseDate(result, asOf), fromYear));
        });
        return command;
    }
}
