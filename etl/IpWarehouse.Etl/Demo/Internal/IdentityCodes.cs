using System.Globalization;

namespace IpWarehouse.Etl.Demo.Internal;

/// Check characters of the identifiers the demo writes. The loader verifies them independently (SQL
/// macros in warehouse-sql/macros/); these only make valid codes, and deliberately broken ones.
internal static class IdentityCodes
{
    // ZC 0006-2003: weights 2..9, 2..5 over the 12 digits, sum mod 11, remainder 10 is X.
    private static readonly int[] PatentWeights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];

    // GB 32100-2015: the 31-character set (no I O S V Z); weights are 3^(i-1) mod 31.
    public const string UsccCharset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] UsccWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    // GB 11714-1997: characters 9–17 of a credit code are the organisation code, which has its own check.
    private static readonly int[] OrganisationWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    // GB 11643-1999 (ISO 7064 MOD 11-2): weights 2^(17-i) mod 11; the check is '10X98765432'[sum mod 11].
    private static readonly int[] ResidentWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    /// "2023" + "1" + 7-digit serial → "202310123456.6" (the canonical form with the dot).
    public static string PatentNumber(int year, int typeDigit, int serial)
    {
        var digits = string.Create(CultureInfo.InvariantCulture, $"{year:D4}{typeDigit}{serial:D7}");
        return digits + "." + PatentCheck(digits);
    }

    /// Pre-2003 form: 2-digit year + type + 5-digit serial, weights 2..9.
    public static string OldPatentNumber(int year, int typeDigit, int serial)
    {
        var digits = string.Create(CultureInfo.InvariantCulture, $"{year % 100:D2}{typeDigit}{serial:D5}");
        return digits + "." + PatentCheck(digits);
    }

    public static char PatentCheck(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            sum += (digits[i] - '0') * PatentWeights[i];
        }
        var remainder = sum % 11;
        return remainder == 10 ? 'X' : (char)('0' + remainder);
    }

    /// A credit code: registration authority and type ("91" enterprise, "12" public institution, "51"
    /// social organisation), the registering authority's division code, an organisation code, the check.
    public static string CreditCode(string typePrefix, string divisionCode, DemoRandom random)
    {
        Span<char> code = stackalloc char[18];
        typePrefix.AsSpan().CopyTo(code);
        divisionCode.AsSpan().CopyTo(code[2..]);
        var organisation = code.Slice(8, 9);
        // Codes issued since 2015 start their organisation code with "MA"; older ones are digits.
        var start = 0;
        if (random.Chance(0.6))
        {
            organisation[0] = 'M';
            organisation[1] = 'A';
            start = 2;
        }
        for (var i = start; i < 8; i++)
        {
            organisation[i] = i < 2 || random.Chance(0.8) ? (char)('0' + random.Next(10)) : UsccCharset[10 + random.Next(21)];
        }
        organisation[8] = OrganisationCheck(organisation[..8]);
        code[17] = UsccCheck(code[..17]);
        return new string(code);
    }

    public static char UsccCheck(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += UsccCharset.IndexOf(first17[i], StringComparison.Ordinal) * UsccWeights[i];
        }
        return UsccCharset[(31 - sum % 31) % 31];
    }

    public static char OrganisationCheck(ReadOnlySpan<char> body)
    {
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var c = body[i];
            // Letters count from A = 10 in GB 11714.
            sum += (char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10) * OrganisationWeights[i];
        }
        var check = 11 - sum % 11;
        return check switch { 10 => 'X', 11 => '0', _ => (char)('0' + check) };
    }

    /// A resident identity number: division code, birth date, sequence (odd for men), check.
    public static string ResidentId(string divisionCode, DateOnly birth, int sequence)
    {
        var body = string.Create(CultureInfo.InvariantCulture, $"{divisionCode}{birth:yyyyMMdd}{sequence:D3}");
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (body[i] - '0') * ResidentWeights[i];
        }
        return body + "10X98765432"[sum % 11];
    }

    /// The same code with a wrong last character, drawn from the characters the code may use.
    public static string BreakCheck(string code, string alphabet, DemoRandom random)
    {
        var last = code[^1];
        char wrong;
        do
        {
            wrong = alphabet[random.Next(alphabet.Length)];
        }
        while (wrong == last);
        return code[..^1] + wrong;
    }
}
