using IpWarehouse.Etl.Loading;
using Microsoft.AspNetCore.Builder;

namespace IpWarehouse.Jobs;

/// <summary>How <see cref="JobsHost"/> builds the host: addresses, clock and hooks for tests.</summary>
public sealed record JobsHostOptions
{
    /// <summary>Addresses to listen on (<c>--urls</c>); null takes ipwh.json's <c>server.urls</c>, else loopback:5080.</summary>
    public string? Urls { get; init; }

    /// <summary>The clock of the scheduler, the loads and the lease (a fake one in tests).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Where environment variables come from (<c>$IPWH_OPERATOR_TOKEN</c>).</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>This node's id (the lease's holder, Hangfire's server name); null makes one of scheduler.name, host name and process id.</summary>
    public string? InstanceId { get; init; }

    /// <summary>Also told of every load's progress, on the loader's thread.</summary>
    public IProgress<LoadProgress>? Progress { get; init; }

    /// <summary>Last changes to the builder before the host is built (tests use an in-memory server).</summary>
    public Action<WebApplicationBuilder>? ConfigureBuilder { get; init; }
}
