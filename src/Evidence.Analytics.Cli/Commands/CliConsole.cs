using Spectre.Console;

namespace Evidence.Analytics.Cli;

/// <summary>Spectre.Console consoles that write to a command's output writer: the real terminal when the writer is the
/// console, otherwise plain text without colours at a fixed width (so tests and redirected output are stable).</summary>
internal static class CliConsole
{
    /// <summary>The width of plain-text output.</summary>
    public const int PlainWidth = 120;

    public static IAnsiConsole For(TextWriter writer)
    {
        if (ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected) return AnsiConsole.Console;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = PlainWidth;
        return console;
    }
}
