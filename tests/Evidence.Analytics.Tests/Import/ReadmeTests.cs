using Xunit;

namespace Evidence.Analytics.Tests.Import;

/// <summary>The README documents the whole workbook format and every import problem kind, so the two cannot drift apart.</summary>
public sealed class ReadmeTests
{
    private static string Readme()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Evidence.Analytics.sln")))
                return File.ReadAllText(Path.Combine(directory.FullName, "README.md"));
        }
        throw new InvalidOperationException("README.md not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void Readme_DocumentsEverySheetAndColumnOfTheWorkbookFormat()
    {
        string readme = Readme();
        foreach (var sheet in WorkbookFormat.Sheets)
        {
            Assert.Contains($"#### {sheet.Name}", readme, StringComparison.Ordinal);
            int start = readme.IndexOf($"#### {sheet.Name}", StringComparison.Ordinal);
            int end = readme.IndexOf("####", start + 4, StringComparison.Ordinal);
            string section = end < 0 ? readme[start..] : readme[start..end];
            foreach (var column in sheet.Columns)
                Assert.Contains($"| {column.Header} |", section, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Readme_DocumentsEveryProblemKind()
    {
        string readme = Readme();
        foreach (var kind in Enum.GetValues<ProblemKind>())
            Assert.Contains($"| `{kind}` |", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void Readme_QuickStartCommandPointsAtExistingSample()
    {
        string readme = Readme();
        Assert.Matches(@"dotnet run --project src/Evidence\.Analytics\.Cli -- (summary|report) data-samples/postpartum-social-prescribing\.xlsx", readme);
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "data-samples", "postpartum-social-prescribing.xlsx")));
    }
}
