namespace IpWarehouse.Jobs.Browser.Tests;

/// A browser test. Locally without chromium it is skipped with a message; on CI (CI=true) it runs and
/// fails, because a misconfigured CI must never pass by skipping. test.sh installs Debian's chromium.
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Browser.ExecutablePath is null && !Browser.IsCi)
        {
            Skip = Missing;
        }
    }

    internal const string Missing = "chromium is not installed: run ./test.sh as root (it installs Debian's chromium), or `apt-get install chromium`, or set IPWH_TEST_CHROMIUM.";
}

/// A browser theory: skipped like <see cref="ChromiumFactAttribute"/> without chromium, never on CI.
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumTheoryAttribute : TheoryAttribute
{
    public ChromiumTheoryAttribute()
    {
        if (Browser.ExecutablePath is null && !Browser.IsCi)
        {
            Skip = ChromiumFactAttribute.Missing;
        }
    }
}

internal static class Browser
{
    private static readonly string[] DebianPaths = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

    internal static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    internal static string? ExecutablePath
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("IPWH_TEST_CHROMIUM");
            if (!string.IsNullOrEmpty(configured) && File.Exists(configured))
            {
                return configured;
            }
            return DebianPaths.FirstOrDefault(File.Exists);
        }
    }
}
