using System.Globalization;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace IpWarehouse.Jobs.Api;

/// <summary>
/// Hangfire's dashboard at <c>/hangfire</c>: offline (its scripts and styles are in Hangfire.Core), in Chinese
/// (Hangfire's zh resources), open to read like the console. Its commands (trigger, requeue, delete) change loads:
/// they need the operator token, sent as <c>Authorization: Bearer</c> or as the cookie the 运行 page sets when the
/// token is typed there, and a request from another site's page is read-only. Without a token configured the
/// dashboard is read-only: <c>ipwh jobs</c> and the 运行 page act instead.
/// </summary>
public static class DashboardEndpoints
{
    /// <summary>Where the dashboard is served.</summary>
    public const string Path = "/hangfire";

    /// <summary>The cookie the 运行 page sets (path /hangfire, SameSite=Strict) with the operator token typed there.</summary>
    public const string TokenCookie = "ipwh_operator";

    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>
    /// What Hangfire's dashboard middleware looks for in the services. Not AddHangfire: that points Hangfire's
    /// process-wide settings at this host (our storage, client and server are built by the host instead).
    /// </summary>
    public static void AddServices(IServiceCollection services)
    {
        services.AddSingleton(_ => GlobalConfiguration.Configuration);
        services.AddSingleton(_ => DashboardRoutes.Routes);
    }

    /// <summary>Adds the dashboard over <paramref name="storage"/>.</summary>
    public static void Map(WebApplication app, JobStorage storage)
    {
        ArgumentNullException.ThrowIfNull(app);
        var server = app.Services.GetRequiredService<ServerSettings>();
        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments(Path))
            {
                await next(context).ConfigureAwait(false);
                return;
            }
            CultureInfo.CurrentUICulture = Chinese;
            CultureInfo.CurrentCulture = Chinese;
            await ChineseTimesAsync(context, next).ConfigureAwait(false);
        });
        app.UseHangfireDashboard(Path, new DashboardOptions
        {
            AppPath = "/#/runs",
            DashboardTitle = "IpWarehouse 装载调度",
            Authorization = [new OpenToRead()],
            IsReadOnlyFunc = context => !IsOperator(((AspNetCoreDashboardContext)context).HttpContext, server),
            DisplayStorageConnectionString = false,
            TimeZoneResolver = new DefaultTimeZoneResolver(),
        }, storage);
    }

    // Hangfire's pages say <html lang="zh"> (the two-letter name) and its moment.js knows Chinese as zh-cn only, so
    // relative times ("17 分钟内") would stay English: the page's language is given as zh-CN instead.
    private static async Task ChineseTimesAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Response.Body;
        using var page = new MemoryStream();
        context.Response.Body = page;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = original;
        }
        page.Position = 0;
        if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
        {
            var html = System.Text.Encoding.UTF8.GetString(page.ToArray()).Replace("<html lang=\"zh\">", "<html lang=\"zh-cn\">", StringComparison.Ordinal);
            var bytes = System.Text.Encoding.UTF8.GetBytes(html);
            context.Response.ContentLength = bytes.Length;
            await original.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
            return;
        }
        await page.CopyToAsync(original, context.RequestAborted).ConfigureAwait(false);
    }

    // The same rule as the mutating routes (OperatorTokenFilter), with the token from the header or the cookie.
    private static bool IsOperator(HttpContext http, ServerSettings server)
    {
        if (server.OperatorToken is not { } expected || !OperatorTokenFilter.FromThisSite(http.Request))
        {
            return false;
        }
        const string Scheme = "Bearer ";
        var header = http.Request.Headers.Authorization.ToString();
        var given = header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..].Trim() : http.Request.Cookies[TokenCookie];
        return given is { Length: > 0 } && OperatorTokenFilter.Matches(given, expected);
    }

    // Reading the dashboard needs what reading the console needs: nothing beyond reaching the server.
    private sealed class OpenToRead : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => true;
    }
}
