namespace IpWarehouse.Jobs.Internal;

// The nightly schedule's pause (IPWH_SCHEDULE_PAUSE, warehouse-sql/scheduler/*/040_ipwh_schedule_pause.sql), for
// every node of the store. Hangfire has no pause: the recurring job keeps firing, a fire that finds the schedule
// paused does nothing and notes that it skipped, and resume runs one catch-up load when one was skipped.
internal sealed class SchedulePause(SchedulerSettings settings, TimeProvider clock)
{
    private const string Name = "nightly";

    private long Now => clock.GetUtcNow().ToUnixTimeMilliseconds();

    public async Task<bool> IsPausedAsync(CancellationToken cancellationToken)
    {
        var connection = await StoreConnections.OpenAsync(settings, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = StoreConnections.Command(connection, "SELECT COUNT(*) FROM IPWH_SCHEDULE_PAUSE WHERE SCHEDULE_NAME = @name", ("name", Name));
            await using (command.ConfigureAwait(false))
            {
                return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) > 0;
            }
        }
    }

    /// Pauses (a second pause changes nothing).
    public async Task PauseAsync(string by, CancellationToken cancellationToken)
    {
        var connection = await StoreConnections.OpenAsync(settings, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await StoreConnections.ExecuteAsync(connection,
                """
                INSERT INTO IPWH_SCHEDULE_PAUSE (SCHEDULE_NAME, PAUSED_AT, PAUSED_BY)
                SELECT @name, @now, @by WHERE NOT EXISTS (SELECT 1 FROM IPWH_SCHEDULE_PAUSE WHERE SCHEDULE_NAME = @name)
                """, cancellationToken, ("name", Name), ("now", Now), ("by", by)).ConfigureAwait(false);
        }
    }

    /// A nightly fire while paused: true (and the skip noted) when it must do nothing.
    public async Task<bool> SkipIfPausedAsync(CancellationToken cancellationToken)
    {
        var connection = await StoreConnections.OpenAsync(settings, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await StoreConnections.ExecuteAsync(connection,
                "UPDATE IPWH_SCHEDULE_PAUSE SET SKIPPED_AT = COALESCE(SKIPPED_AT, @now) WHERE SCHEDULE_NAME = @name",
                cancellationToken, ("now", Now), ("name", Name)).ConfigureAwait(false) == 1;
        }
    }

    /// Resumes; true when a fire was skipped while paused (the caller runs one catch-up load). Of two nodes
    /// resuming at once, only the one whose DELETE removed the row sees the skip.
    public async Task<bool> ResumeAsync(CancellationToken cancellationToken)
    {
        var connection = await StoreConnections.OpenAsync(settings, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var skipped = await StoreConnections.ExecuteAsync(connection,
                "DELETE FROM IPWH_SCHEDULE_PAUSE WHERE SCHEDULE_NAME = @name AND SKIPPED_AT IS NOT NULL", cancellationToken, ("name", Name)).ConfigureAwait(false) == 1;
            await StoreConnections.ExecuteAsync(connection, "DELETE FROM IPWH_SCHEDULE_PAUSE WHERE SCHEDULE_NAME = @name",
                cancellationToken, ("name", Name)).ConfigureAwait(false);
            return skipped;
        }
    }
}
