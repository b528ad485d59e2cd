using System.CommandLine;
using Evidence.Analytics.Notebooks;

namespace Evidence.Analytics.Cli;

/// <summary><c>evidence notebook run NOTEBOOK [-o OUT.ipynb] [--html OUT.html]</c>: runs a C# notebook's cells
/// headlessly, without the .NET Interactive kernel.</summary>
internal static class NotebookCommand
{
    /// <summary>Builds the <c>notebook</c> command and its <c>run</c> subcommand.</summary>
    public static Command Create()
    {
        var notebook = new Argument<FileInfo>("notebook") { Description = "The .ipynb notebook to run; its cells run with the notebook's folder as the current directory." };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write the executed notebook, with its outputs, to this .ipynb file (it may be the notebook itself).", HelpName = "file" };
        var html = new Option<FileInfo?>("--html") { Description = "Also write the executed notebook as a self-contained HTML page.", HelpName = "file" };
        var run = new Command("run", "Run a notebook's C# cells in order and write their outputs; it stops at the first failing cell, with exit code 1.")
        {
            notebook, output, html,
        };
        run.SetAction((parseResult, cancellationToken) =>
            RunAsync(parseResult.GetValue(notebook)!, parseResult.GetValue(output), parseResult.GetValue(html),
                parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error, cancellationToken));

        return new Command("notebook", "Run C# notebooks (.ipynb) without Jupyter, VS Code or the .NET Interactive kernel.") { run };
    }

    private static async Task<int> RunAsync(FileInfo path, FileInfo? output, FileInfo? html, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        Notebook notebook;
        try
        {
            notebook = Notebook.Load(path.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            await stderr.WriteLineAsync($"Cannot read {path.FullName}: {e.Message}").ConfigureAwait(false);
            return EvidenceCli.UsageError;
        }

        var result = await new NotebookRunner().RunAsync(notebook, cancellationToken).ConfigureAwait(false);
        try
        {
            if (output is not null)
                result.Notebook.Save(output.FullName);
            if (html is not null)
                NotebookHtml.Save(result.Notebook, html.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"Cannot write the output: {e.Message}").ConfigureAwait(false);
            return EvidenceCli.UsageError;
        }

        if (result.Failure is { } failure)
        {
            await stderr.WriteLineAsync($"{path.Name}: {failure}").ConfigureAwait(false);
            return EvidenceCli.InputProblems;
        }
        await stdout.WriteLineAsync($"{path.Name}: {result}").ConfigureAwait(false);
        return EvidenceCli.Success;
    }
}
