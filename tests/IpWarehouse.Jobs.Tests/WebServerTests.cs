using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using IpWarehouse.Jobs.Tests.Infrastructure;

namespace IpWarehouse.Jobs.Tests;

/// The web server's edges (issue 13): unknown addresses and wrong methods answer JSON, other pages cannot act, and a
/// taken port stops `ipwh serve` with a message.
public sealed class WebServerTests
{
    [Theory]
    [InlineData("GET", "/api/no-such-route", HttpStatusCode.NotFound, "/api/no-such-route")]
    [InlineData("GET", "/no-such-page.html", HttpStatusCode.NotFound, "/no-such-page.html")]
    [InlineData("GET", "/api/sql", HttpStatusCode.MethodNotAllowed, "POST")]
    [InlineData("DELETE", "/api/jobs/run", HttpStatusCode.MethodNotAllowed, "DELETE")]
    public async Task Unknown_routes_and_wrong_methods_answer_json(string method, string path, HttpStatusCode status, string says)
    {
        using var warehouse = new TinyWarehouse();
        await using var host = await TestHost.StartAsync(warehouse.Configure(), TimeProvider.System);
        using var response = await host.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(says, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cross-site", HttpStatusCode.Forbidden)]
    [InlineData("same-site", HttpStatusCode.Forbidden)]
    [InlineData("same-origin", HttpStatusCode.OK)]
    public async Task Mutating_routes_refuse_requests_from_other_pages_by_sec_fetch_site(string site, HttpStatusCode status)
    {
        using var warehouse = new TinyWarehouse();
        await using var host = await TestHost.StartAsync(warehouse.Configure(nightly: "0 30 1 * * ?"), TimeProvider.System);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/jobs/pause");
        request.Headers.Add("Sec-Fetch-Site", site);
        using var response = await host.Client.SendAsync(request);
        Assert.Equal(status, response.StatusCode);
        if (status == HttpStatusCode.Forbidden)
        {
            Assert.Contains("拒绝来自其他网页的操作请求", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Serve_on_a_taken_port_exits_with_a_message()
    {
        using var warehouse = new TinyWarehouse();
        warehouse.Configure(nightly: "0 30 1 * * ?");
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var result = ServeProcess.Ipwh(warehouse.Folder, "serve", "--config", warehouse.ConfigPath, "--urls", $"http://127.0.0.1:{port}");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("端口可能已被占用", result.Stderr, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{port}", result.Stderr, StringComparison.Ordinal);
    }
}
