using System.Security.Cryptography;
using System.Text;

namespace IpWarehouse.Etl.Tests.Validation;

// Unified social credit codes (GB 32100-2015), computed by hand. Code set 0-9 A-H J-N P-R T U W-Y
// (A=10 … H=17, J=18 … N=22, P=23, Q=24, R=25, T=26, U=27, W=28, X=29, Y=30); weights
// 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28; check = 31 - sum mod 31, 31 written 0.
//
//   91350100M000100Y4|3 (the standard's example)
//     values   9 1 3 5  0  1  0  0   21  0  0  0  1  0  0  30   4
//     products 9 3 27 135 0 26 0  0  420  0  0  0  8  0  0 900 112   sum 1640 = 31 * 52 + 28 -> 31 - 28 = 3
//   9144030071526726X|G (Shenzhen Tencent Computer Systems Co., Ltd.)
//     values   9 1 4  4  0  3  0  0   7   1   5   2  6   7   2   6  29
//     products 9 3 36 108 0 78 0  0  140  29 125  26 48 168  20 180 812 sum 1782 = 31 * 57 + 15 -> 16 = G
//   00000000000000000|0: sum 0 -> 31 - 0 = 31, written 0;  10000000000000000|Y: sum 1 -> 30 = Y
//
// Resident ID numbers (GB 11643-1999), computed by hand. Weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2;
// check = '10X98765432'[sum mod 11].
//   11010519491231002|X (the standard's example): products 7 9 0 5 0 20 2 9 24 27 7 18 30 5 0 0 4,
//     sum 167 = 11 * 15 + 2 -> X
//   44052418800101001|4 (the standard's example): products 28 36 0 25 16 16 2 8 48 0 0 9 0 5 0 0 2,
//     sum 195 = 11 * 17 + 8 -> 4
//   11010519490230123|4: products 7 9 0 5 0 20 2 9 24 27 0 18 30 0 8 8 6, sum 173 = 11 * 15 + 8 -> 4;
//     right check, but 1949-02-30 is no date
public class IdentityCodeTests(RulesDatabase db) : IClassFixture<RulesDatabase>
{
    [Theory]
    [InlineData("91350100M000100Y43", true)]
    [InlineData("9144030071526726XG", true)]
    [InlineData("91350100m000100y43", true)]
    [InlineData(" ９１３５０１００Ｍ０００１００Ｙ４３ ", true)]
    [InlineData("000000000000000000", true)]
    [InlineData("10000000000000000Y", true)]
    [InlineData("100000000000000000", false)]
    [InlineData("91350100M000100Y44", false)]
    [InlineData("9144030071526726XH", false)]
    [InlineData("91350100M000100Y4", false)]
    [InlineData("91350100M000100Y430", false)]
    [InlineData("91350100I000100Y43", false)]
    [InlineData("91350100O000100Y43", false)]
    [InlineData("91350100S000100Y43", false)]
    [InlineData("abc", false)]
    public void Uscc_ok_verifies_charset_length_and_check(string raw, bool expected) =>
        Assert.Equal(expected, db.Apply("ipwh_uscc_ok", raw));

    [Theory]
    [InlineData("")]
    [InlineData("\u3000")]
    [InlineData(null)]
    public void Uscc_ok_of_an_empty_value_is_null(string? raw) => Assert.Null(db.Apply("ipwh_uscc_ok", raw));

    [Theory]
    [InlineData("91350100M000100Y43", "350100")]
    [InlineData("9144030071526726XG", "440300")]
    [InlineData("91ABCDEFM000100Y43", null)]
    [InlineData("91350100M000100Y4", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Uscc_area_is_characters_3_to_8(string? raw, string? expected) =>
        Assert.Equal(expected, db.Apply("ipwh_uscc_area", raw));

    [Theory]
    [InlineData("11010519491231002X", true)]
    [InlineData("11010519491231002x", true)]
    [InlineData("440524188001010014", true)]
    [InlineData(" 440524188001010014\u3000", true)]
    [InlineData("110105194912310021", false)]
    [InlineData("440524188001010015", false)]
    [InlineData("110105194902301234", false)]
    [InlineData("110105491231002", false)]
    [InlineData("11010519491231002", false)]
    [InlineData("11010519491231002XX", false)]
    [InlineData("1101051949123100XX", false)]
    [InlineData("abc", false)]
    public void Resident_id_ok_verifies_mod_11_2_and_birth_date(string raw, bool expected) =>
        Assert.Equal(expected, db.Apply("ipwh_resident_id_ok", raw));

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void Resident_id_ok_of_an_empty_value_is_null(string? raw) => Assert.Null(db.Apply("ipwh_resident_id_ok", raw));

    [Theory]
    [InlineData("11010519491231002X", "110105********002X")]
    [InlineData("11010519491231002x", "110105********002X")]
    [InlineData("440524188001010014", "440524********0014")]
    [InlineData("12345", "*****")]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Mask_keeps_the_first_six_and_last_four(string? raw, string? expected) =>
        Assert.Equal(expected, db.Apply("ipwh_mask_id", raw));

    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("11010519491231002x")]
    [InlineData(" 11010519491231002x ")]
    public void Hash_is_sha256_of_salt_and_the_upper_cased_number(string raw)
    {
        // Computed by .NET, not by DuckDB: the same number in any spelling hashes alike.
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("pepper-2024" + "11010519491231002X")));
        Assert.Equal(expected, db.Apply("ipwh_hash_id", raw, "pepper-2024"));
    }
}
