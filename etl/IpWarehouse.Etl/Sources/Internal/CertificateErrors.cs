using System.Security.Authentication;

namespace IpWarehouse.Etl.Sources.Internal;

/// A database server whose TLS certificate this machine does not trust. Microsoft.Data.SqlClient 7 encrypts
/// every connection by default (Encrypt=Mandatory) and checks the server's certificate, so a departmental SQL
/// Server with its own self-signed certificate fails here where SqlClient 2 connected.
internal static class CertificateErrors
{
    internal const string Advice =
        "the server's TLS certificate is not trusted by this machine (a SQL Server's own self-signed certificate is not). " +
        "SqlClient encrypts and checks the certificate by default. Best: install the server's certificate, or the authority that " +
        "issued it, on this machine (copy it to /usr/local/share/ca-certificates/ and run update-ca-certificates). Only on a network " +
        "you trust: add TrustServerCertificate=true to the connection string; the traffic stays encrypted but the server is no longer " +
        "authenticated, so anyone between this machine and the server could pose as it and read or change the data (man-in-the-middle)";

    // SqlClient's texts for a certificate the client rejected (its own SNI and .NET's SslStream).
    private static readonly string[] Texts =
    [
        "certificate chain was issued by an authority that is not trusted",
        "remote certificate was rejected",
        "remote certificate is invalid",
        "RemoteCertificateChainErrors",
        "UntrustedRoot",
    ];

    internal static bool IsUntrusted(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is AuthenticationException || Texts.Any(t => e.Message.Contains(t, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }
        return false;
    }
}
