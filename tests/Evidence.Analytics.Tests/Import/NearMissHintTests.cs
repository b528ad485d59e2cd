using Evidence.Analytics.Import;
using Xunit;
using static Evidence.Analytics.Tests.Import.TestWorkbooks;

namespace Evidence.Analytics.Tests.Import;

/// <summary>A misspelt header or sheet name gets a "did you mean" hint, and a missing sheet lists the sheets found
/// (issue 16, "A CLI that helps").</summary>
public sealed class NearMissHintTests
{
    [Theory]
    [InlineData("kitten", "sitting", 3)] // the textbook example: k→s, e→i, +g
    [InlineData("", "abc", 3)]
    [InlineData("authors", "autors", 1)]
    [InlineData("design", "design", 0)]
    [InlineData("desing", "design", 1)] // a swap of neighbours is one edit
    [InlineData("ca", "abc", 3)] // optimal string alignment, not full Damerau: no edit of a swapped pair
    public void Distance_IsTheOptimalStringAlignmentDistance(string a, string b, int expected) =>
        Assert.Equal(expected, NearestName.Distance(a, b));

    [Theory]
    [InlineData("Autors", "Authors")]
    [InlineData("study-id", "Study ID")] // not a near miss but the same key: distance 0
    [InlineData("Desing", "Design")] // two letters swapped: one edit
    [InlineData("Dezign", "Design")]
    [InlineData("Dsgn", null)] // two edits, more than a quarter of "design" (6 letters → 1)
    [InlineData("Colour", null)]
    public void Of_FindsTheColumnMeantWithinAQuarterOfItsLength(string typed, string? expected) =>
        Assert.Equal(expected, NearestName.Of(typed, WorkbookFormat.Studies.Columns.Select(c => c.Header)));

    [Fact]
    public void MisspeltRequiredHeader_TheMissingColumnErrorPointsAtIt()
    {
        var files = Valid();
        files["studies.csv"] = files["studies.csv"].Replace("Study ID,Authors,", "Study ID,Autors,", StringComparison.Ordinal);

        var result = EvidenceWorkbook.Read(CsvFolder(files));

        var missing = Single(result, ProblemKind.MissingColumn);
        Assert.Equal(("Studies", "Authors"), (missing.Sheet!, missing.Column!));
        Assert.EndsWith("; column B is headed 'Autors': did you mean 'Authors'?", missing.Message, StringComparison.Ordinal);
        var unknown = Single(result, ProblemKind.UnknownColumn);
        Assert.Contains("'Autors' is not a column of the Studies sheet, so its values are not imported; Did you mean 'Authors'?", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MisspeltSheet_TheMissingSheetErrorNamesItAndListsTheSheetsFound()
    {
        var sheets = ValidSheets();
        int findings = sheets.FindIndex(s => s.Name == "Findings");
        sheets[findings] = sheets[findings] with { Name = "Findngs" };

        var result = ReadXlsx(sheets);

        var missing = Single(result, ProblemKind.MissingSheet);
        Assert.Contains(" Is 'Findngs' meant to be it? The sheets found are: ", missing.Message, StringComparison.Ordinal);
        Assert.EndsWith(string.Join(", ", sheets.Select(s => s.Name)) + ".", missing.Message, StringComparison.Ordinal);
    }
}
