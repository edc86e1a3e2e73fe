using System.CommandLine;
using System.Globalization;
using IpWarehouse.Etl.Planning;

namespace IpWarehouse.Cli;

/// <summary><c>ipwh violations</c>: the subsidy payments of a year that break a subsidy rule.</summary>
internal static class ViolationsCommand
{
    internal static Command Create()
    {
        var config = CommonOptions.Config();
        var format = CommonOptions.ReportFormat();
        var output = CommonOptions.Out();
        var year = ReportOutput.Year();
        var command = new Command("violations", "Subsidy payments of a year breaking a subsidy rule, each with the rule it broke.")
        {
            year, config, format, output,
        };
        command.SetAction(result =>
        {
            using var planning = PlanningCommand.Open(result, config);
            var y = result.GetValue(year);
            return ReportOutput.Write(result, format, output, PlanningAnswer.Violations(planning, y));
        });
        return command;
    }
}
