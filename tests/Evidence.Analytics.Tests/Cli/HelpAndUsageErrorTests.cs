using System.CommandLine;
using Evidence.Analytics.Cli;
using Evidence.Analytics.Tests.Charts;
using Evidence.Analytics.Tests.Import;

namespace Evidence.Analytics.Tests.Cli;

/// <summary>What a newcomer reads: <c>--help</c> of every command and the main parse errors, approved as text
/// (<c>Cli/Approved/help-*.approved.txt</c>, <c>usage-error-*.approved.txt</c>; EVIDENCE_APPROVE=1 accepts a change),
/// laid out 120 columns wide as when the output is redirected.</summary>
public sealed class HelpAndUsageErrorTests
{
    private const int Width = CliConsole.PlainWidth;

    private static string Sample => SampleDataTests.SampleFolder;

    /// <summary>Every command, by the words that name it after "evidence" ("" for the root).</summary>
    private static readonly string[] CommandNames =
        ["", "report", "validate", "summary", "map", "share", "meta", "diff", "vocabulary", "template", "convert", "export", "screen", "screen import", "screen simulate", "screen new", "screen status", "screen export", "screen prisma", "screen serve", "agreement", "notebook", "notebook run"];

    public static TheoryData<string> Commands { get; } = [.. CommandNames];

    private static IEnumerable<string> CommandPaths(Command command, string path) =>
        command.Subcommands.SelectMany(sub => CommandPaths(sub, (path + " " + sub.Name).Trim())).Prepend(path);

    [Fact]
    public void Commands_AreEveryCommandOfTheTool() =>
        Assert.Equal(CommandPaths(EvidenceCli.Create(), "").Order(StringComparer.Ordinal), CommandNames.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Help_IsTheApprovedText(string command)
    {
        var (exit, output, error) = await CliRunner.RunAt(Width, [.. Words(command), "--help"]);

        Assert.Equal(EvidenceCli.Success, exit);
        Assert.Equal("", error);
        Approvals.Verify(Path.Combine("Cli", "Approved"), $"help-{FileName(command)}.approved.txt", output.ReplaceLineEndings("\n"));
    }

    /// <summary>The main parse errors: the message, then the command's help, on the error writer, exit code 2.</summary>
    public static TheoryData<string, string[]> UsageErrorCases { get; } = new()
    {
        { "no-command", [] },
        { "misspelt-command", ["mpa", "review.xlsx"] },
        { "unknown-command", ["frobnicate", "review.xlsx"] },
        { "misspelt-option-before-file", ["map", "--rosw", "design", "review.xlsx"] },
        { "misspelt-option-after-file", ["summary", "review.xlsx", "--jsn"] },
        { "missing-argument", ["summary"] },
        { "missing-option", ["share", "review.xlsx"] },
        { "extra-argument", ["validate", "review.xlsx", "other.xlsx"] },
    };

    [Theory]
    [MemberData(nameof(UsageErrorCases))]
    public async Task UsageError_IsTheApprovedText_OnTheErrorWriter_ExitTwo(string name, string[] args)
    {
        var (exit, output, error) = await CliRunner.RunAt(Width, args);

        Assert.Equal(EvidenceCli.UsageError, exit);
        Assert.Equal("", output);
        Assert.Contains("\nUsage:\n", error.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Approvals.Verify(Path.Combine("Cli", "Approved"), $"usage-error-{name}.approved.txt", error.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData(new[] { "mpa" }, "'mpa' is not an evidence command. Did you mean 'map'?")]
    [InlineData(new[] { "reprot", "x.xlsx" }, "'reprot' is not an evidence command. Did you mean 'report'?")]
    [InlineData(new[] { "MAP", "x.xlsx" }, "'MAP' is not an evidence command. Did you mean 'map'?")]
    [InlineData(new[] { "notebook", "rnu" }, "'rnu' is not a command of 'evidence notebook'. Did you mean 'run'?")]
    [InlineData(new[] { "map", "--rosw", "design", "x.xlsx" }, "'--rosw' is not an option of 'evidence map'. Did you mean '--rows'?")]
    [InlineData(new[] { "share", "x.xlsx", "--outcome", "all", "--desing", "rct" }, "'--desing' is not an option of 'evidence share'. Did you mean '--design'?")]
    [InlineData(new[] { "vocabulary", "--jsn" }, "'--jsn' is not an option of 'evidence vocabulary'. Did you mean '--json'?")]
    public async Task UsageError_MisspeltName_NamesTheNearest(string[] args, string expected)
    {
        var (exit, _, error) = await CliRunner.RunAt(Width, args);

        Assert.Equal(EvidenceCli.UsageError, exit);
        Assert.Equal(expected, error.ReplaceLineEndings("\n").Split('\n')[0]);
    }

    [Fact]
    public async Task UsageError_NothingNear_SuggestsNothing()
    {
        // System.CommandLine suggested "-h" for any one-letter word, and said "Required command was not provided." beside it.
        var (_, _, error) = await CliRunner.RunAt(Width, "frobnicate", "x");

        Assert.DoesNotContain("Did you mean", error, StringComparison.Ordinal);
        Assert.DoesNotContain("'-h'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Required command", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_AndVersion_AreAnsweredWhateverElseIsTyped()
    {
        var (exit, output, error) = await CliRunner.RunAt(Width, "map", "--rosw", "--help");

        Assert.Equal(EvidenceCli.Success, exit);
        Assert.Equal("", error);
        Assert.Contains("evidence map <file> [options]", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsageError_NegativeNumber_IsAValueNotAnOption()
    {
        // "-0.5" is the value of --level, not an unknown option; the command itself says what is wrong with it.
        var (exit, _, error) = await CliRunner.RunAt(Width, "share", Sample, "--outcome", "all", "--level", "-0.5");

        Assert.Equal(EvidenceCli.UsageError, exit);
        Assert.StartsWith("--level must be between 0 and 1", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(80)]
    [InlineData(100)]
    [InlineData(150)]
    public async Task Help_AtTerminalWidth_FitsAndBreaksNoWord(int width)
    {
        foreach (string command in CommandNames)
        {
            var (_, wrapped, _) = await CliRunner.RunAt(width, [.. Words(command), "--help"]);
            var (_, unwrapped, _) = await CliRunner.RunAt(10_000, [.. Words(command), "--help"]);

            Assert.All(Lines(wrapped), line => Assert.True(line.Length <= width, $"{width} columns, 'evidence {command} --help': {line.Length} columns in \"{line}\"."));
            // Wrapping only moves words to the next line: the words, in order, are the unwrapped help's.
            Assert.Equal(WordsOf(unwrapped), WordsOf(wrapped));
        }
    }

    internal static string[] Lines(string text) => text.ReplaceLineEndings("\n").Split('\n');

    internal static string[] WordsOf(string text) => text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);

    private static string[] Words(string command) => command.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static string FileName(string command) => command.Length == 0 ? "evidence" : command.Replace(' ', '-');
}
