namespace IpWarehouse.Etl.Tests.Validation;

// Check characters computed by hand (ZC 0006-2003: weights 2,3,4,5,6,7,8,9,2,3,4,5 over the 12 digits,
// 2..9 over the 8 digits of the old form; sum mod 11; 10 is X):
//
//   202310123456   digits   2  0  2  3  1  0  1  2  3  4  5  6
//                  weights  2  3  4  5  6  7  8  9  2  3  4  5
//                  products 4  0  8 15  6  0  8 18  6 12 20 30   sum 127 = 11 * 11 + 6   -> 202310123456.6
//   So the SOURCES.md example CN202310123456.7 has the right shape but a wrong check character.
//
//   95115608       digits   9  5  1  1  5  6  0  8
//                  weights  2  3  4  5  6  7  8  9
//                  products 18 15 4  5 30 42  0 72                sum 186 = 11 * 16 + 10  -> 95115608.X
//
//   200310102344   products 4 0 0 15 6 0 8 0 4 9 16 20  sum 82 = 77 + 5   -> 200310102344.5
//   201910000001   products 4 0 4 45 6 0 0 0 0 0 0 5    sum 64 = 55 + 9   -> 201910000001.9
//   202220000010   products 4 0 8 10 12 0 0 0 0 0 4 0   sum 38 = 33 + 5   -> 202220000010.5 (type 2)
//   202130000007   products 4 0 8 5 18 0 0 0 0 0 0 35   sum 70 = 66 + 4   -> 202130000007.4 (type 3)
//   202080012345   products 4 0 8 0 48 0 0 9 4 9 16 25  sum 123 = 121 + 2 -> 202080012345.2 (type 8, PCT)
//   202310000002   products 4 0 8 15 6 0 0 0 0 0 0 10   sum 43 = 33 + 10  -> 202310000002.X
//   98900001       products 18 24 36 0 0 0 0 9           sum 87 = 77 + 10  -> 98900001.X (type 9, PCT)
//   88300012       products 16 24 12 0 0 0 8 18          sum 78 = 77 + 1   -> 88300012.1 (type 3)
public class PatentNumberTests(RulesDatabase db) : IClassFixture<RulesDatabase>
{
    [Theory]
    [InlineData("CN202310123456.7", "202310123456.7")]
    [InlineData("cn202310123456.7", "202310123456.7")]
    [InlineData("202310123456.7", "202310123456.7")]
    [InlineData("2023101234567", "202310123456.7")]
    [InlineData("ZL202310123456.7", "202310123456.7")]
    [InlineData("ZL 202310123456.7", "202310123456.7")]
    [InlineData(" CN 202310123456.7 ", "202310123456.7")]
    [InlineData("ＣＮ２０２３１０１２３４５６．７", "202310123456.7")]
    [InlineData("202310000002.X", "202310000002.X")]
    [InlineData("202310000002x", "202310000002.X")]
    [InlineData("95115608.X", "95115608.X")]
    [InlineData("95115608X", "95115608.X")]
    [InlineData("95115608.x", "95115608.X")]
    [InlineData("ZL95115608.X", "95115608.X")]
    [InlineData("88300012.1", "88300012.1")]
    public void Patent_no_normalises_every_spelling(string raw, string expected) =>
        Assert.Equal(expected, db.Apply("ipwh_patent_no", raw));

    [Theory]
    [InlineData("20231012345.6")]
    [InlineData("2023101234567.8")]
    [InlineData("202310123456")]
    [InlineData("CN202310123456")]
    [InlineData("202310123456.Y")]
    [InlineData("202310123456..7")]
    [InlineData("9511560.X")]
    [InlineData("US202310123456.7")]
    [InlineData("CN1234567A")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData(null)]
    public void Patent_no_of_a_wrong_shape_is_null(string? raw) => Assert.Null(db.Apply("ipwh_patent_no", raw));

    [Theory]
    [InlineData("202310123456.6", true)]
    [InlineData("CN202310123456.6", true)]
    [InlineData("2023101234566", true)]
    [InlineData("CN202310123456.7", false)]
    [InlineData("202310123456.X", false)]
    [InlineData("95115608.X", true)]
    [InlineData("95115608x", true)]
    [InlineData("95115608.1", false)]
    [InlineData("200310102344.5", true)]
    [InlineData("200310102344.6", false)]
    [InlineData("201910000001.9", true)]
    [InlineData("ZL 202220000010.5", true)]
    [InlineData("202130000007.4", true)]
    [InlineData("202080012345.2", true)]
    [InlineData("202310000002.X", true)]
    [InlineData("202310000002.x", true)]
    [InlineData("202310000002.0", false)]
    [InlineData("98900001.X", true)]
    [InlineData("88300012.1", true)]
    [InlineData("88300012.0", false)]
    [InlineData("garbage", false)]
    [InlineData("2023101234", false)]
    public void Patent_no_ok_verifies_the_check_character(string raw, bool expected) =>
        Assert.Equal(expected, db.Apply("ipwh_patent_no_ok", raw));

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(null)]
    public void Patent_no_ok_of_an_empty_value_is_null(string? raw) => Assert.Null(db.Apply("ipwh_patent_no_ok", raw));

    [Theory]
    [InlineData("202310123456.6", 1, "invention", false)]
    [InlineData("202220000010.5", 2, "utility_model", false)]
    [InlineData("202130000007.4", 3, "design", false)]
    [InlineData("202080012345.2", 8, "invention", true)]
    [InlineData("202390000000.1", 9, "utility_model", true)]
    [InlineData("95115608.X", 1, "invention", false)]
    [InlineData("98900001.X", 9, "utility_model", true)]
    [InlineData("88300012.1", 3, "design", false)]
    [InlineData("97800001.1", 8, "invention", true)]
    [InlineData("202350000000.0", 5, null, false)]
    public void Type_digit_gives_the_type_and_pct(string raw, int digit, string? type, bool pct)
    {
        Assert.Equal(digit, db.Apply("ipwh_patent_type_digit", raw));
        Assert.Equal(type, db.Apply("ipwh_patent_type_from_no", raw));
        Assert.Equal(pct, db.Apply("ipwh_is_pct_from_no", raw));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData(null)]
    public void Type_of_a_wrong_shape_is_null(string? raw)
    {
        Assert.Null(db.Apply("ipwh_patent_type_digit", raw));
        Assert.Null(db.Apply("ipwh_patent_type_from_no", raw));
        Assert.Null(db.Apply("ipwh_is_pct_from_no", raw));
    }
}
