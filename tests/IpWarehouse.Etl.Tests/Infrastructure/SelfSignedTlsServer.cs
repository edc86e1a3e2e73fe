using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace IpWarehouse.Etl.Tests.Infrastructure;

/// A TLS server on loopback with a self-signed certificate, as a departmental SQL Server has by default: it
/// completes a TLS handshake for whoever trusts the certificate and says nothing else. Enough for a client that
/// speaks TLS first (SqlClient with Encrypt=Strict, TDS 8) to meet the certificate check.
public sealed class SelfSignedTlsServer : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly X509Certificate2 certificate;
    private readonly CancellationTokenSource stop = new();

    private SelfSignedTlsServer()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=sqlserver.dept.local", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        certificate = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
        listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    private int handshakes;

    /// How many clients got as far as the TLS handshake.
    public int Handshakes => Volatile.Read(ref handshakes);

    public static SelfSignedTlsServer Start() => new();

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        certificate.Dispose();
        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _ = Task.Run(async () =>
            {
                using (client)
                using (var tls = new SslStream(client.GetStream()))
                {
                    Interlocked.Increment(ref handshakes);
                    try
                    {
                        await tls.AuthenticateAsServerAsync(certificate);
                    }
                    catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException)
                    {
                        // the client refused the certificate: what the test is about
                    }
                }
            });
        }
    }
}
