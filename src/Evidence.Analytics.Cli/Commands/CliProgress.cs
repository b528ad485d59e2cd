using System.CommandLine;
using Spectre.Console;

namespace Evidence.Analytics.Cli;

/// <summary>Progress of long work (importing a large file, writing a large report): a status line with a spinner on
/// standard error that disappears when the work ends. Shown only on an interactive terminal: never under <c>--json</c>,
/// when standard output or standard error is redirected, or when a caller (a test) gave the command its own writers.</summary>
internal static class CliProgress
{
    /// <summary>Whether a command may show progress: not quiet (machine-readable output), both writers the process's
    /// console, and neither redirected.</summary>
    public static bool IsShown(ParseResult parseResult, bool quiet) =>
        !quiet
        && ReferenceEquals(parseResult.InvocationConfiguration.Output, Console.Out)
        && ReferenceEquals(parseResult.InvocationConfiguration.Error, Console.Error)
        && !Console.IsOutputRedirected && !Console.IsErrorRedirected;

    /// <summary>Runs <paramref name="work"/>, which reports its steps through the action it is given; when
    /// <paramref name="shown"/>, each step replaces the status line on standard error.</summary>
    public static T Run<T>(bool shown, string status, Func<Action<string>, T> work)
    {
        if (!shown) return work(_ => { });
        T result = default!;
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        terminal.Status().Spinner(Spinner.Known.Dots).Start(Markup.Escape(status),
            context => result = work(step => context.Status(Markup.Escape(step))));
        return result;
    }
}
