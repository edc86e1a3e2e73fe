using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.FileProviders;

namespace IpWarehouse.Jobs.Api;

/// <summary>
/// The web console's static pages (zh-CN) from <c>wwwroot/</c> next to the assembly, with ECharts copied there
/// from npm at build time: nothing is fetched from the internet by the browser.
/// </summary>
public static class ConsoleEndpoints
{
    /// <summary>Serves <c>/</c> (index.html) and the console's files.</summary>
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var root = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (!Directory.Exists(root))
        {
            return; // a host built without the console (tests of the API alone) still answers the API
        }
        var files = new PhysicalFileProvider(root);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            // The pages change with each release only; the data comes from /api, never cached.
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
        });
    }
}
