using Spectre.Console;

namespace IpWarehouse.Cli;

/// <summary>Spectre consoles bound to a writer: colours and progress bars only on a real terminal.</summary>
internal static class Terminal
{
    internal static bool IsInteractive => !Console.IsOutputRedirected && !Console.IsErrorRedirected &&
        string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    internal static IAnsiConsole For(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = IsInteractive && writer == Console.Out ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = IsInteractive && writer == Console.Out ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = IsInteractive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!IsInteractive || writer != Console.Out)
        {
            // Redirected output has no width to detect: keep tables readable in logs and files.
            console.Profile.Width = 160;
        }
        return console;
    }
}
