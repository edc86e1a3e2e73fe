using System.CommandLine;
using IpWarehouse.Etl.Planning;
using IpWarehouse.Etl.Sandbox;
using IpWarehouse.Etl.Warehouse;

namespace IpWarehouse.Cli;

/// <summary>What the planning commands share: the configuration, and the published warehouse opened read-only.</summary>
internal static class PlanningCommand
{
    internal static PlanningQueries Open(ParseResult result, Option<string?> config)
    {
        var configuration = CommonOptions.LoadConfig(result, config, checkFiles: false);
        return PlanningQueries.OpenPublished(new WarehousePaths(configuration.Warehouse), TimeProvider.System, configuration.TimeZone,
            targets: TargetSettings.FromConfig(configuration));
    }

    /// <summary>What a long list (ipwh expiring, ipwh cases --open) writes at most: the download limits of the sql section.</summary>
    internal static OutputLimit ListLimit(ParseResult result, Option<string?> config) =>
        SandboxSettings.FromConfig(CommonOptions.LoadConfig(result, config, checkFiles: false)).Download.Limit;
}
