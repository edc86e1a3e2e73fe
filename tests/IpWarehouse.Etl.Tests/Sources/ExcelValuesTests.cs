using IpWarehouse.Etl.Sources.Internal;

namespace IpWarehouse.Etl.Tests.Sources;

public sealed class ExcelValuesTests
{
    [Theory]
    [InlineData("1", false, "1900-01-01")]
    [InlineData("59", false, "1900-02-28")]
    [InlineData("60", false, "1900-02-29")]
    [InlineData("61", false, "1900-03-01")]
    [InlineData("45000", false, "2023-03-15")]
    [InlineData("45000.5", false, "2023-03-15T12:00:00")]
    [InlineData("0", true, "1904-01-01")]
    [InlineData("43538", true, "2023-03-15")]
    public void Serials_follow_the_workbooks_date_system(string raw, bool date1904, string expected) =>
        Assert.Equal(expected, ExcelValues.SerialToIso(raw, date1904, dateOnly: false));

    [Theory]
    [InlineData("-1")]
    [InlineData("3000000")]
    [InlineData("abc")]
    public void Numbers_that_are_no_dates_are_not_converted(string raw) => Assert.Null(ExcelValues.SerialToIso(raw, false, true));

    [Fact]
    public void A_date_column_drops_the_time_of_day() => Assert.Equal("2023-03-15", ExcelValues.SerialToIso("45000.99", false, dateOnly: true));

    [Theory]
    [InlineData("0.30000000000000004", "0.3")]
    [InlineData("1234.5600000000001", "1234.56")]
    [InlineData("2023101234567", "2023101234567")]
    [InlineData("1.5E+20", "150000000000000000000")]
    [InlineData("1E-7", "0.0000001")]
    [InlineData("-42", "-42")]
    public void Numbers_become_invariant_text_with_15_significant_digits(string raw, string expected) =>
        Assert.Equal(expected, ExcelValues.NumberText(raw));

    [Theory]
    [InlineData("yyyy\"年\"m\"月\"d\"日\"", true)]
    [InlineData("yyyy-mm-dd hh:mm", true)]
    [InlineData("[$-804]dddd", true)]
    [InlineData("d-mmm", true)]
    [InlineData("hh:mm:ss", false)]
    [InlineData("mm:ss", false)]
    [InlineData("#,##0.00\"元\"", false)]
    [InlineData("0.00E+00", false)]
    [InlineData("General", false)]
    [InlineData("@", false)]
    [InlineData("[Red]0.00;[Blue]yyyy", false)]
    [InlineData("\"day\"0", false)]
    public void Custom_formats_show_dates_by_their_tokens(string code, bool isDate) =>
        Assert.Equal(isDate, ExcelValues.IsDateFormatCode(code));

    [Theory]
    [InlineData(14u, true)]
    [InlineData(22u, true)]
    [InlineData(31u, true)]
    [InlineData(57u, true)]
    [InlineData(0u, false)]
    [InlineData(20u, false)]
    [InlineData(49u, false)]
    public void Built_in_formats_14_to_17_22_and_the_east_asian_ones_are_dates(uint id, bool isDate) =>
        Assert.Equal(isDate, ExcelValues.IsBuiltInDateFormat(id));
}
