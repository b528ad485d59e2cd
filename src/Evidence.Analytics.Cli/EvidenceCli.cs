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
        return root;
    }

    /// <summary>Parses and runs a command line, writing to the given writers.</summary>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var parseResult = Create().Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var parseError in parseResult.Errors)
                await error.WriteLineAsync(parseError.Message).ConfigureAwait(false);
            return UsageError;
        }
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        return await parseResult.InvokeAsync(configuration).ConfigureAwait(false);
    }
}
