using System.CommandLine;
using IpWarehouse.Etl.Planning;

namespace IpWarehouse.Cli;

/// <summary><c>ipwh index</c>: regions ranked by a composite evaluation index of ipwh.json's <c>indexes</c>.</summary>
internal static class IndexCommand
{
    internal static Command Create()
    {
        var config = CommonOptions.Config();
        var format = CommonOptions.ReportFormat();
        var output = CommonOptions.Out();
        var name = new Option<string>("--name") { Description = "The index's name in ipwh.json (indexes[].name).", Required = true };
        var year = ReportOutput.Year();
        var within = new Option<string>("--within") { Description = "Score the regions under this region, e.g. 620000 (甘肃省).", Required = true };
        var level = new Option<string?>("--level") { Description = "county or city (default: the level just below --within)." };
        level.AcceptOnlyFromAmong("county", "city");
        var explain = new Option<bool>("--explain") { Description = "One row per region and indicator: raw value, normalised value, weight and contribution." };
        var command = new Command("index", "Rank regions by a composite evaluation index (综合评价指数): total score and each dimension's sub-score.")
        {
            name, year, within, level, explain, config, format, output,
        };
        command.SetAction(result =>
        {
            var definition = IndexSettings.FromConfig(CommonOptions.LoadConfig(result, config, checkFiles: false)).Find(result.GetValue(name));
            using var planning = PlanningCommand.Open(result, config);
            return ReportOutput.Write(result, format, output, PlanningAnswer.Index(planning, definition, result.GetValue(year), result.GetValue(within)!,
                result.GetValue(level), result.GetValue(explain)));
        });
        return command;
    }
}
