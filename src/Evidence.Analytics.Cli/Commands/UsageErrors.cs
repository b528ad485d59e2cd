using System.CommandLine;
using System.CommandLine.Parsing;
using Evidence.Analytics.Import;

namespace Evidence.Analytics.Cli;

/// <summary>What is wrong with a command line that does not parse, in sentences that say what was typed, what it most
/// likely meant and what is missing: "'mpa' is not an evidence command. Did you mean 'map'?"</summary>
/// <remarks>System.CommandLine reports these too, but as "Required command was not provided." next to the misspelt
/// command, a suggestion of "-h" for any one-letter word, and nothing at all for a misspelt option before the file
/// (<c>evidence map --rosw x review.xlsx</c> takes "--rosw" as the file). Its own messages are kept for the errors not
/// recognised here (a value that is not a number, say).</remarks>
internal static class UsageErrors
{
    /// <summary>Every problem with the command line, one sentence each; empty when it parses.</summary>
    public static List<string> Of(ParseResult parseResult)
    {
        var command = parseResult.CommandResult.Command;
        bool root = parseResult.CommandResult == parseResult.RootCommandResult;
        string name = CommandPath(parseResult.CommandResult);
        var problems = new List<string>();
        bool afterDoubleDash = parseResult.Tokens.Any(t => t.Type == TokenType.DoubleDash);

        // A word that looks like an option but is none is reported as an unknown option, wherever the parser put it: left
        // over, or taken as the file argument's value.
        var argumentTokens = command.Arguments.SelectMany(a => parseResult.GetResult(a)?.Tokens.Select(t => t.Value) ?? []);
        var unknownOptions = parseResult.UnmatchedTokens.Concat(afterDoubleDash ? [] : argumentTokens).Where(LooksLikeOption).Distinct().ToList();
        foreach (string token in unknownOptions)
        {
            string? meant = NearestName.Of(token, OptionsOf(parseResult.CommandResult).Select(o => o.Name));
            problems.Add($"'{token}' is not an option of '{name}'." + (meant is null ? " Its options are listed below." : $" Did you mean '{meant}'?"));
        }

        var unmatched = parseResult.UnmatchedTokens.Where(t => !LooksLikeOption(t)).ToList();
        bool needsCommand = command.Subcommands.Count > 0 && command.Action is null;
        if (needsCommand && unmatched.Count > 0)
        {
            // The first word after the command is the command the user meant; later ones are its arguments.
            string typed = unmatched[0];
            string? meant = NearestName.Of(typed, command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name));
            problems.Add($"'{typed}' is not {(root ? "an evidence command" : $"a command of '{name}'")}." +
                (meant is null ? " The commands are listed below." : $" Did you mean '{meant}'?"));
        }
        else if (needsCommand)
        {
            problems.Add(root
                ? "Which command? Give one of those listed below, e.g. 'evidence validate review.xlsx'."
                : $"Which command of '{name}'? Give one of those listed below.");
        }
        else if (unknownOptions.Count == 0)
        {
            // Extra words are only worth a sentence when no unknown option explains them (they may be its value).
            foreach (string token in unmatched)
            {
                string takes = command.Arguments.Count == 0 ? "takes no arguments"
                    : $"takes {string.Join(" and ", command.Arguments.Select(a => $"<{a.Name}>"))}";
                problems.Add($"Unexpected argument '{token}': '{name}' {takes}.");
            }
        }

        if (unknownOptions.Count == 0)
        {
            foreach (var argument in command.Arguments.Where(a => a.Arity.MinimumNumberOfValues > 0 && !Given(parseResult, a)))
                problems.Add($"'{name}' needs <{argument.Name}>, {Lowercase(argument.Description)}");
        }
        var missingOptions = OptionsOf(parseResult.CommandResult).Where(o => o.Required && !Given(parseResult, o)).ToList();
        foreach (var option in missingOptions)
            problems.Add($"'{name}' needs {option.Name} <{option.HelpName ?? "value"}>, {Lowercase(option.Description)}");

        // System.CommandLine's own messages for what is not covered above: values it cannot read, too many values.
        foreach (var error in parseResult.Errors)
        {
            bool covered = error.SymbolResult switch
            {
                CommandResult => true,                                                      // unknown words, a missing command or option
                ArgumentResult { Argument: var a, Parent: CommandResult } => !Given(parseResult, a), // a missing argument
                OptionResult { Option: var o } => missingOptions.Contains(o),
                _ => false,
            };
            if (!covered && !problems.Contains(error.Message)) problems.Add(error.Message);
        }
        if (problems.Count == 0 && parseResult.Errors.Count > 0) problems.AddRange(parseResult.Errors.Select(e => e.Message));
        return problems;
    }

    private static bool Given(ParseResult parseResult, Argument argument) => parseResult.GetResult(argument) is { Tokens.Count: > 0 };

    private static bool Given(ParseResult parseResult, Option option) =>
        parseResult.GetResult(option) is OptionResult { IdentifierToken: not null };

    /// <summary>"-x" or "--xyz", but not "-" (standard input), "-0.5" or "-3" (numbers).</summary>
    private static bool LooksLikeOption(string token) =>
        token.Length > 1 && token[0] == '-' && !char.IsDigit(token[1]) && token[1] != '.';

    /// <summary>The options a command accepts: its own, and those of the commands above it that apply to their subcommands (--help).</summary>
    private static IEnumerable<Option> OptionsOf(CommandResult result)
    {
        var options = result.Command.Options.Where(o => !o.Hidden);
        for (var parent = result.Parent as CommandResult; parent is not null; parent = parent.Parent as CommandResult)
            options = options.Concat(parent.Command.Options.Where(o => o.Recursive && !o.Hidden));
        return options;
    }

    /// <summary>"evidence notebook run": the command's names from the root down.</summary>
    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result; r is CommandResult c; r = c.Parent) names.Add(c.Command.Name);
        names.Reverse();
        return string.Join(' ', names);
    }

    private static string Lowercase(string? description) =>
        string.IsNullOrEmpty(description) ? "" : char.ToLowerInvariant(description[0]) + description[1..];
}
