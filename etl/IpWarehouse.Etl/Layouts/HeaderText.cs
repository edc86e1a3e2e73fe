using System.Text;

namespace IpWarehouse.Etl.Layouts;

/// <summary>
/// How header cells are compared (SOURCES.md): case-insensitive, surrounding and full-width spaces
/// ignored. Text is NFKC-normalised first so full-width letters and brackets compare as ASCII, and
/// every white-space character is dropped: tables pad short Chinese headers (<c>日　　期</c>).
/// </summary>
public static class HeaderText
{
    /// <summary>The comparison key of a header cell; empty for null or blank cells.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }
        var normalized = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            // U+FEFF (a BOM left in the first cell) and U+200B are not white space to .NET but are invisible.
            if (char.IsWhiteSpace(c) || c is '\uFEFF' or '\u200B')
            {
                continue;
            }
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    /// <summary>True when two header names compare equal under <see cref="Normalize"/>.</summary>
    public static bool Same(string? a, string? b) => string.Equals(Normalize(a), Normalize(b), StringComparison.Ordinal);
}
