using System.Text;

namespace IpWarehouse.Etl.Tests.Demo;

/// The demo's identifiers checked with the rules written out again here, independently of the
/// generator's and the loader's code.
public class DemoIdentifierTests(DemoFixture demo) : IClassFixture<DemoFixture>
{
    // ZC 0006-2003: the 12 (or 8) digits times 2,3,4,5,6,7,8,9,2,3,4,5, summed, mod 11; 10 is written X.
    private static readonly int[] PatentWeights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];

    // GB 32100-2015: 31 characters (no I, O, S, V, Z); weights 3^(i-1) mod 31; check = 31 - sum mod 31, 31 → 0.
    private const string UsccCharset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] UsccWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    // ISO 7064 MOD 11-2 (GB 11643-1999): weights 7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2; '10X98765432'[sum mod 11].
    private static readonly int[] IdWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    public static bool PatentNumberOk(string written)
    {
        var s = written.Trim().ToUpperInvariant();
        if (s.StartsWith("CN", StringComparison.Ordinal) || s.StartsWith("ZL", StringComparison.Ordinal))
        {
            s = s[2..];
        }
        s = s.Replace(".", "", StringComparison.Ordinal);
        if (s.Length is not (13 or 9) || !s[..^1].All(char.IsAsciiDigit))
        {
            return false;
        }
        var sum = 0;
        for (var i = 0; i < s.Length - 1; i++)
        {
            sum += (s[i] - '0') * PatentWeights[i];
        }
        var check = sum % 11 == 10 ? 'X' : (char)('0' + sum % 11);
        return s[^1] == check;
    }

    public static bool CreditCodeOk(string code)
    {
        if (code.Length != 18 || code.Any(c => !UsccCharset.Contains(c, StringComparison.Ordinal)))
        {
            return false;
        }
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += UsccCharset.IndexOf(code[i], StringComparison.Ordinal) * UsccWeights[i];
        }
        return code[17] == UsccCharset[(31 - sum % 31) % 31];
    }

    public static bool ResidentIdOk(string id)
    {
        if (id.Length != 18 || !id[..17].All(char.IsAsciiDigit))
        {
            return false;
        }
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (id[i] - '0') * IdWeights[i];
        }
        return id[17] == "10X98765432"[sum % 11]
            && DateOnly.TryParseExact(id[6..14], "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _);
    }

    [Fact]
    public void Rules_written_out_here_agree_with_published_examples()
    {
        Assert.True(PatentNumberOk("95115608.X"));
        Assert.True(PatentNumberOk("CN202310123456.6"));
        Assert.False(PatentNumberOk("CN202310123456.7"));
        Assert.True(CreditCodeOk("91350100M000100Y43"));
        Assert.True(ResidentIdOk("11010519491231002X"));
    }

    [Fact]
    public void Every_valid_patent_number_passes_and_every_spoiled_one_fails()
    {
        var valid = 0;
        foreach (var (file, line, cells) in PatentRows())
        {
            var dirty = Dirty("patents", file, line);
            if (dirty is { Column: "application_no" })
            {
                Assert.Equal(Reasons.BadCheckDigit, dirty.Reason);
                Assert.False(PatentNumberOk(cells[1]), $"{file} line {line}: {cells[1]} should fail the check");
            }
            else
            {
                Assert.True(PatentNumberOk(cells[1]), $"{file} line {line}: {cells[1]} fails the ZC 0006-2003 check");
                valid++;
            }
        }
        Assert.True(valid > 1000);
        Assert.Contains(demo.Summary.DirtyRows, d => d is { Kind: "patents", Column: "application_no", Reason: Reasons.BadCheckDigit });
    }

    [Fact]
    public void Every_valid_credit_code_passes_and_names_a_Gansu_division()
    {
        var checkedCodes = 0;
        foreach (var (file, line, cells) in PatentRows())
        {
            var code = cells[11];
            if (code.Length == 0)
            {
                continue;
            }
            var dirty = Dirty("patents", file, line);
            if (dirty is { Column: "credit_code" })
            {
                Assert.False(CreditCodeOk(code), $"{file} line {line}: {code} should fail the check");
                continue;
            }
            Assert.True(CreditCodeOk(code), $"{file} line {line}: {code} fails GB 32100-2015");
            Assert.StartsWith("62", code[2..8], StringComparison.Ordinal);
            checkedCodes++;
        }
        Assert.True(checkedCodes > 500);
    }

    [Fact]
    public void Subsidy_recipient_ids_pass_their_checks_except_the_spoiled_one()
    {
        var file = demo.FilesOf("subsidies").Single();
        var rows = CsvText.Read(demo.PathOf(file.Path), Encoding.UTF8);
        var persons = 0;
        for (var i = 1; i < rows.Count; i++)
        {
            var (type, id) = (rows[i][3], rows[i][4]);
            if (id.Length == 0)
            {
                continue;
            }
            var dirty = Dirty("subsidies", file.Path, i + 1);
            var natural = type is "自然人" or "个人";
            var ok = natural ? ResidentIdOk(id) : CreditCodeOk(id);
            if (dirty is { Column: "recipient_id" })
            {
                Assert.True(natural);
                Assert.False(ok, $"line {i + 1}: {id} should fail the check");
            }
            else
            {
                Assert.True(ok, $"line {i + 1}: {id} ({type}) fails its check");
                persons += natural ? 1 : 0;
            }
        }
        Assert.True(persons > 5);
    }

    private IEnumerable<(string File, long Line, string[] Cells)> PatentRows()
    {
        foreach (var file in demo.FilesOf("patents"))
        {
            var rows = CsvText.Read(demo.PathOf(file.Path), CsvText.Gb18030);
            for (var i = 1; i < rows.Count; i++)
            {
                yield return (file.Path, i + 1, rows[i]);
            }
        }
    }

    private Etl.Demo.DemoDirtyRow? Dirty(string kind, string file, long row) =>
        demo.Summary.DirtyRows.SingleOrDefault(d => d.Kind == kind && d.File == file && d.Row == row);
}

/// The reason codes of SOURCES.md, spelled out for the tests.
public static class Reasons
{
    public const string BadCheckDigit = "bad_check_digit";

    public static readonly string[] All =
        ["missing_required", "bad_date", "bad_number", "bad_enum", "bad_check_digit", "date_order", "unknown_region", "region_unresolved"];
}
