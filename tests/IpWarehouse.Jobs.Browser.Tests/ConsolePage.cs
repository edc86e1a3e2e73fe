using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace IpWarehouse.Jobs.Browser.Tests;

/// What every browser test does with a console page: open it at a width and time the first render, take a
/// screenshot, and read the visible text as a person would (document.body.innerText).
internal sealed partial class ConsolePage(ServedDemo demo, ITestOutputHelper output)
{
    /// Opens /#hash in a fresh browser context of the given width and waits for `ready` (the page's data on
    /// screen); the time from navigation to then is the first render.
    public async Task<(IPage Page, TimeSpan FirstRender)> Open(string hash, string ready, int width = 1440)
    {
        var page = await demo.OpenPage(width);
        var clock = Stopwatch.StartNew();
        await page.GotoAsync("/" + hash);
        await page.WaitForSelectorAsync(ready);
        return (page, clock.Elapsed);
    }

    public async Task Screenshot(IPage page, string name, TimeSpan? firstRender = null, bool fullPage = false)
    {
        var path = Path.Combine(ServedDemo.Artifacts, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        var line = firstRender is { } render
            ? $"{name}: first render {render.TotalMilliseconds:0} ms (navigation to data on screen), screenshot {path}"
            : $"{name}: screenshot {path}";
        output.WriteLine(line);
        if (firstRender is not null)
        {
            await File.AppendAllTextAsync(Path.Combine(ServedDemo.Artifacts, "first-render.txt"), line + Environment.NewLine);
        }
    }

    /// A figure as the console prints it (format.js number): digits given, else none for whole numbers and two
    /// otherwise, thousands grouped, the unit after a space; "—" for none.
    public static string Figure(double? value, string? unit = null, int? digits = null)
    {
        if (value is not { } v)
        {
            return "—";
        }
        var text = v.ToString("N" + (digits ?? (v % 1 == 0 ? 0 : 2)).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return string.IsNullOrEmpty(unit) ? text : $"{text} {unit}";
    }

    /// A number of an API row, null when the key holds null.
    public static double? Number(System.Text.Json.JsonElement row, string name) =>
        row.GetProperty(name).ValueKind == System.Text.Json.JsonValueKind.Number ? row.GetProperty(name).GetDouble() : null;

    /// A difference as the console prints it (format.js signed): +3 件, −4 件, ±0 件.
    public static string Signed(double? value, string? unit = null, int? digits = null) =>
        value is not { } v ? "—" : (v > 0 ? "+" : v < 0 ? "−" : "±") + Figure(Math.Abs(v), unit, digits);

    /// Clicks what starts a download and returns the file the browser saved, as a person gets it.
    public static async Task<(string FileName, byte[] Bytes)> Download(IPage page, string selector)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(selector));
        var saved = Path.Combine(Path.GetTempPath(), "ipwh-download-" + Guid.NewGuid().ToString("N")[..8]);
        await download.SaveAsAsync(saved);
        try
        {
            return (download.SuggestedFilename, await File.ReadAllBytesAsync(saved));
        }
        finally
        {
            File.Delete(saved);
        }
    }

    public static Task<string> VisibleText(IPage page) => page.EvaluateAsync<string>("() => document.body.innerText");

    /// What a person must never read on a page: programming leftovers, English outside codes, a page wider
    /// than the window. Codes (batch ids, file names, raw values, SQL, column names) are shown in code
    /// elements, and text as the warehouse stores it (its schema comments, a loader's error) in .verbatim:
    /// both are left out of the language check, as are the product names of AllowedWords.
    public static async Task ExpectReadable(IPage page, string where)
    {
        var text = await VisibleText(page);
        foreach (var leftover in new[] { "[object", "undefined", "NaN" })
        {
            Assert.False(text.Contains(leftover, StringComparison.Ordinal), $"{where}: the page shows '{leftover}':\n{Around(text, leftover)}");
        }
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"{where}: the page is {widths[0]} px wide in a {widths[1]} px window (horizontal overflow)");

        await page.AddStyleTagAsync(new PageAddStyleTagOptions { Content = "body.lang-check code, body.lang-check .code, body.lang-check .verbatim { visibility: hidden !important; }" });
        var prose = await page.EvaluateAsync<string>("""
            () => { document.body.classList.add('lang-check'); const t = document.body.innerText; document.body.classList.remove('lang-check'); return t; }
            """);
        var english = EnglishIn(prose);
        Assert.True(english.Count == 0, $"{where}: English or CLI words on a Chinese page: {string.Join(" | ", english)}");
    }

    /// Words a Chinese page may show in Latin letters: product and format names, keys, and the CLI's name.
    public static readonly HashSet<string> AllowedWords = new(StringComparer.Ordinal)
    {
        "IpWarehouse", "SQL", "CSV", "Excel", "Parquet", "PDF", "ECharts", "DuckDB", "SQLite", "PostgreSQL", "Server", "Hangfire",
        "ipwh", "Tab", "Ctrl", "Enter", "LIMIT", "NULL", "GB", "A4",
    };

    /// Each token of Latin letters in the text that is a word (not a code: codes carry digits, underscores,
    /// dots, slashes or hyphens) and not allowed, and every CLI leftover the issue named.
    public static List<string> EnglishIn(string text)
    {
        var found = new List<string>();
        foreach (Match token in Token().Matches(text))
        {
            var value = token.Value;
            if (value.Any(c => char.IsAsciiDigit(c) || c is '_' or '.' or '/' or '-' or ':') || AllowedWords.Contains(value))
            {
                continue;
            }
            found.Add(Around(text, value, token.Index));
        }
        foreach (var leftover in new[] { ">=", ">parent_avg", "* * ?", "NON_CLUSTERED", "first_applicant" })
        {
            if (text.Contains(leftover, StringComparison.Ordinal))
            {
                found.Add(Around(text, leftover));
            }
        }
        return found;
    }

    private static string Around(string text, string part, int? at = null)
    {
        var index = at ?? text.IndexOf(part, StringComparison.Ordinal);
        var start = Math.Max(0, index - 30);
        return text.Substring(start, Math.Min(text.Length - start, part.Length + 60)).ReplaceLineEndings(" ");
    }

    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9_./:\-]*")]
    private static partial Regex Token();
}
