using System.Net.Sockets;
using IpWarehouse.Etl.Sources.Internal;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace IpWarehouse.Etl.Tests.Sources;

public sealed class DbValuesTests
{
    public static TheoryData<object?, string?, string?> Texts => new()
    {
        { null, null, null },
        { DBNull.Value, null, null },
        { "甲", "text", "甲" },
        { new DateTime(2024, 3, 1), "date", "2024-03-01" },
        { new DateTime(2024, 3, 1, 10, 5, 0), "timestamp", "2024-03-01T10:05:00" },
        { new DateTime(2024, 3, 1, 10, 5, 0, 250, DateTimeKind.Utc), "timestamptz", "2024-03-01T10:05:00.25Z" },
        { new DateTimeOffset(2024, 3, 1, 10, 5, 0, TimeSpan.FromHours(8)), null, "2024-03-01T10:05:00+08:00" },
        { new DateOnly(2024, 3, 1), null, "2024-03-01" },
        { 1500.50m, "numeric", "1500.50" },
        { 0.1 + 0.2, "double precision", "0.30000000000000004" },
        { 12345678901L, "bigint", "12345678901" },
        { true, "boolean", "true" },
        { new byte[] { 0, 0, 7, 0xD1 }, "timestamp", "0x000007D1" },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Values_become_invariant_text(object? value, string? typeName, string? expected) =>
        Assert.Equal(expected, DbValues.ToText(value, typeName));

    [Fact]
    public void Watermarks_round_trip_through_text()
    {
        var utc = new DateTime(2024, 3, 2, 2, 0, 0, DateTimeKind.Utc);
        Assert.Equal(utc, DbValues.ParseWatermark(DbValues.WatermarkText(utc)!, typeof(DateTime)));
        Assert.Equal(DateTimeKind.Utc, ((DateTime)DbValues.ParseWatermark(DbValues.WatermarkText(utc)!, typeof(DateTime))).Kind);
        Assert.Equal(42L, DbValues.ParseWatermark("42", typeof(long)));
        Assert.Equal(new byte[] { 0, 7 }, DbValues.ParseWatermark("0x0007", typeof(byte[])));
        Assert.Equal("2024-01-01", DbValues.ParseWatermark("2024-01-01", typeof(double))); // SQLite declared type vs stored text
    }

    [Fact]
    public void Watermarks_compare_by_value()
    {
        Assert.True(DbValues.CompareWatermarks(10L, 9L) > 0);
        Assert.True(DbValues.CompareWatermarks(new byte[] { 0, 9 }, new byte[] { 1, 0 }) < 0);
        Assert.True(DbValues.CompareWatermarks(new DateTime(2024, 1, 2), new DateTime(2024, 1, 1)) > 0);
        Assert.True(DbValues.CompareWatermarks("6", 5L) > 0); // mixed types (SQLite) compare as text
    }

    [Fact]
    public void Transient_errors_are_told_from_permanent_ones()
    {
        Assert.True(TransientErrors.IsTransient(new TimeoutException()));
        Assert.True(TransientErrors.IsTransient(new InvalidOperationException("wrapped", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.False(TransientErrors.IsTransient(new SocketException((int)SocketError.HostNotFound)));
        Assert.True(TransientErrors.IsTransient(new NpgsqlException("io", new IOException("reset"))));
        Assert.True(TransientErrors.IsTransient(new PostgresException("too many", "FATAL", "FATAL", "53300")));
        Assert.False(TransientErrors.IsTransient(new PostgresException("bad password", "FATAL", "FATAL", "28P01")));
        Assert.False(TransientErrors.IsTransient(new PostgresException("syntax", "ERROR", "ERROR", "42601")));
        Assert.True(TransientErrors.IsTransient(new SqliteException("busy", 5)));
        Assert.False(TransientErrors.IsTransient(new SqliteException("no such table", 1)));
        Assert.False(TransientErrors.IsTransient(new InvalidOperationException("x")));
    }
}
