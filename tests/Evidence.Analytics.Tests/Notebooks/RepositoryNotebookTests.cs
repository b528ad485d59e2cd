using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Evidence.Analytics.Notebooks;
using Xunit;

namespace Evidence.Analytics.Tests.Notebooks;

/// <summary>The notebooks in <c>notebooks/</c> run cleanly through the runner, as CI proves they work.</summary>
[Collection(NotebookFileRuns.Name)]
public sealed partial class RepositoryNotebookTests
{
    internal static string NotebookFolder
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Evidence.Analytics.sln")))
                    return Path.Combine(folder.FullName, "notebooks");
            }
            throw new DirectoryNotFoundException("The repository root (with Evidence.Analytics.sln) is not above " + AppContext.BaseDirectory);
        }
    }

    private static string[] NotebookNames() => [.. Directory.GetFiles(NotebookFolder, "*.ipynb").Select(p => Path.GetFileName(p)).Order()];

    public static TheoryData<string> Notebooks() => [.. NotebookNames()];

    [Fact]
    public void Notebooks_TheDocumentedOnes_Exist()
    {
        Assert.Contains("01-getting-started.ipynb", NotebookNames());
        Assert.Contains("02-postpartum-social-prescribing.ipynb", NotebookNames());
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task RunAsync_RepositoryNotebook_EveryCellRunsWithoutError(string name)
    {
        var run = await new NotebookRunner().RunAsync(Path.Combine(NotebookFolder, name));

        Assert.True(run.Succeeded, run.ToString());
        Assert.DoesNotContain(run.Notebook.Cells.SelectMany(c => c.Outputs), o => o.Kind == NotebookOutputKind.Error);
        Assert.All(run.Notebook.CodeCells, cell => Assert.NotNull(cell.ExecutionCount));
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void CommittedNotebook_CarriesOutputsWithoutErrors(string name)
    {
        var notebook = Notebook.Load(Path.Combine(NotebookFolder, name));

        Assert.All(notebook.CodeCells, cell => Assert.NotNull(cell.ExecutionCount));
        Assert.DoesNotContain(notebook.Cells.SelectMany(c => c.Outputs), o => o.Kind == NotebookOutputKind.Error);
        Assert.Contains(notebook.Cells.SelectMany(c => c.Outputs), o => o["text/html"] is not null);
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void CommittedNotebook_HasPolyglotMetadataAndCellIds(string name)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(NotebookFolder, name)))!;

        Assert.Equal(4, (int)json["nbformat"]!);
        Assert.True((int)json["nbformat_minor"]! >= 5);
        Assert.Equal(".net-csharp", (string?)json["metadata"]!["kernelspec"]!["name"]);
        Assert.Equal("csharp", (string?)json["metadata"]!["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]);
        Assert.All(json["cells"]!.AsArray(), cell => Assert.False(string.IsNullOrWhiteSpace((string?)cell!["id"])));
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void CommittedNotebook_ReferencesThisVersionOfTheLibrary(string name)
    {
        string version = typeof(EvidenceBase).Assembly.GetName().Version!.ToString(3);
        var notebook = Notebook.Load(Path.Combine(NotebookFolder, name));

        var references = notebook.CodeCells.SelectMany(c => NuGetReference().Matches(c.Source)).ToList();

        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.Equal(version, r.Groups["version"].Value));
    }

    [GeneratedRegex(@"#r ""nuget:\s*Evidence\.Analytics[^,""]*,\s*(?<version>[^""]+)""")]
    private static partial Regex NuGetReference();
}
