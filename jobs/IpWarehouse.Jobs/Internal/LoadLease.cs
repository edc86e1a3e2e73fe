using System.Data.Common;

namespace IpWarehouse.Jobs.Internal;

// The load lease (IPWH_LOAD_LEASE, warehouse-sql/scheduler/*/030_ipwh_load_lease.sql): at most one
// holder across every node on the job store. Plain INSERT / UPDATE / DELETE that SQLite, PostgreSQL and
// SQL Server all read the same way; unquoted names fold to lower case on PostgreSQL.
internal sealed class LoadLease(SchedulerSettings settings, TimeProvider clock)
{
    private const string Name = "load";

    public sealed record Holder(string Id, DateTimeOffset AcquiredAt, DateTimeOffset ExpiresAt, string? BatchId, string? Trigger, bool CancelRequested)
    {
        // holder ids are "<node>/<fire id>": the node is what an operator needs to see
        public string Node => Id.Split('/')[0];
    }

    private long Now => clock.GetUtcNow().ToUnixTimeMilliseconds();

    private long Expiry => Now + (long)settings.LeaseDuration.TotalMilliseconds;

    /// Takes the lease for <paramref name="holder"/> unless a live holder has it; returns that holder then. With
    /// <paramref name="claim"/>, only the lease that run-now took for this load (holder <paramref name="claim"/>) is
    /// taken over: a claim that lapsed or was used already starts no load, so one accepted request is one load.
    public async Task<(bool Acquired, Holder? Current)> TryAcquireAsync(string holder, string trigger, CancellationToken cancellationToken, string? claim = null)
    {
        var connection = await StoreConnections.OpenAsync(settings, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            if (claim is not null && await StoreConnections.ExecuteAsync(connection,
                "UPDATE IPWH_LOAD_LEASE SET HOLDER = @holder, EXPIRES_AT = @expires WHERE LEASE_NAME = @name AND HOLDER = @claim AND EXPIRES_AT >= @now",
                cancellationToken, ("holder", holder), ("expires", Expiry), ("name", Name), ("claim", claim), ("now", Now)).ConfigureAwait(false) == 1)
            {
                return (true, null);
            }
            if (claim is not null)
            {
                return (false, await ReadAsync(connection, cancellationToken).ConfigureAwait(false));
            }
            // A lapsed lease belongs to nobody: its holder stopped renewing it (killed, cut off).
            await StoreConnections.ExecuteAsync(connection, "DELETE FROM IPWH_LOAD_LEASE WHERE LEASE_NAME = @name AND EXPIRES_AT < @now", cancellationToken,
                ("name", Name), ("now", Now)).ConfigureAwait(false);
            try
            {
                var inserted = await StoreConnections.ExecuteAsync(connection,
                    """
                    INSERT INTO IPWH_LOAD_LEASE (LEASE_NAME, HOLDER, ACQUIRED_AT, EXPIRES_AT, TRIGGER_KIND, CANCEL_REQUESTED)
                    SELECT @name, @holder, @now, @expires, @trigger, 0
                    WHERE NOT EXISTS (SELECT 1 FROM IPWH_LOAD_LEASE WHERE LEASE_NAME = @name)
                    """, cancellationToken, ("name", Name), ("holder", holder), ("now", Now), ("expires", Expiry), ("trigger", trigger)).ConfigureAwait(false);
                if (inserted == 1)
                {
                    return (true, null);
                }
            }
            catch (DbException)
            {
                // Two nodes inserted at the same instant: the primary key let one win. If nobody holds the
                // lease now, the error was something else and the caller must see it.
                if (await ReadAsync(connection, cancellationToken).ConfigureAwait(false) is null)
                {
                    throw;
                }
            }
            return (false, await ReadAsync(connection, cancellationToken).ConfigureAwait(false));
        }
    }

    /// Extends our lease; false when it is no longer ours (it lapsed and another node took it).
    public async Task<(bool Held, bool CancelRequested)> RenewAsync(string holder, CancellationToken cancellationToken)
    {
        var connection = await StoreConnections.OpenAsync(settings, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var renewed = await StoreConnections.ExecuteAsync(connection, "UPDATE IPWH_LOAD_LEASE SET EXPIRES_AT = @expires WHERE LEASE_NAME = @name AND HOLDER = @holder",
                cancellationToken, ("expires", Expiry), ("name", Name), ("holder", holder)).ConfigureAwait(false);
            var current = await ReadAsync(connection, cancellationToken).ConfigureAwait(false);
            return (renewed == 1, current is { } c && c.Id == holder && c.CancelRequested);
        }
    }

    public async Task SetBatchAsync(string holder, string batchId, CancellationToken cancellationToken)
    {
        var connection = await StoreConnections.OpenAsync(settings, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await StoreConnections.ExecuteAsync(connection, "UPDATE IPWH_LOAD_LEASE SET BATCH_ID = @batch WHERE LEASE_NAME = @name AND HOLDER = @holder",
                cancellationToken, ("batch", batchId), ("name", Name), ("holder", holder)).ConfigureAwait(false);
        }
    }

    /// Asks the holder, on whichever node, to cancel; true when a live load was there to ask.
    public async Task<bool> RequestCancelAsync(CancellationToken cancellationToken)
    {
        var connection = await StoreConnections.OpenAsync(settings, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await StoreConnections.ExecuteAsync(connection, "UPDATE IPWH_LOAD_LEASE SET CANCEL_REQUESTED = 1 WHERE LEASE_NAME = @name AND EXPIRES_AT >= @now",
                cancellationToken, ("name", Name), ("now", Now)).ConfigureAwait(false) == 1;
        }
    }

    public async Task ReleaseAsync(string holder, CancellationToken cancellationToken)
    {
        var connection = await StoreConnections.OpenAsync(settings, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await StoreConnections.ExecuteAsync(connection, "DELETE FROM IPWH_LOAD_LEASE WHERE LEASE_NAME = @name AND HOLDER = @holder",
                cancellationToken, ("name", Name), ("holder", holder)).ConfigureAwait(false);
        }
    }

    /// The live holder, or null.
    public async Task<Holder?> CurrentAsync(CancellationToken cancellationToken)
    {
        var connection = await StoreConnections.OpenAsync(settings, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await ReadAsync(connection, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<Holder?> ReadAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var command = StoreConnections.Command(connection,
            """
            SELECT HOLDER, ACQUIRED_AT, EXPIRES_AT, BATCH_ID, TRIGGER_KIND, CANCEL_REQUESTED
            FROM IPWH_LOAD_LEASE WHERE LEASE_NAME = @name AND EXPIRES_AT >= @now
            """, ("name", Name), ("now", Now));
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }
                return new Holder(reader.GetString(0),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                    reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4),
                    Convert.ToInt64(reader.GetValue(5), System.Globalization.CultureInfo.InvariantCulture) != 0);
            }
        }
    }
}
