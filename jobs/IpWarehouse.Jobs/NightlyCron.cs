using IpWarehouse.Etl;
using IpWarehouse.Etl.Configuration;

namespace IpWarehouse.Jobs;

/// <summary>
/// The one check of <c>schedule.nightly</c>, by the parser of the scheduler that will run it. <c>ipwh serve</c>
/// (through <see cref="SchedulerSettings"/>) and <c>ipwh check</c> (through <see cref="ConfigCheck"/>) both call
/// it, so check never passes a cron expression serve refuses.
/// </summary>
public static class NightlyCron
{
    /// <exception cref="ConfigException">The expression is not one the scheduler reads; the message shows the form.</exception>
    public static void Validate(IpwhConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Schedule.Nightly is { } cron && !Quartz.CronExpression.IsValidExpression(cron))
        {
            throw new ConfigException(
                $"{config.ConfigPath}: field 'schedule.nightly': '{cron}' is not a Quartz cron expression. " +
                "Write seconds, minutes, hours, day of month, month, day of week, e.g. \"0 30 1 * * ?\" for 01:30 every night.")
            {
                ConfigPath = config.ConfigPath,
                Field = "schedule.nightly",
            };
        }
    }
}
