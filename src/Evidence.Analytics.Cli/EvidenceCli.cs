using System.CommandLine;

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
    public static RootCommand Create()
    {
        var root = new RootCommand("Evidence synthesis analytics: summarise, validate, map and report on a review's coded studies.");
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(ConvertCommand.Create());
        root.Subcommands.Add(TemplateCommand.Create());
        root.Subcommands.Add(SummaryCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(NotebookCommand.Create());
        root.Subcommands.Add(MapCommand.Create());
        root.Subcommands.Add(ShareCommand.Create());
        root.Subcommands.Add(AgreementCommand.Create());
        root.Subcommands.Add(VocabularyCommand.Create());
        root.Subcommands.Add(ScreenCommand.Create());
        return root;
    }

    /// <summary>Parses and runs a command line, writing to the given writers.</summary>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var parseResult = Create().Parse(args);
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        // A command line that does not parse runs System.CommandLine's own parse-error action: the errors, "did you
        // mean" suggestions for a misspelt command or option, and the usage. Its exit code is ours: 2.
        int exit = await parseResult.InvokeAsync(configuration).ConfigureAwait(false);
        return parseResult.Errors.Count > 0 ? UsageError : exit;
    }
}
