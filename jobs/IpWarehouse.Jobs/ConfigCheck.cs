using IpWarehouse.Etl.Configuration;
using IpWarehouse.Etl.Indicators;
using IpWarehouse.Etl.Planning;
using IpWarehouse.Etl.Sandbox;
using IpWarehouse.Etl.Snapshots;
using IpWarehouse.Etl.Warehouse;

namespace IpWarehouse.Jobs;

/// <summary>
/// Every section of ipwh.json that <c>ipwh serve</c> and <c>ipwh load</c> read, read the way they read it, so
/// <c>ipwh check</c> fails on whatever would make them fail (the sources are checked apart, by reaching them).
/// A part that reads a new section adds its reader here.
/// </summary>
public static class ConfigCheck
{
    /// <exception cref="IpWarehouse.Etl.ConfigException">The first setting that is wrong, named with its fix.</exception>
    public static void Validate(IpwhConfig config, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(environment);
        _ = SchedulerSettings.FromConfig(config);
        _ = ServerSettings.FromConfig(config, environment);
        _ = ConsoleSettings.FromConfig(config);
        _ = TargetSettings.FromConfig(config);
        _ = IndicatorSettings.FromConfig(config);
        _ = PublishRetention.FromConfig(config);
        _ = SnapshotRetention.FromConfig(config);
        _ = IndexSettings.FromConfig(config);
        _ = SandboxSettings.FromConfig(config);
    }
}
