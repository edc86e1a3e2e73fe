using Cronos;

namespace IpWarehouse.Etl.Configuration;

/// <summary>
/// ipwh.json <c>schedule.nightly</c> read the way the scheduler reads it: Cronos, Hangfire's cron parser, with five
/// fields (minute hour day month weekday) or six (seconds first, as the Quartz strings of earlier versions:
/// <c>"0 30 1 * * ?"</c>), in <c>timeZone</c>. <c>ipwh check</c> and <c>ipwh serve</c> both call <see cref="Parse(IpwhConfig)"/>.
/// </summary>
public static class NightlySchedule
{
    /// <summary>The parsed expression, or null when no nightly load is configured.</summary>
    /// <exception cref="ConfigException">The cron expression cannot be read; the message names the field and the fix.</exception>
    public static CronExpression? Parse(IpwhConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Schedule.Nightly is not { } cron)
        {
            return null;
        }
        try
        {
            return Parse(cron);
        }
        catch (CronFormatException e)
        {
            throw new ConfigException(
                $"{config.ConfigPath}: field 'schedule.nightly': '{cron}' is not a cron expression the scheduler can read ({e.Message}). " +
                "Write minute hour day month weekday, e.g. \"30 1 * * *\" for 01:30 every night, or with seconds first, \"0 30 1 * * ?\".")
            {
                ConfigPath = config.ConfigPath,
                Field = "schedule.nightly",
            };
        }
    }

    /// <summary>Reads a cron expression as Hangfire does: six fields include seconds, five do not.</summary>
    /// <exception cref="CronFormatException">It cannot be read.</exception>
    public static CronExpression Parse(string cron)
    {
        ArgumentNullException.ThrowIfNull(cron);
        var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return CronExpression.Parse(cron, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
    }

    /// <summary>The latest occurrence at or before <paramref name="at"/>, within the 8 days before it, or null.</summary>
    public static DateTimeOffset? Previous(CronExpression cron, TimeZoneInfo zone, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(cron);
        DateTimeOffset? last = null;
        foreach (var occurrence in cron.GetOccurrences(at.AddDays(-8), at, zone, fromInclusive: true, toInclusive: true))
        {
            last = occurrence;
        }
        return last;
    }
}
