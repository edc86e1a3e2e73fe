using System.CommandLine;
using IpWarehouse.Etl.Planning;

namespace IpWarehouse.Cli;

/// <summary><c>ipwh expiring</c> and <c>ipwh cases</c>: the watch lists of INDICATORS.md.</summary>
internal static class WatchCommands
{
    internal static Command Expiring()
    {
        var config = CommonOptions.Config();
        var format = CommonOptions.ReportFormat();
        var output = CommonOptions.Out();
        var within = Within("List the rights attributed to this region or below it, e.g. 620000 (甘肃省) or 622901 (临夏市).");
        var months = new Option<int>("--months")
        {
            Description = "Rights whose protection ends within this many months (1-120).",
            Required = true,
        };
        var kind = new Option<string?>("--kind") { Description = "patents or trademarks (default: both)." };
        kind.AcceptOnlyFromAmong([.. PlanningQueries.ExpiringKinds]);
        var asOf = ReportOutput.AsOf();
        var command = new Command("expiring", "Patents whose term ends and trademarks whose registration expires within N months (即将到期), with owner, region, dates and the renewal window.")
        {
            within, months, kind, asOf, config, format, output,
        };
        command.SetAction(result =>
        {
            using var planning = PlanningCommand.Open(result, config);
            var limit = PlanningCommand.ListLimit(result, config);
            return ReportOutput.Write(result, format, output, PlanningAnswer.Expiring(planning, result.GetValue(within)!, result.GetValue(months),
                result.GetValue(kind), ReportOutput.ParseDate(result, asOf), limit), limit);
        });
        return command;
    }

    internal static Command Cases()
    {
        var config = CommonOptions.Config();
        var format = CommonOptions.ReportFormat();
        var output = CommonOptions.Out();
        var within = Within("The cases of this region or below it, e.g. 622900 (临夏回族自治州).");
        var open = new Option<bool>("--open") { Description = "List the open cases, oldest first, with their statutory limit and whether they are overdue (the default)." };
        var by = new Option<string?>("--by") { Description = "department, case_type or campaign: the case indicators of the year and the open and overdue cases per group." };
        by.AcceptOnlyFromAmong([.. PlanningQueries.CaseGroupings]);
        var asOf = ReportOutput.AsOf();
        var command = new Command("cases", "Open and overdue enforcement cases by handling unit (办案单位), case type or campaign (铁拳, 蓝天 …).")
        {
            within, open, by, asOf, config, format, output,
        };
        command.SetAction(result =>
        {
            using var planning = PlanningCommand.Open(result, config);
            var limit = PlanningCommand.ListLimit(result, config);
            return ReportOutput.Write(result, format, output, PlanningAnswer.Cases(planning, result.GetValue(within)!, result.GetValue(by),
                ReportOutput.ParseDate(result, asOf), limit), limit);
        });
        return command;
    }

    private static Option<string> Within(string description) => new("--within") { Description = description, Required = true };
}
