using System.Numerics;

namespace IpWarehouse.DuckDb.Tests;

/// Every supported type written three ways (SQL literal, parameter, appender) and read back.
public sealed class TypeRoundTripTests : IDisposable
{
    private const string Schema = """
        CREATE TABLE every_type (
            b BOOLEAN, i8 TINYINT, i16 SMALLINT, i32 INTEGER, i64 BIGINT,
            u8 UTINYINT, u16 USMALLINT, u32 UINTEGER, u64 UBIGINT, h HUGEINT,
            f FLOAT, d DOUBLE, d4 DECIMAL(4,1), d9 DECIMAL(9,4), d18 DECIMAL(18,6), d38 DECIMAL(38,10),
            s VARCHAR, bl BLOB, dt DATE, ts TIMESTAMP, tz TIMESTAMPTZ, iv INTERVAL, id UUID, e mood)
        """;

    private readonly TempFolder folder = new();
    private readonly DuckDBConnection connection;

    public TypeRoundTripTests()
    {
        connection = Db.Open(folder.Database());
        // TIMESTAMPTZ literals and casts use the session's time zone; pin it so the test does not depend on the machine's.
        connection.Run("SET TimeZone = 'UTC'");
        connection.Run("CREATE TYPE mood AS ENUM ('平静', 'happy', 'sad')");
        connection.Run(Schema);
    }

    public void Dispose()
    {
        connection.Dispose();
        folder.Dispose();
    }

    public static TheoryData<string> Texts => new()
    {
        string.Empty,
        "a",
        "twelve bytes",          // 12 bytes: the longest inline string
        "thirteen byte",         // 13 bytes: the shortest pointer string
        "甘肃省兰州市",           // 18 bytes of UTF-8
        "临夏回族自治州东乡族自治县知识产权局，电话０９３０",
        new string('长', 5000),
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Text_round_trips_through_parameters_and_the_appender(string text)
    {
        connection.Run("CREATE TABLE texts (s VARCHAR)");
        connection.Run("INSERT INTO texts VALUES (?)", text);
        using (var appender = connection.CreateAppender("texts"))
        {
            appender.CreateRow().AppendValue(text).EndRow();
        }

        using var command = connection.CreateCommand();
        command.CommandText = "SELECT s, octet_length(encode(s)) FROM texts";
        using var reader = command.ExecuteReader();
        for (var i = 0; i < 2; i++)
        {
            Assert.True(reader.Read());
            Assert.Equal(text, reader.GetString(0));
            Assert.Equal((long)System.Text.Encoding.UTF8.GetByteCount(text), reader.GetInt64(1));
        }
        Assert.False(reader.Read());
    }

    [Fact]
    public void Every_type_round_trips_through_parameters_and_the_appender()
    {
        var values = SampleRow();
        var placeholders = string.Join(", ", values.Select(_ => "?"));
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"INSERT INTO every_type VALUES ({placeholders})";
            foreach (var value in values)
            {
                command.Parameters.Add(new DuckDBParameter(value));
            }
            Assert.Equal(1, command.ExecuteNonQuery());
        }
        using (var appender = connection.CreateAppender("every_type"))
        {
            var row = appender.CreateRow();
            foreach (var value in values)
            {
                row.AppendValue(value);
            }
            row.EndRow();
        }

        using var reader = ReadAll();
        for (var r = 0; r < 2; r++)
        {
            Assert.True(reader.Read());
            for (var c = 0; c < values.Length; c++)
            {
                Assert.Equal(values[c], reader.GetValue(c));
            }
        }
        Assert.False(reader.Read());
    }

