using Evidence.Analytics.Cli;
using Evidence.Analytics.Tests.Import;

namespace Evidence.Analytics.Tests.Cli;

/// <summary>Tables fit the terminal (issue 16): no line wider than the terminal and no word broken at 80, 100 or 150
/// columns; a table whose longest words do not fit side by side becomes a list; redirected output is 120 columns wide.</summary>
public sealed class TableWidthTests
{
    private static string Sample => SampleDataTests.SampleFolder;

    private static EvidenceBase Evidence { get; } = EvidenceWorkbook.Read(SampleDataTests.SampleFolder).GetEvidenceOrThrow();

    /// <summary>The characters that draw a table's borders, which are not part of any word.</summary>
    private static readonly char[] NotWords = [' ', '\n', '\r', '│', '╭', '╮', '╰', '╯', '─', '┬', '┴', '┼', '├', '┤', ';'];

    [Fact]
    public void ColumnWidths_NaturalWhenTheyFit_WordsKeptWhole_ListWhenNot()
    {
        (int Min, int Max)[] columns = [(5, 10), (3, 20)];
        // Overhead for two columns: three borders and a space either side of each cell = 7.
        Assert.Equal(7, FittedTable.Overhead(2));
        Assert.Equal([10, 20], FittedTable.ColumnWidths(columns, 37)!);
        // 30 columns: 23 for text; the minima (8) leave 15, shared 5:17 as the columns lack 5 and 17 of their natural
        // widths: 15·5/22 = 3 and 15·17/22 = 11, so 8 and 14; the one column left goes to the second (it lacks 6, the first 2).
        Assert.Equal([8, 15], FittedTable.ColumnWidths(columns, 30)!);
        // Exactly the minima: 8 + 7.
        Assert.Equal([5, 3], FittedTable.ColumnWidths(columns, 15)!);
        Assert.Null(FittedTable.ColumnWidths(columns, 14));
    }

    [Fact]
    public void Wrap_BreaksBetweenItems_AndInsideAnItemOnlyAtSpaces()
    {
        Assert.Equal(["  Social connection: 20; Mental health: 14"], FittedTable.Wrap(["Social connection: 20", "Mental health: 14"], 50, "  "));
        Assert.Equal(["  Social connection: 20", "  Mental health: 14"], FittedTable.Wrap(["Social connection: 20", "Mental health: 14"], 25, "  "));
        Assert.Equal(["  Social", "  connection: 20"], FittedTable.Wrap(["Social connection: 20"], 18, "  "));
    }

    [Theory]
    [InlineData(80)]
    [InlineData(100)]
    [InlineData(150)]
    public async Task Map_AtTerminalWidth_FitsAndBreaksNoWord(int width)
    {
        var (exit, output, _) = await CliRunner.RunAt(width, "map", Sample);

        Assert.Equal(EvidenceCli.Success, exit);
        AssertFits(output, width);
        var map = Evidence.Map(Dimension.InterventionType, Dimension.OutcomeDomain);
        AssertWhole(output, [.. map.RowLabels, .. map.ColumnLabels, "Intervention type", "Total"]);
        // The longest words side by side: "Education/information" (21), "connection" (10), "health" (6), "confidence" (10),
        // "Mother-infant" (13), "Physical" (8), "Quality" (7), "Service" (7), "Total" (5) = 87, plus 3 × 9 + 1 = 28 of
        // borders and padding: 115 columns. Narrower, the map is a list; at 150 it is a table with its headers wrapped.
        if (width < 115)
        {
            Assert.DoesNotContain("╭", output, StringComparison.Ordinal);
            for (int r = 0; r < map.RowLabels.Length; r++)
            {
                // Each row's block: its label, then its cells as "Column: studies", ending with its distinct-study total.
                string block = Block(output, $"Intervention type: {map.RowLabels[r]}");
                Assert.Contains($"Total: {map.RowTotals[r]}", block, StringComparison.Ordinal);
                Assert.Contains($"{map.ColumnLabels[0]}: {map[r, 0].Studies}", block, StringComparison.Ordinal);
            }
        }
        else
        {
            Assert.Contains("╭", output, StringComparison.Ordinal);
            Assert.Contains("Education/information", output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(80)]
    [InlineData(100)]
    [InlineData(150)]
    public async Task SummaryAndShare_AtTerminalWidth_FitAndBreakNoWord(int width)
    {
        var (summaryExit, summary, _) = await CliRunner.RunAt(width, "summary", Sample);
        var (shareExit, share, _) = await CliRunner.RunAt(width, "share", Sample, "--outcome", "social connection", "--rank");

        Assert.Equal(EvidenceCli.Success, summaryExit);
        Assert.Equal(EvidenceCli.Success, shareExit);
        AssertFits(summary, width);
        AssertFits(share, width);
        var counts = EvidenceCounts.Of(Evidence);
        AssertWhole(summary, [.. counts.Tables.Where(t => t.Counts.Count > 0).SelectMany(t => t.Counts.Select(c => c.Label).Append(t.Title))]);
        AssertWhole(share, [.. Evidence.Vocabularies.OutcomeDomains.Terms.Select(t => t.Label), "Outcome domain"]);
        // Two-column tables of short labels fit 80 columns as tables.
        Assert.Contains("╭", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_Redirected_IsLaidOutAtTheDocumentedWidth()
    {
        // Not a terminal: 120 columns (CliConsole.PlainWidth), so the map is a table (it needs 115).
        var (_, output, _) = await CliRunner.Run("map", Sample);

        Assert.Equal(120, CliConsole.PlainWidth);
        AssertFits(output, CliConsole.PlainWidth);
        Assert.Contains("╭", output, StringComparison.Ordinal);
    }

    private static void AssertFits(string output, int width) =>
        Assert.All(HelpAndUsageErrorTests.Lines(output), line => Assert.True(line.Length <= width, $"A line of {line.Length} columns at {width}: \"{line}\""));

    /// <summary>Every word of every label is a whole word of the output: a word broken across lines or cut with an
    /// ellipsis ("Educat", "ion/in"; "Interven…") is not.</summary>
    private static void AssertWhole(string output, IEnumerable<string> labels)
    {
        var words = output.Split(NotWords, StringSplitOptions.RemoveEmptyEntries).Select(w => w.TrimEnd(':')).ToHashSet(StringComparer.Ordinal);
        foreach (string word in labels.SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Distinct())
            Assert.True(words.Contains(word), $"'{word}' is not whole in:\n{output}");
        Assert.DoesNotContain("…", output, StringComparison.Ordinal);
    }

    /// <summary>The lines from the one starting with <paramref name="heading"/> to the next unindented line.</summary>
    private static string Block(string output, string heading)
    {
        var lines = HelpAndUsageErrorTests.Lines(output);
        int start = Array.FindIndex(lines, l => l == heading);
        Assert.True(start >= 0, $"No line '{heading}' in:\n{output}");
        return string.Join('\n', lines.Skip(start).TakeWhile((l, i) => i == 0 || l.StartsWith("  ", StringComparison.Ordinal)));
    }
}
