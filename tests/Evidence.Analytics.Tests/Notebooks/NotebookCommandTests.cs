using Xunit;
using Evidence.Analytics.Cli;
using Evidence.Analytics.Notebooks;

namespace Evidence.Analytics.Tests.Notebooks;

[Collection(NotebookFileRuns.Name)]
public sealed class NotebookCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("evidence-notebook-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(Notebook notebook)
    {
        string path = Path.Combine(_directory, "analysis.ipynb");
        notebook.Save(path);
        return path;
    }

    private static async Task<(int Exit, string Out, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exit = await EvidenceCli.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task NotebookRun_GoodNotebook_ExitsZeroAndWritesNotebookAndHtml()
    {
        string path = Write(TestNotebooks.Code(TestNotebooks.Reference, "6 * 7"));
        string executed = Path.Combine(_directory, "out.ipynb");
        string html = Path.Combine(_directory, "out.html");

        var (exit, output, _) = await Run("notebook", "run", path, "-o", executed, "--html", html);

        Assert.Equal(EvidenceCli.Success, exit);
        Assert.Equal("analysis.ipynb: Ran 2 code cells: all succeeded.\n", output.ReplaceLineEndings("\n"));
        Assert.Equal("42", Notebook.Load(executed).Cells[1].Outputs.Single()["text/plain"]);
        Assert.Contains("<pre>42</pre>", File.ReadAllText(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotebookRun_FailingCell_ExitsOneNamingTheCell()
    {
        string path = Write(TestNotebooks.Code("var ok = 1;", "ok.Missing()"));
        string executed = Path.Combine(_directory, "out.ipynb");

        var (exit, _, error) = await Run("notebook", "run", path, "-o", executed);

        Assert.Equal(EvidenceCli.InputProblems, exit);
        Assert.StartsWith("analysis.ipynb: Cell 2 (c2) failed: (1,4): error CS1061:", error, StringComparison.Ordinal);
        Assert.Equal(NotebookOutputKind.Error, Notebook.Load(executed).Cells[1].Outputs.Single().Kind);
    }

    [Fact]
    public async Task NotebookRun_MissingFile_ExitsTwo()
    {
        var (exit, _, error) = await Run("notebook", "run", Path.Combine(_directory, "nope.ipynb"));

        Assert.Equal(EvidenceCli.UsageError, exit);
        Assert.Contains("Cannot read", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotebookRun_NotANotebook_ExitsTwoSayingWhy()
    {
        string path = Path.Combine(_directory, "bad.ipynb");
        await File.WriteAllTextAsync(path, "{\"nbformat\": 3}");

        var (exit, _, error) = await Run("notebook", "run", path);

        Assert.Equal(EvidenceCli.UsageError, exit);
        Assert.Contains("is not an nbformat 4 notebook", error, StringComparison.Ordinal);
    }
}
