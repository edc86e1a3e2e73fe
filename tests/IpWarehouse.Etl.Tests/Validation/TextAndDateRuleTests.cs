using System.Globalization;

namespace IpWarehouse.Etl.Tests.Validation;

public class TextAndDateRuleTests(RulesDatabase db) : IClassFixture<RulesDatabase>
{
    [Theory]
    [InlineData("abc", "abc")]
    [InlineData("  abc  ", "abc")]
    [InlineData("\t x \r\n", "x")]
    [InlineData("\u3000兰州市\u3000", "兰州市")]
    [InlineData("兰州\u00A0市", "兰州 市")]
    [InlineData("兰州市", "兰州市")]
    [InlineData("２０２３－０５－０６", "2023-05-06")]
    [InlineData("ＡＢＣ１２３ａｂｃ", "ABC123abc")]
    [InlineData("（有限公司）；：，", "(有限公司);:,")]
    [InlineData("！～", "!~")]
    [InlineData("￥３００", "¥300")]
    [InlineData("\uFEFF622901", "622901")]
    [InlineData("62\u200B2901", "622901")]
    [InlineData("ａ ｂ", "a b")]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData("\u3000\u3000", null)]
    [InlineData(null, null)]
    public void Clean_maps_full_width_trims_and_empties_to_null(string? raw, string? expected) =>
        Assert.Equal(expected, db.Apply("ipwh_clean", raw));

    [Theory]
    [InlineData("2023-05-06", "2023-05-06")]
    [InlineData("2023/5/6", "2023-05-06")]
    [InlineData("2023.05.06", "2023-05-06")]
    [InlineData("20230506", "2023-05-06")]
    [InlineData("2023年5月6日", "2023-05-06")]
    [InlineData("2023年05月06日", "2023-05-06")]
    [InlineData("2023-05-06T10:00:00", "2023-05-06")]
    [InlineData("2023-05-06T23:59:59+08:00", "2023-05-06")]
    [InlineData("2023-05-06 10:00:00", "2023-05-06")]
    [InlineData("2023/5/6 9:05", "2023-05-06")]
    [InlineData("２０２３－０５－０６", "2023-05-06")]
    [InlineData("２０２３年５月６日", "2023-05-06")]
    [InlineData(" 2023-5-6\u3000", "2023-05-06")]
    [InlineData("2024-02-29", "2024-02-29")]
    [InlineData("1985-01-01", "1985-01-01")]
    public void Date_reads_every_form(string raw, string expected) =>
        Assert.Equal(DateOnly.ParseExact(expected, "yyyy-MM-dd", CultureInfo.InvariantCulture), db.Apply("ipwh_date", raw));

    [Theory]
    [InlineData("2023-02-30")]
    [InlineData("2023-02-29")]
    [InlineData("2023-13-01")]
    [InlineData("2023-00-10")]
    [InlineData("20230230")]
    [InlineData("2023年2月30日")]
    [InlineData("23-05-06")]
    [InlineData("05/06/2023")]
    [InlineData("2023-05")]
    [InlineData("202305")]
    [InlineData("2023-05-06x")]
    [InlineData("2023-05-06T")]
    [InlineData("abc")]
    [InlineData("45052")]
    public void Date_of_a_bad_value_is_null(string raw) => Assert.Null(db.Apply("ipwh_date", raw));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("\u3000")]
    public void Date_of_an_empty_value_is_null_and_so_is_its_cleaned_text(string? raw)
    {
        Assert.Null(db.Apply("ipwh_date", raw));
        Assert.Null(db.Apply("ipwh_clean", raw));
    }

    [Fact]
    public void The_caller_tells_empty_from_bad_in_one_set_based_pass()
    {
        db.Execute("""
            CREATE OR REPLACE TABLE stg_dates_example AS
            SELECT * FROM (VALUES (1, '2023/5/6'), (2, '　'), (3, NULL), (4, '2023-02-30')) AS v(row_no, filed_date)
            """);
        var verdicts = db.Scalar("""
            SELECT string_agg(
              CASE
                WHEN ipwh_clean(filed_date) IS NULL THEN 'empty'
                WHEN ipwh_date(filed_date) IS NULL THEN 'bad_date'
                ELSE CAST(ipwh_date(filed_date) AS VARCHAR)
              END, ' ' ORDER BY row_no)
            FROM stg_dates_example
            """);
        Assert.Equal("2023-05-06 empty empty bad_date", verdicts);
    }
}
