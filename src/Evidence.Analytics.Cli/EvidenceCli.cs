using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Evidence.Analytics.Cli;

/// <summary>The <c>evidence</c> command line: the root command and its subcommands, runnable against any writers so tests can capture output.</summary>
/// <remarks>Exit codes: 0 success; 1 the input has problems (listed); 2 usage errors or unreadable files.</remarks>
public static class EvidenceCli
{
    /// <summary>Exit code for success.</summary>
    public const int Success = 0;

    /// <summary>Exit code when the input file has problems.</summary>
    public const int InputProblems = 1;

    /// <summary>Exit code for usage errors or unreadable files.</summary>
    public const int UsageError = 2;

    /// <summary>Builds the root command with every subcommand.</summary>
    /// <remarks>A command named "evidence" rather than a <see cref="RootCommand"/>, whose name is the running program's
    /// ("testhost" under the tests), so help reads the same wherever it runs.</remarks>
    public static Command Create()
    {
        var root = new Command("evidence", "Evidence synthesis analytics for systematic, scoping and realist reviews: check a review's coded studies (an evidence workbook), count and map them, vote-count their findings by direction of effect, and write the charts and workbooks a review hands over.");
        // In the order a newcomer meets them: the main job, checking and exploring a workbook, then making and converting one.
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(SummaryCommand.Create());
        root.Subcommands.Add(MapCommand.Create());
        root.Subcommands.Add(ShareCommand.Create());
        root.Subcommands.Add(MetaCommand.Create());
        root.Subcommands.Add(DiffCommand.Create());
        root.Subcommands.Add(VocabularyCommand.Create());
        root.Subcommands.Add(TemplateCommand.Create());
        root.Subcommands.Add(ConvertCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(ScreenCommand.Create());
        root.Subcommands.Add(AgreementCommand.Create());
        root.Subcommands.Add(NotebookCommand.Create());
        root.Options.Add(new HelpOption());
        root.Options.Add(new VersionOption());
        CliHelp.NameValues(root);
        return root;
    }

    /// <summary>Parses and runs a command line, writing to the given writers.</summary>
    /// <returns>The exit code.</returns>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error) =>
        Run(args, output, error, CliConsole.WidthOf(output));

    /// <summary>Parses and runs a command line as a terminal <paramref name="width"/> columns wide would show it: help and
    /// tables are laid out in that width, as plain text.</summary>
    internal static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, int width) =>
        Run(args, new TerminalWriter(output, width), error, width);

    private static async Task<int> Run(string[] args, TextWriter output, TextWriter error, int width)
    {
        var root = Create();
        CliHelp.Configure(root, width);
        var parseResult = root.Parse(args);
        // A command line that does not parse gets our own account of what is wrong (an unknown command or option with the
        // one it most likely meant, a missing argument with what it is for), then the command's help, all on the error
        // writer, and exit code 2. --help and --version are answered even on a command line with errors.
        if (parseResult.Action is not { ClearsParseErrors: true } && UsageErrors.Of(parseResult) is { Count: > 0 } problems)
        {
            foreach (string line in problems.SelectMany(problem => FittedTable.Wrap([problem], width, indent: "")))
                await error.WriteLineAsync(line).ConfigureAwait(false);
            await error.WriteLineAsync().ConfigureAwait(false);
            CliHelp.Write(root, parseResult.CommandResult.Command, error);
            return UsageError;
        }
        if (parseResult.Action is CliHelp.RootHelpAction) return CliHelp.Write(parseResult, output);
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        return await parseResult.InvokeAsync(configuration).ConfigureAwait(false);
    }
}
