using System.Text.Json;
using IpWarehouse.Etl.Configuration;
using IpWarehouse.Etl.Planning;
using IpWarehouse.Jobs.Api;
using IpWarehouse.Jobs.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IpWarehouse.Jobs;

/// <summary>
/// The <c>ipwh serve</c> process: the Hangfire scheduler (nightly loads on a persistent job storage), its
/// dashboard and Kestrel with the HTTP API, in one host. Routes live in <c>Api/</c>, one file per area.
/// </summary>
public static class JobsHost
{
    /// <summary>
    /// Builds the host for <paramref name="config"/>. Fails before listening when the configuration is
    /// wrong, including an address beyond loopback without an operator token (see <see cref="ServerSettings"/>).
    /// </summary>
    public static WebApplication Create(IpwhConfig config, JobsHostOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        options ??= new JobsHostOptions();
        var scheduler = SchedulerSettings.FromConfig(config);
        var server = ServerSettings.FromConfig(config, options.Environment, options.Urls);
        var console = ConsoleSettings.FromConfig(config);
        var targets = TargetSettings.FromConfig(config);
        var indexes = IndexSettings.FromConfig(config);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = config.ConfigDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.WebHost.UseUrls(server.Urls);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "yyyy-MM-dd HH:mm:ss ";
        });
        // Hangfire and ASP.NET Core talk a lot at Information; the operator needs our lines and their warnings.
        builder.Logging.AddFilter("Hangfire", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromMinutes(5));
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            o.SerializerOptions.WriteIndented = true;
        });

        var services = builder.Services;
        ConsoleEndpoints.AddServices(services);
        WarehouseEndpoints.AddServices(services, config);
        services.AddSingleton(config);
        services.AddSingleton(scheduler);
        services.AddSingleton(server);
        services.AddSingleton(console);
        services.AddSingleton(targets);
        services.AddSingleton(indexes);
        services.AddSingleton(options);
        services.AddSingleton(options.Clock);
        services.AddSingleton<LoadLease>();
        services.AddSingleton<LocalLoad>();
        services.AddSingleton<LoadRunner>();
        services.AddSingleton<SchedulePause>();
        services.AddSingleton(new SchedulerNode(options.InstanceId ?? $"{scheduler.Name}-{System.Environment.MachineName}-{System.Environment.ProcessId}"));
        services.AddTransient<LoadJob>();
        services.AddSingleton<SchedulerHostedService>();
        services.AddHostedService(sp => sp.GetRequiredService<SchedulerHostedService>());
        services.AddSingleton(sp => new LoadScheduler(sp.GetRequiredService<SchedulerHostedService>(), scheduler, sp.GetRequiredService<SchedulerNode>(),
            sp.GetRequiredService<LoadLease>(), sp.GetRequiredService<SchedulePause>(), sp.GetRequiredService<LocalLoad>(), options.Clock));
        DashboardEndpoints.AddServices(services);

        options.ConfigureBuilder?.Invoke(builder);
        var app = builder.Build();
        ApiError.UseJsonStatusPages(app);
        HangfireLog.Use(app.Services.GetRequiredService<ILoggerFactory>());
        var storage = app.Services.GetRequiredService<SchedulerHostedService>().Open();
        DashboardEndpoints.Map(app, storage);
        ConsoleEndpoints.Map(app);
        JobsEndpoints.Map(app);
        RunsEndpoints.Map(app);
        WarehouseEndpoints.Map(app);
        PlanningEndpoints.Map(app);
        return app;
    }
}
