using System.CommandLine;
using IpWarehouse.Etl.Planning;

namespace IpWarehouse.Cli;

/// <summary><c>ipwh reconcile</c>: official figures beside the values computed here, with a status and, for 偏差, what could explain it.</summary>
internal static class ReconcileCommand
{
    internal static Command Create()
    {
        var config = CommonOptions.Config();
        var format = CommonOptions.ReportFormat();
        var output = CommonOptions.Out();
        var year = ReportOutput.Year();
        var within = new Option<string?>("--within")
        {
            Description = "Only the figures of this region and the regions below it, e.g. 622900.",
        };
        var tolerance = new Option<double?>("--tolerance")
        {
            Description = $"A difference of at most this many percent of the official figure is a match (default {PlanningQueries.DefaultTolerance}).",
        };
        var command = new Command("reconcile",
            "Reconcile the official figures (source kind official_figures) with ours: 一致, 偏差 (with the likely causes), 无本地数, 无官方数.")
        {
            year, within, tolerance, config, format, output,
        };
        command.SetAction(result =>
        {
            using var planning = PlanningCommand.Open(result, config);
            return ReportOutput.Write(result, format, output, PlanningAnswer.Reconcile(planning, result.GetValue(year), result.GetValue(within), result.GetValue(tolerance)));
        });
        return command;
    }
}
