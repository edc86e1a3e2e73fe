using IpWarehouse.Etl.Configuration;
using IpWarehouse.Etl.Layouts;
using IpWarehouse.Etl.Sources;
using IpWarehouse.Etl.Sources.Internal;
using IpWarehouse.Etl.Tests.Infrastructure;

namespace IpWarehouse.Etl.Tests.Sources;

/// No SQL Server can run here: its connection handling against a closed port, and its SQL.
public sealed class SqlServerConnectorTests
{
    [Fact]
    public async Task A_refused_connection_is_a_transient_source_error()
    {
        using var warehouse = new StagingWarehouse();
        var source = Source("Server=tcp:127.0.0.1,1;Database=Cases;User ID=etl;Password=secret;Connect Timeout=5;Encrypt=false");

        var error = await Assert.ThrowsAsync<SourceException>(() =>
            SourceConnectors.LoadAsync(source, warehouse.Connection, "stg", new SourceLoadOptions { BatchId = "b-42" }));

        Assert.True(error.IsTransient);
        Assert.Equal("case-system", error.SourceName);
        Assert.Equal("b-42", error.BatchId);
        Assert.StartsWith("Source 'case-system' (sqlserver): cannot connect", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
        Assert.IsType<Microsoft.Data.SqlClient.SqlException>(error.InnerException);
    }

    [Fact]
    public async Task Check_reports_the_refused_connection_as_transient()
    {
        var check = await SourceConnectors.CheckAsync(Source("Server=tcp:127.0.0.1,1;Connect Timeout=5;Encrypt=false"));
        Assert.Equal(SourceCheckStatus.Failed, check.Status);
        Assert.True(check.IsTransient);
    }

    [Fact]
    public async Task A_server_certificate_this_machine_does_not_trust_is_explained_with_TrustServerCertificate_and_its_risk()
    {
        using var server = SelfSignedTlsServer.Start();
        var check = await SourceConnectors.CheckAsync(Source($"Server=tcp:127.0.0.1,{server.Port};Database=Cases;User ID=etl;Password=secret;Encrypt=Strict;Connect Timeout=10"));

        Assert.True(server.Handshakes > 0, "SqlClient never reached the TLS handshake");
        Assert.Equal(SourceCheckStatus.Failed, check.Status);
        Assert.False(check.IsTransient);
        Assert.Contains("certificate is not trusted", check.Message, StringComparison.Ordinal);
        Assert.Contains("TrustServerCertificate=true", check.Message, StringComparison.Ordinal);
        Assert.Contains("man-in-the-middle", check.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", check.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("A connection was successfully established with the server, but then an error occurred during the login process. (provider: SSL Provider, error: 0 - The certificate chain was issued by an authority that is not trusted.)", true)]
    [InlineData("The remote certificate was rejected by the provided RemoteCertificateValidationCallback.", true)]
    [InlineData("A network-related or instance-specific error occurred while establishing a connection to SQL Server. (provider: TCP Provider, error: 40 - Could not open a connection to SQL Server)", false)]
    [InlineData("Login failed for user 'etl'.", false)]
    public void Certificate_errors_are_told_from_other_connection_errors(string message, bool untrusted) =>
        Assert.Equal(untrusted, CertificateErrors.IsUntrusted(new InvalidOperationException("outer", new IOException(message))));

    [Fact]
    public async Task An_invalid_connection_string_is_not_transient()
    {
        var check = await SourceConnectors.CheckAsync(Source("Server=x;Colour=blue"));
        Assert.Equal(SourceCheckStatus.Failed, check.Status);
        Assert.False(check.IsTransient);
        Assert.Contains("\"connection\"", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_names_are_quoted_part_by_part_with_brackets()
    {
        var source = Source("x");
        Assert.Equal("SELECT * FROM [dbo].[IpCases] AS src WHERE 1=0", DbQueryBuilder.Probe(DbDialect.SqlServer, source));
        Assert.Equal(
            "SELECT src.[CaseNo], src.[Odd]]Name], src.[UpdatedAt] FROM [dbo].[IpCases] AS src WHERE src.[UpdatedAt] > @p ORDER BY src.[UpdatedAt]",
            DbQueryBuilder.Select(DbDialect.SqlServer, source, ["CaseNo", "Odd]Name", "UpdatedAt"], "UpdatedAt", afterPrevious: true));
        Assert.Equal(
            "SELECT src.[CaseNo] FROM [dbo].[IpCases] AS src",
            DbQueryBuilder.Select(DbDialect.SqlServer, source, ["CaseNo"], "UpdatedAt", afterPrevious: false));
    }

    [Fact]
    public void Postgres_and_sqlite_quote_with_double_quotes()
    {
        var source = Source("x");
        Assert.Equal("SELECT src.\"a\"\"b\" FROM \"dbo\".\"IpCases\" AS src WHERE src.\"w\" > @p ORDER BY src.\"w\"",
            DbQueryBuilder.Select(DbDialect.Postgres, source, ["a\"b"], "w", afterPrevious: true));
        Assert.Equal("SELECT * FROM \"dbo\".\"IpCases\" AS src WHERE 1=0", DbQueryBuilder.Probe(DbDialect.Sqlite, source));
    }

    [Fact]
    public void A_name_written_with_quotes_is_taken_as_written()
    {
        Assert.Equal("[My Schema].[Cases]", DbDialect.SqlServer.QuoteName("[My Schema].[Cases]"));
        Assert.Equal("\"Fin\".\"Pay\"", DbDialect.Postgres.QuoteName("\"Fin\".\"Pay\""));
        Assert.Equal("[a].[b].[c]", DbDialect.SqlServer.QuoteName("a.b.c"));
    }

    [Fact]
    public void A_query_becomes_a_subquery_without_its_semicolon()
    {
        var source = new SourceDefinition
        {
            Name = "q", Kind = SourceKind.Cases, Connector = ConnectorKind.SqlServer, Connection = "Server=x",
            Query = "SELECT CaseNo FROM dbo.IpCases -- open cases\n;  ",
        };
        Assert.Equal("SELECT * FROM (SELECT CaseNo FROM dbo.IpCases -- open cases\n) AS src WHERE 1=0",
            DbQueryBuilder.Probe(DbDialect.SqlServer, source));
        Assert.Equal("SELECT 1 AS ipwh_no_column FROM (SELECT CaseNo FROM dbo.IpCases -- open cases\n) AS src",
            DbQueryBuilder.Select(DbDialect.SqlServer, source, [], null, afterPrevious: false));
    }

    private static SourceDefinition Source(string connection) => new()
    {
        Name = "case-system",
        Kind = SourceKind.Cases,
        Connector = ConnectorKind.SqlServer,
        Connection = connection,
        Table = "dbo.IpCases",
        Watermark = "UpdatedAt",
    };
}
