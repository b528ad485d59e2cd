using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Evidence.Analytics.Cli;

/// <summary>How <c>evidence --help</c> reads: the placeholders that name each option's value, the width help is wrapped
/// to, and the examples and exit codes under the root command's help. The approved help texts are in
/// tests/Evidence.Analytics.Tests/Cli/Approved.</summary>
internal static class CliHelp
{
    /// <summary>The placeholder shown for each option's value (<c>--from-year &lt;year&gt;</c>), by option name: what the
    /// value is, not the option's name again. Kept here, in one place, so every command names the same value the same way.</summary>
    private static readonly Dictionary<string, string> ValueNames = new(StringComparer.Ordinal)
    {
        ["--rows"] = "dimension",
        ["--columns"] = "dimension",
        ["--outcome"] = "domain",
        ["--gap-threshold"] = "studies",
        ["--direction"] = "direction",
        ["--method"] = "method",
        ["--level"] = "level",
        ["--within-study-threshold"] = "share",
        ["--design"] = "design",
        ["--country"] = "country",
        ["--from-year"] = "year",
        ["--to-year"] = "year",
        ["--timing"] = "timing",
        ["--typology"] = "level",
        ["--intervention-type"] = "type",
        ["--intervention"] = "id",
        ["--output"] = "file",
        ["--test"] = "test",
        ["--max-iterations"] = "count",
        ["--study"] = "column",
        ["--funnel"] = "file",
        ["--model"] = "model",
        ["--seed"] = "seed",
        ["--prior-included"] = "records",
        ["--prior-excluded"] = "records",
        ["--batch"] = "records",
        ["--label"] = "column",
        ["--stop"] = "rule",
        ["--records"] = "files",
        ["--criteria"] = "text",
        ["--terms"] = "terms",
        ["--decisions"] = "file",
        ["--included"] = "file",
        ["--port"] = "port",
        ["--screener"] = "name",
        ["--yi"] = "column",
        ["--vi"] = "column",
        ["--ai"] = "column",
        ["--bi"] = "column",
        ["--ci"] = "column",
        ["--di"] = "column",
        ["--n1i"] = "column",
        ["--m1i"] = "column",
        ["--sd1i"] = "column",
        ["--n2i"] = "column",
        ["--m2i"] = "column",
        ["--sd2i"] = "column",
        ["--ri"] = "column",
        ["--ni"] = "column",
        ["--xi"] = "column",
        ["--previous"] = "file",
        ["--mapping"] = "file",
        ["--citations"] = "file",
        ["--flow"] = "file",
        ["--eppi-json"] = "file",
        ["--prisma2020-csv"] = "file",
        ["--ris"] = "file",
    };

    /// <summary>The lines under the root command's help: what to type first, then the exit codes.</summary>
    private static readonly (string Example, string What)[] Examples =
    [
        ("evidence template -o review.xlsx", "a blank workbook to fill in, with drop-down lists and a README sheet"),
        ("evidence validate review.xlsx", "every problem in it, with its sheet, row, column and value"),
        ("evidence report review.xlsx -o out", "the charts, summary.xlsx and evidence-map.html, in the folder out"),
        ("evidence map review.xlsx --design rct", "RCTs counted by intervention type and outcome domain, with the gaps"),
        ("evidence vocabulary design", "the designs a Design cell accepts, and their other spellings"),
    ];

    private static readonly (string Code, string Meaning)[] ExitCodes =
    [
        ("0", "success"),
        ("1", "the input has problems (every one is listed)"),
        ("2", "a usage error, or a file that cannot be read"),
    ];

    /// <summary>Sets the value placeholders of every option of <paramref name="root"/> and its subcommands.</summary>
    public static void NameValues(Command root)
    {
        foreach (var command in Commands(root))
        {
            foreach (var option in command.Options)
            {
                if (option.HelpName is null && ValueNames.TryGetValue(option.Name, out string? name)) option.HelpName = name;
            }
        }
    }

    /// <summary>Wraps help at <paramref name="width"/> columns and adds the examples and exit codes to the root's help.</summary>
    public static void Configure(Command root, int width)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new RootHelpAction(new HelpAction { MaxWidth = width }, width);
    }

    /// <summary>Writes the help of <paramref name="command"/> (a command of <paramref name="root"/>) to <paramref name="writer"/>.</summary>
    public static void Write(Command root, Command command, TextWriter writer)
    {
        var path = PathTo(root, command) ?? [];
        Write(root.Parse([.. path, "--help"]), writer);
    }

    /// <summary>Runs a help request, writing the help to <paramref name="writer"/> without the spaces System.CommandLine
    /// leaves at the ends of wrapped lines.</summary>
    public static int Write(ParseResult helpRequest, TextWriter writer)
    {
        using var text = new StringWriter();
        int exit = helpRequest.Invoke(new InvocationConfiguration { Output = text, Error = text });
        foreach (string line in text.ToString().ReplaceLineEndings("\n").Split('\n').SkipLast(1)) writer.WriteLine(line.TrimEnd());
        return exit;
    }

    private static IEnumerable<Command> Commands(Command command) => command.Subcommands.SelectMany(Commands).Prepend(command);

    /// <summary>The command names after the root that lead to <paramref name="target"/>, or null when it is not below <paramref name="from"/>.</summary>
    private static List<string>? PathTo(Command from, Command target)
    {
        if (ReferenceEquals(from, target)) return [];
        foreach (var sub in from.Subcommands)
        {
            if (PathTo(sub, target) is { } rest) return [sub.Name, .. rest];
        }
        return null;
    }

    /// <summary>System.CommandLine's help, then, for the root command, the examples and exit codes.</summary>
    internal sealed class RootHelpAction(HelpAction help, int width) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            int exit = help.Invoke(parseResult);
            if (parseResult.CommandResult == parseResult.RootCommandResult) WriteExtras(parseResult.InvocationConfiguration.Output, parseResult.RootCommandResult.Command.Name);
            return exit;
        }

        private void WriteExtras(TextWriter output, string name)
        {
            output.WriteLine("Examples:");
            int exampleWidth = Examples.Max(e => e.Example.Length);
            bool sideBySide = 2 + exampleWidth + 2 + Examples.Max(e => e.What.Length) <= width;
            foreach (var (example, what) in Examples)
            {
                if (sideBySide)
                {
                    output.WriteLine("  " + example.PadRight(exampleWidth) + "  " + what);
                    continue;
                }
                output.WriteLine("  " + example);
                foreach (string line in FittedTable.Wrap([what], width, indent: "      ")) output.WriteLine(line);
            }
            output.WriteLine();
            output.WriteLine("Exit codes:");
            foreach (var (code, meaning) in ExitCodes) output.WriteLine($"  {code}  {meaning}");
            output.WriteLine();
            foreach (string line in FittedTable.Wrap([$"Run '{name} COMMAND --help' for a command's arguments and options."], width, indent: ""))
                output.WriteLine(line);
        }
    }
}
