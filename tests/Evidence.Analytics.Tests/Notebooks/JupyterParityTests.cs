using System.Net;
using System.Text.RegularExpressions;
using Evidence.Analytics.Notebooks;
using Xunit;

namespace Evidence.Analytics.Tests.Notebooks;

/// <summary>The headless runner's outputs match the real .NET Interactive kernel's, run through Jupyter by
/// <c>notebooks/jupyter-check.sh</c> (CI), for every notebook: the same outputs in the same order, the same MIME types
/// for the library's values, the same text for strings and console output, and the same numbers everywhere.</summary>
/// <remarks>The Jupyter runs are read from the folder named by <see cref="Variable"/>; without it (no Jupyter on the
/// machine) the tests are skipped, not passed.</remarks>
[Collection(NotebookFileRuns.Name)]
public sealed partial class JupyterParityTests
{
    /// <summary>The folder holding the notebooks as Jupyter executed them.</summary>
    public const string Variable = "EVIDENCE_JUPYTER_RUNS";

    public static TheoryData<string> Notebooks() => RepositoryNotebookTests.Notebooks();

    [JupyterRunsTheory]
    [MemberData(nameof(Notebooks))]
    public async Task HeadlessRun_MatchesTheKernelsRunInJupyter(string name)
    {
        string jupyterRun = Path.Combine(Environment.GetEnvironmentVariable(Variable)!, name);
        Assert.True(File.Exists(jupyterRun), $"{jupyterRun} is missing: jupyter-check.sh executes every notebook there.");
        var kernel = Notebook.Load(jupyterRun);
        var headless = await new NotebookRunner().RunAsync(Path.Combine(RepositoryNotebookTests.NotebookFolder, name));
        Assert.True(headless.Succeeded, headless.ToString());

        var headlessCells = headless.Notebook.CodeCells.ToDictionary(c => c.Id);
        foreach (var cell in kernel.CodeCells)
        {
            var expected = cell.Outputs.Where(o => !IsKernelPlumbing(o)).ToList();
            var actual = headlessCells[cell.Id].Outputs;
            Assert.True(expected.Count == actual.Length,
                $"{name}, cell {cell.Id}: the kernel shows {expected.Count} outputs ({string.Join(", ", expected)}), the runner {actual.Length} ({string.Join(", ", actual)})");
            for (int i = 0; i < expected.Count; i++)
                AssertSameOutput($"{name}, cell {cell.Id}, output {i + 1}", expected[i], actual[i]);
        }
    }

    private static void AssertSameOutput(string where, NotebookOutput kernel, NotebookOutput headless)
    {
        Assert.True(kernel.Kind == headless.Kind, $"{where}: the kernel's is {kernel.Kind}, the runner's {headless.Kind}");
        if (kernel.Kind == NotebookOutputKind.Stream)
        {
            Assert.Equal(kernel.Text, headless.Text);
            return;
        }
        if (kernel["text/html"] is { } html && html.Contains("class=\"ea-display\"", StringComparison.Ordinal))
        {
            // The library's own formatters: the same MIME types and the same text, numbers included.
            Assert.True(kernel.Data.Select(p => p.Key).SequenceEqual(headless.Data.Select(p => p.Key)), $"{where}: MIME types differ");
            Assert.Equal(kernel["text/plain"], headless["text/plain"]);
            return;
        }
        if (kernel["text/plain"] is { } text)
        {
            Assert.Equal(text, headless["text/plain"]);
            return;
        }
        // A value the kernel shows with its own HTML (a number, a bool): the same value.
        Assert.True(kernel["text/html"] is not null, $"{where}: the kernel's output has neither text/plain nor text/html");
        string shown = Tags().Replace(Styles().Replace(kernel["text/html"]!, " "), " ");
        Assert.Equal(Numbers(WebUtility.HtmlDecode(shown)), Numbers(headless["text/plain"]!));
    }

    /// <summary>What the kernel adds around cells that restore packages: its start-up script, the lists of package
    /// sources and installed packages, and "Loading extensions from …" for a package with a kernel extension
    /// (Microsoft.Data.Analysis). The runner restores nothing and shows none of them.</summary>
    private static bool IsKernelPlumbing(NotebookOutput output) =>
        output.Kind == NotebookOutputKind.DisplayData
        && (output["text/html"] is { } html && !html.Contains("ea-display", StringComparison.Ordinal)
                && (html.Contains("dotnet-interactive-this-cell", StringComparison.Ordinal) || html.StartsWith("<div><div>", StringComparison.Ordinal))
            || output["text/plain"] is { } text && text.StartsWith("Loading extensions from ", StringComparison.Ordinal));

    private static string[] Numbers(string text) => [.. NumberPattern().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\d[\d,]*(\.\d+)?%?")]
    private static partial Regex NumberPattern();

    [GeneratedRegex("<style>.*?</style>", RegexOptions.Singleline)]
    private static partial Regex Styles();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}

/// <summary>A theory that runs only where Jupyter has executed the notebooks (<see cref="JupyterParityTests.Variable"/> is set).</summary>
public sealed class JupyterRunsTheoryAttribute : TheoryAttribute
{
    public JupyterRunsTheoryAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(JupyterParityTests.Variable)))
            Skip = $"{JupyterParityTests.Variable} is not set: run notebooks/jupyter-check.sh, which executes the notebooks in Jupyter and then these tests.";
    }
}
