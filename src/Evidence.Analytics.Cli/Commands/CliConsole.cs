using Spectre.Console;

namespace Evidence.Analytics.Cli;

/// <summary>Spectre.Console consoles that write to a command's output writer: the real terminal, at its width, when the
/// writer is the console; otherwise plain text without colours at a fixed width (so redirected output and tests are
/// stable).</summary>
internal static class CliConsole
{
    /// <summary>The width of plain-text output: output redirected to a file or a pipe is laid out this many columns wide.</summary>
    public const int PlainWidth = 120;

    /// <summary>The width assumed for a terminal that does not report one.</summary>
    private const int FallbackTerminalWidth = 80;

    public static IAnsiConsole For(TextWriter writer)
    {
        if (IsTerminal(writer)) return AnsiConsole.Console;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = WidthOf(writer);
        return console;
    }

    /// <summary>The columns output to <paramref name="writer"/> is laid out in: the terminal's width when it is the
    /// console, the given width for a <see cref="TerminalWriter"/>, otherwise <see cref="PlainWidth"/>.</summary>
    public static int WidthOf(TextWriter writer)
    {
        if (writer is TerminalWriter terminal) return terminal.Width;
        if (!IsTerminal(writer)) return PlainWidth;
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : FallbackTerminalWidth;
        }
        catch (IOException)
        {
            return FallbackTerminalWidth;
        }
    }

    private static bool IsTerminal(TextWriter writer) => ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;
}

/// <summary>A writer that stands for a terminal of a given width: what is written to it is laid out in that many columns,
/// as plain text. <c>EvidenceCli.RunAsync</c> uses it to show output as a terminal of that width would.</summary>
internal sealed class TerminalWriter(TextWriter inner, int width) : TextWriter
{
    public int Width { get; } = width > 0 ? width : throw new ArgumentOutOfRangeException(nameof(width), width, "A terminal is at least one column wide.");

    public override System.Text.Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    public override void Write(char value) => inner.Write(value);

    public override void Write(string? value) => inner.Write(value);

    public override void Write(char[] buffer, int index, int count) => inner.Write(buffer, index, count);

    public override void Flush() => inner.Flush();
}
