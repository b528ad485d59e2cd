using Xunit;
using Evidence.Analytics.Notebooks;

namespace Evidence.Analytics.Tests.Notebooks;

public sealed class NotebookCellCodeTests
{
    [Fact]
    public void Prepare_NuGetDirectives_AreBlankedKeepingLineNumbers()
    {
        var code = NotebookCellCode.Prepare("#i \"nuget: /feed\"\n#r \"nuget: Evidence.Analytics, 0.1.0\"\nusing Evidence.Analytics;");

        Assert.Equal("\n\nusing Evidence.Analytics;", code.Code);
        var package = Assert.Single(code.Packages);
        Assert.Equal(new NuGetReference("Evidence.Analytics", "0.1.0", 2), package);
    }

    [Theory]
    [InlineData("#r \"nuget:Evidence.Analytics\"", "Evidence.Analytics", null)]
    [InlineData("#r \"nuget: Evidence.Analytics.Excel, 0.2.0-preview.3\"", "Evidence.Analytics.Excel", "0.2.0-preview.3")]
    [InlineData("  #r   \"NuGet: Evidence.Analytics ,  *-*\"  ", "Evidence.Analytics", "*-*")]
    public void Prepare_NuGetReference_ParsesIdAndVersion(string line, string id, string? version)
    {
        var package = Assert.Single(NotebookCellCode.Prepare(line).Packages);

        Assert.Equal((id, version), (package.Id, package.Version));
    }

    [Fact]
    public void Prepare_PathReference_IsLeftForRoslyn()
    {
        var code = NotebookCellCode.Prepare("#r \"../src/bin/Lib.dll\"");

        Assert.Equal("#r \"../src/bin/Lib.dll\"", code.Code);
        Assert.Empty(code.Packages);
    }

    [Fact]
    public void Prepare_KernelSelectorAfterCode_IsAProblem()
    {
        var code = NotebookCellCode.Prepare("var x = 1;\n#!csharp");

        Assert.Equal("line 2: the magic command '#!csharp' is not supported by the notebook runner", code.Problem);
    }

    [Fact]
    public void Prepare_OnlyDirectivesAndBlankLines_IsEmpty()
    {
        Assert.True(NotebookCellCode.Prepare("#!csharp\n#i \"nuget: /feed\"\n\n").IsEmpty);
    }
}