    [Fact]
    public void Literals_read_back_as_the_documented_clr_types()
    {
        connection.Run("""
            INSERT INTO every_type VALUES (
              true, -128, -32768, -2147483648, -9223372036854775808,
              255, 65535, 4294967295, 18446744073709551615, -170141183460469231731687303715884105728,
              1.5, -2.25, -999.9, 12345.6789, -123456789012.345678, 1234567890123456.7890123456,
              '兰州', '\xAA\xBB'::BLOB, DATE '1901-02-03', TIMESTAMP '2099-12-31 23:59:59.999999',
              TIMESTAMPTZ '1969-07-20 20:17:40+00', INTERVAL '1 month 2 days 3 seconds',
              'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '平静')
            """);
        using var reader = ReadAll();
        Assert.True(reader.Read());
        var expected = new object[]
        {
            true, sbyte.MinValue, short.MinValue, int.MinValue, long.MinValue,
            byte.MaxValue, ushort.MaxValue, uint.MaxValue, ulong.MaxValue, (BigInteger)Int128.MinValue,
            1.5f, -2.25d, -999.9m, 12345.6789m, -123456789012.345678m, 1234567890123456.7890123456m,
            "兰州", new byte[] { 0xAA, 0xBB }, new DateOnly(1901, 2, 3), new DateTime(2099, 12, 31, 23, 59, 59).AddTicks(9_999_990),
            new DateTime(1969, 7, 20, 20, 17, 40, DateTimeKind.Utc), new DuckDBInterval(1, 2, 3_000_000),
            Guid.Parse("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), "平静",
        };
        for (var c = 0; c < expected.Length; c++)
        {
            Assert.Equal(expected[c], reader.GetValue(c));
            Assert.Equal(expected[c].GetType(), reader.GetFieldType(c));
        }
        Assert.Equal(DateTimeKind.Utc, reader.GetDateTime(20).Kind);
        Assert.Equal(new DateTime(1901, 2, 3), reader.GetDateTime(18));
        Assert.Equal(new DateOnly(1901, 2, 3), reader.GetFieldValue<DateOnly>(18));
        Assert.Equal(-999.9, reader.GetDouble(12), 6);
        Assert.Equal(TimeSpan.FromDays(2) + TimeSpan.FromSeconds(3), (reader.GetInterval(21) with { Months = 0 }).ToTimeSpan());
    }

    [Fact]
    public void Nulls_read_as_DBNull_in_every_column()
    {
        connection.Run("INSERT INTO every_type (b) VALUES (NULL)");
        using (var appender = connection.CreateAppender("every_type"))
        {
            var row = appender.CreateRow();
            for (var c = 0; c < 24; c++)
            {
                row.AppendNullValue();
            }
            row.EndRow();
        }
        using var reader = ReadAll();
        for (var r = 0; r < 2; r++)
        {
            Assert.True(reader.Read());
            for (var c = 0; c < reader.FieldCount; c++)
            {
                Assert.True(reader.IsDBNull(c), $"column {reader.GetName(c)}");
                Assert.Same(DBNull.Value, reader.GetValue(c));
            }
            Assert.Throws<InvalidCastException>(() => reader.GetInt32(3));
            Assert.Null(reader.GetFieldValue<string?>(16));
        }
    }

    [Fact]
    public void Decimals_keep_full_precision_at_every_width()
    {
        connection.Run("CREATE TABLE decimals (d4 DECIMAL(4,1), d9 DECIMAL(9,4), d18 DECIMAL(18,6), d38 DECIMAL(38,10))");
        var rows = new[]
        {
            new[] { 999.9m, 99999.9999m, 999999999999.999999m, 999999999999999999.9999999999m },
            new[] { -999.9m, -99999.9999m, -999999999999.999999m, -999999999999999999.9999999999m },
            new[] { 0.1m, 0.0001m, 0.000001m, 0.0000000001m },
            new[] { 0m, 0m, 0m, 0m },
        };
        using (var appender = connection.CreateAppender("decimals"))
        {
            foreach (var row in rows)
            {
                appender.CreateRow().AppendValue(row[0]).AppendValue(row[1]).AppendValue(row[2]).AppendValue(row[3]).EndRow();
            }
        }
        foreach (var row in rows)
        {
            connection.Run("INSERT INTO decimals VALUES (?, ?, ?, ?)", row[0], row[1], row[2], row[3]);
        }

        using var command = connection.CreateCommand();
        command.CommandText = "SELECT d4, d9, d18, d38, d38::VARCHAR FROM decimals";
        using var reader = command.ExecuteReader();
        foreach (var row in rows.Concat(rows))
        {
            Assert.True(reader.Read());
            for (var c = 0; c < 4; c++)
            {
                Assert.Equal(row[c], reader.GetDecimal(c));
            }
            Assert.Equal(row[3].ToString("0.0000000000", System.Globalization.CultureInfo.InvariantCulture), reader.GetString(4));
        }
    }

    [Fact]
    public void A_decimal_wider_than_System_Decimal_fails_clearly()
    {
        var error = Assert.Throws<OverflowException>(() => connection.Scalar("SELECT 99999999999999999999999999999999999999::DECIMAL(38,0)"));
        Assert.Contains("28 significant digits", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("1900-02-28")]
    [InlineData("1969-12-31")]
    [InlineData("1970-01-01")]
    [InlineData("2038-01-20")]
    [InlineData("2262-04-12")]
    [InlineData("9999-12-31")]
    public void Dates_before_1970_and_after_2038_round_trip(string text)
    {
        var date = DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        var timestamp = date.ToDateTime(new TimeOnly(13, 14, 15, 16, 17));
        connection.Run("CREATE TABLE dates (d DATE, t TIMESTAMP, s VARCHAR)");
        connection.Run("INSERT INTO dates VALUES (?, ?, ?)", date, timestamp, text);
        using (var appender = connection.CreateAppender("dates"))
        {
            appender.CreateRow().AppendValue(date).AppendValue(timestamp).AppendValue(text).EndRow();
        }
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT d, t, d::VARCHAR = s FROM dates";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            Assert.Equal(date, reader.GetValue(0));
            Assert.Equal(timestamp, reader.GetDateTime(1));
            Assert.True(reader.GetBoolean(2), "DuckDB stored the same calendar date");
        }
    }

    [Fact]
    public void Schema_information_describes_the_columns()
    {
        using var reader = ReadAll();
        Assert.Equal(24, reader.FieldCount);
        Assert.Equal("d38", reader.GetName(15));
        Assert.Equal(15, reader.GetOrdinal("D38"));
        Assert.Equal("DECIMAL(38,10)", reader.GetDataTypeName(15));
        Assert.Equal(typeof(decimal), reader.GetFieldType(15));
        Assert.Equal(typeof(string), reader.GetFieldType(23));
        Assert.Throws<IndexOutOfRangeException>(() => reader.GetOrdinal("nope"));

        var schema = reader.GetSchemaTable();
        Assert.Equal(24, schema.Rows.Count);
        var d18 = schema.Rows[14];
        Assert.Equal("d18", d18["ColumnName"]);
        Assert.Equal((short)18, d18["NumericPrecision"]);
        Assert.Equal((short)6, d18["NumericScale"]);
        Assert.Equal(typeof(decimal), d18["DataType"]);
    }

    private DuckDBDataReader ReadAll()
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM every_type";
        return command.ExecuteReader();
    }

    private static object[] SampleRow() =>
    [
        false, (sbyte)-5, (short)1234, 123456789, 1234567890123L,
        (byte)200, (ushort)60000, 4000000000u, 18000000000000000000UL, BigInteger.Parse("123456789012345678901234567890", System.Globalization.CultureInfo.InvariantCulture),
        3.25f, Math.PI, 12.3m, -1234.5678m, 123456789012.123456m, -1234567890123456.1234567891m,
        "临夏州 积石山县", new byte[] { 0, 1, 2, 255 }, new DateOnly(1958, 12, 31), new DateTime(2040, 2, 29, 1, 2, 3).AddTicks(40),
        new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc), new DuckDBInterval(14, -3, 123_456),
        Guid.Parse("00112233-4455-6677-8899-aabbccddeeff"), "sad",
    ];
}
