using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;

namespace IpWarehouse.Jobs.Api;

/// <summary>
/// The web console's static pages (zh-CN) from <c>wwwroot/</c> next to the assembly, with ECharts and the decoded
/// maps copied there from npm at build time: nothing is fetched from the internet by the browser. Every answer
/// (files and API) is compressed (Brotli or gzip, as the browser accepts); files carry an ETag, so a browser
/// revalidates them with a 304 instead of fetching them again, and the libraries and maps (<c>lib/</c>, <c>geo/</c>),
/// which change only with a release, are kept by the browser for a day without asking.
/// </summary>
public static class ConsoleEndpoints
{
    /// <summary>The compression of every response: fast levels, because the server compresses each answer as it goes.</summary>
    public static void AddServices(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true; // only our own JSON and files: no secret is reflected next to attacker text
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ["text/html", "text/css", "text/javascript", "application/javascript", "application/json", "application/geo+json", "text/csv", "image/svg+xml"];
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
    }

    /// <summary>Serves <c>/</c> (index.html) and the console's files, and compresses every response.</summary>
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseResponseCompression();
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
            OnPrepareResponse = context =>
            {
                var path = context.Context.Request.Path.Value ?? "";
                context.Context.Response.Headers.CacheControl = path.StartsWith("/lib/", StringComparison.Ordinal) || path.StartsWith("/geo/", StringComparison.Ordinal)
                    ? "public, max-age=86400"
                    : "no-cache"; // our pages: revalidated on every load (a 304 when unchanged), so a release shows at once
            },
        });
    }
}
