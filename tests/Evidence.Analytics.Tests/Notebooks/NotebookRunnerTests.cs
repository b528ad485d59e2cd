using Xunit;
using System.Globalization;
using System.Reflection;
using Evidence.Analytics.Notebooks;

namespace Evidence.Analytics.Tests.Notebooks;

[Collection(NotebookFileRuns.Name)]
public sealed class NotebookRunnerTests
{
    [Fact]
    public async Task RunAsync_VariableDeclaredInEarlierCell_IsVisibleInLaterCells()
    {
        var run = await TestNotebooks.RunAsync("var count = 40;", "count += 2;", "count");

        Assert.True(run.Succeeded, run.ToString());
        var result = Assert.Single(run.Notebook.Cells[2].Outputs);
        Assert.Equal(NotebookOutputKind.ExecuteResult, result.Kind);
        Assert.Equal("42", result["text/plain"]);
    }

    [Fact]
    public async Task RunAsync_TypesAndUsingsFromEarlierCells_CarryOver()
    {
        var run = await TestNotebooks.RunAsync(
            "using System.Globalization;\nrecord Share(int Part, int Whole) { public double Value => (double)Part / Whole; }",
            "new Share(7, 9).Value.ToString(\"0.000\", CultureInfo.InvariantCulture)");

        Assert.True(run.Succeeded, run.ToString());
        Assert.Equal("0.778", run.Notebook.Cells[1].Outputs.Single()["text/plain"]);
    }

    [Theory]
    [InlineData("1 + 1", true)]
    [InlineData("Math.Max(1, 2);", false)]
    [InlineData("Math.Max(1, 2)", true)]
    [InlineData("var x = 1;", false)]
    [InlineData("Console.Write(\"\")", false)]
    [InlineData("null", true)]
    [InlineData("var x = 2;\nx * 3", true)]
    public async Task RunAsync_TrailingExpression_ShowsValueOnlyWithoutSemicolonAndNonVoid(string code, bool showsValue)
    {
        var run = await TestNotebooks.RunAsync(code);

        Assert.True(run.Succeeded, run.ToString());
        Assert.Equal(showsValue, run.Notebook.Cells[0].Outputs.Any(o => o.Kind == NotebookOutputKind.ExecuteResult));
    }

    [Fact]
    public async Task RunAsync_ValueStatementWithSemicolon_IsCS0201AsInTheKernel()
    {
        var run = await TestNotebooks.RunAsync("1 + 1;");

        Assert.Contains("error CS0201", run.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NullTrailingExpression_ShowsNullAsTheKernelDoes()
    {
        var run = await TestNotebooks.RunAsync("string? nothing = null;\nnothing");

        Assert.Equal("<null>", run.Notebook.Cells[0].Outputs.Single()["text/plain"]);
    }

    [Fact]
    public async Task RunAsync_Display_EmitsDisplayDataInOrderWithConsoleOutput()
    {
        var run = await TestNotebooks.RunAsync("Console.WriteLine(\"before\");\ndisplay(7);\nConsole.Write(\"after\");\nConsole.WriteLine(\" and more\");");

        var outputs = run.Notebook.Cells[0].Outputs;
        Assert.Equal([NotebookOutputKind.Stream, NotebookOutputKind.DisplayData, NotebookOutputKind.Stream], outputs.Select(o => o.Kind));
        Assert.Equal("before\n", outputs[0].Text);
        Assert.Equal("7", outputs[1]["text/plain"]);
        Assert.Equal("after and more\n", outputs[2].Text);
    }

    [Fact]
    public async Task RunAsync_DisplayWithMimeType_EmitsOnlyThatType()
    {
        var run = await TestNotebooks.RunAsync(TestNotebooks.Reference, TestNotebooks.SmallEvidence + "\ndisplay(evidence, \"text/plain\");");

        var shown = Assert.Single(run.Notebook.Cells[1].Outputs);
        Assert.Equal(["text/plain"], shown.Data.Select(p => p.Key));
    }

    [Fact]
    public async Task RunAsync_LibraryValue_IsFormattedAsHtmlAndPlainText()
    {
        var run = await TestNotebooks.RunAsync(TestNotebooks.Reference, TestNotebooks.SmallEvidence + "\nevidence");

        Assert.True(run.Succeeded, run.ToString());
        var result = run.Notebook.Cells[1].Outputs.Single();
        Assert.Equal(["text/html", "text/plain"], result.Data.Select(p => p.Key));
        Assert.StartsWith("<div class=\"ea-display\">", result["text/html"], StringComparison.Ordinal);
        Assert.Contains("Intervention types", result["text/plain"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_StandardOutputAndError_BecomeSeparateStreams()
    {
        var run = await TestNotebooks.RunAsync("Console.WriteLine(\"out\"); Console.Error.WriteLine(\"err\");");

        Assert.Equal(["stdout", "stderr"], run.Notebook.Cells[0].Outputs.Select(o => o.StreamName));
    }

    [Fact]
    public async Task RunAsync_CompilationError_ReportsCellNumberAndRoslynMessageWithCellLine()
    {
        var notebook = TestNotebooks.Parse([
            TestNotebooks.Cell("markdown", "intro", "# Title"),
            TestNotebooks.Cell("code", "ok", "var a = 1;"),
            TestNotebooks.Cell("code", "broken", "var b = 2;\nvar c = undefinedName;"),
            TestNotebooks.Cell("code", "later", "a"),
        ]);

        var run = await new NotebookRunner().RunAsync(notebook);

        Assert.False(run.Succeeded);
        Assert.Equal(3, run.Failure!.CellNumber);
        Assert.Equal("broken", run.Failure.CellId);
        Assert.Contains("(2,9): error CS0103", run.Failure.Message, StringComparison.Ordinal);
        Assert.StartsWith("Cell 3 (broken) failed: ", run.Failure.ToString(), StringComparison.Ordinal);
        var error = Assert.Single(run.Notebook.Cells[2].Outputs);
        Assert.Equal(NotebookOutputKind.Error, error.Kind);
        Assert.Equal("CompilationError", error.ErrorName);
        Assert.Empty(run.Notebook.Cells[3].Outputs);
        Assert.Null(run.Notebook.Cells[3].ExecutionCount);
    }

    [Fact]
    public async Task RunAsync_RuntimeException_ReportsCellNumberAndExceptionMessage()
    {
        var run = await TestNotebooks.RunAsync("var ok = 1;", "Console.WriteLine(\"partial\");\nthrow new InvalidOperationException(\"The workbook has no Studies sheet.\");");

        Assert.Equal(2, run.Failure!.CellNumber);
        Assert.Equal("InvalidOperationException: The workbook has no Studies sheet.", run.Failure.Message);
        var outputs = run.Notebook.Cells[1].Outputs;
        Assert.Equal("partial\n", outputs[0].Text);
        Assert.Equal("InvalidOperationException", outputs[1].ErrorName);
    }

    [Fact]
    public async Task RunAsync_ExecutionCounts_NumberTheCellsThatRanSkippingEmptyOnes()
    {
        var run = await TestNotebooks.RunAsync("1", "   \n", "2");

        Assert.Equal([1, null, 2], run.Notebook.Cells.Select(c => c.ExecutionCount));
        Assert.Equal(2, run.CellsRun);
    }

    [Fact]
    public async Task RunAsync_NuGetReferenceToTheLibrary_ResolvesToTheBuiltAssembly()
    {
        var run = await TestNotebooks.RunAsync(TestNotebooks.Reference + "\ntypeof(EvidenceBase).Assembly.GetName().Name");

        Assert.True(run.Succeeded, run.ToString());
        Assert.Equal("Evidence.Analytics", run.Notebook.Cells[0].Outputs.Single()["text/plain"]);
    }

    [Fact]
    public async Task RunAsync_NuGetReferenceToAnotherVersion_SaysWhichBuildIsUsed()
    {
        var run = await TestNotebooks.RunAsync("#r \"nuget: Evidence.Analytics, 9.9.9\"\n1");

        Assert.True(run.Succeeded, run.ToString());
        var note = run.Notebook.Cells[0].Outputs[0];
        Assert.Equal("stderr", note.StreamName);
        Assert.Equal("The notebook asks for Evidence.Analytics 9.9.9; the runner uses the build it belongs to, 0.1.0.\n", note.Text);
    }

    [Fact]
    public async Task RunAsync_NuGetReferenceToTheBuiltVersion_WritesNoNote()
    {
        var run = await TestNotebooks.RunAsync(TestNotebooks.Reference + "\n1");

        Assert.Equal([NotebookOutputKind.ExecuteResult], run.Notebook.Cells[0].Outputs.Select(o => o.Kind));
    }

    [Fact]
    public async Task RunAsync_NuGetReferenceToExcelPackage_ResolvesByAssemblyName()
    {
        var run = await TestNotebooks.RunAsync("#r \"nuget: Evidence.Analytics.Excel, 0.1.0\"\n1");

        Assert.True(run.Succeeded, run.ToString());
    }

    [Fact]
    public async Task RunAsync_NuGetReferenceMappedExplicitly_UsesTheGivenAssembly()
    {
        var packages = new Dictionary<string, Assembly> { ["My.Analysis"] = typeof(NotebookRunnerTests).Assembly };
        var notebook = TestNotebooks.Code("#r \"nuget: My.Analysis, 2.0.0\"\ntypeof(Evidence.Analytics.Tests.Notebooks.NotebookRunnerTests).Name");

        var run = await new NotebookRunner(packages).RunAsync(notebook);

        Assert.True(run.Succeeded, run.ToString());
        Assert.Equal("NotebookRunnerTests", run.Notebook.Cells[0].Outputs.Single(o => o.Kind == NotebookOutputKind.ExecuteResult)["text/plain"]);
    }

    [Fact]
    public async Task RunAsync_UnknownNuGetPackage_FailsNamingPackageAndLine()
    {
        var run = await TestNotebooks.RunAsync("// plotting\n#r \"nuget: Plotly.NET, 4.2.0\"");

        Assert.Contains("line 2: the package 'Plotly.NET' is not available", run.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_PackageSourceDirective_IsDropped()
    {
        var run = await TestNotebooks.RunAsync("#i \"nuget: /home/me/local-feed\"\n" + TestNotebooks.Reference + "\n3");

        Assert.True(run.Succeeded, run.ToString());
    }

    [Fact]
    public async Task RunAsync_DisplayExtensionMethod_ShowsTheValueAsDisplayDoes()
    {
        var run = await TestNotebooks.RunAsync(TestNotebooks.Reference, TestNotebooks.SmallEvidence + "\nevidence.Display();\nevidence.Display(\"text/plain\");\ndisplay(evidence);");

        Assert.True(run.Succeeded, run.ToString());
        var outputs = run.Notebook.Cells[1].Outputs;
        Assert.Equal([NotebookOutputKind.DisplayData, NotebookOutputKind.DisplayData, NotebookOutputKind.DisplayData], outputs.Select(o => o.Kind));
        Assert.Equal(["text/html", "text/plain"], outputs[0].Data.Select(p => p.Key));
        Assert.Equal(["text/plain"], outputs[1].Data.Select(p => p.Key));
        Assert.Equal(outputs[2]["text/plain"], outputs[0]["text/plain"]);
    }

    [Fact]
    public async Task RunAsync_PackageSourceSentThroughTheKernelApi_IsAcceptedAsInTheKernel()
    {
        // The notebooks' first cell: add the repository's feed only when it exists, with the kernel's own API.
        var run = await TestNotebooks.RunAsync(
            "var feed = System.IO.Path.GetFullPath(\"../artifacts/notebook-feed\");\n" +
            "await Microsoft.DotNet.Interactive.Kernel.Root.SendAsync(new Microsoft.DotNet.Interactive.Commands.SubmitCode($\"#i \\\"nuget: {feed}\\\"\", \"csharp\"));",
            TestNotebooks.Reference + "\n3");

        Assert.True(run.Succeeded, run.ToString());
        Assert.Empty(run.Notebook.Cells[0].Outputs);
    }

    [Fact]
    public async Task RunAsync_PackageReferenceSentThroughTheKernelApi_IsUsableInTheNextCell()
    {
        var run = await TestNotebooks.RunAsync(
            "await Kernel.Root.SendAsync(new Microsoft.DotNet.Interactive.Commands.SubmitCode(\"#r \\\"nuget: Evidence.Analytics, 0.1.0\\\"\"));",
            "Evidence.Analytics.DesignGroup.Rct");

        Assert.True(run.Succeeded, run.ToString());
        Assert.Equal("Rct", run.Notebook.Cells[1].Outputs.Single()["text/plain"]);
    }

    [Fact]
    public async Task RunAsync_CodeSentThroughTheKernelApi_FailsSayingOnlyDirectivesRun()
    {
        var run = await TestNotebooks.RunAsync("await Kernel.Root.SendAsync(new Microsoft.DotNet.Interactive.Commands.SubmitCode(\"var x = 1;\"));");

        Assert.Contains("runs only #i and #r directives sent with Kernel.Root.SendAsync", run.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MagicCommand_FailsNamingIt()
    {
        var run = await TestNotebooks.RunAsync("#!time\n1");

        Assert.Contains("'#!time' is not supported", run.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_LeadingCSharpSelector_IsAccepted()
    {
        var run = await TestNotebooks.RunAsync("#!csharp\n5");

        Assert.Equal("5", run.Notebook.Cells[0].Outputs.Single()["text/plain"]);
    }

    [Fact]
    public async Task RunAsync_CellOfAnotherKernel_FailsNamingTheKernel()
    {
        var cell = TestNotebooks.Cell("code", "ps", "Get-Date");
        cell["metadata"]!["polyglot_notebook"]!["kernelName"] = "pwsh";

        var run = await new NotebookRunner().RunAsync(TestNotebooks.Parse([cell]));

        Assert.Contains("'pwsh' cell", run.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnderCommaDecimalCulture_FormatsInvariantlyAndRestoresTheCulture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            var run = await TestNotebooks.RunAsync("$\"{0.5} {1234.5:N1}\"");

            Assert.Equal("0.5 1,234.5", run.Notebook.Cells[0].Outputs.Single()["text/plain"]);
            Assert.Equal("de-DE", CultureInfo.CurrentCulture.Name);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public async Task RunAsync_NotebookFile_RunsInItsFolderAndRestoresTheCurrentDirectory()
    {
        string folder = Directory.CreateTempSubdirectory("evidence-nb-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "data.txt"), "from the notebook's folder");
            string path = Path.Combine(folder, "read.ipynb");
            TestNotebooks.Code("System.IO.File.ReadAllText(\"data.txt\")").Save(path);
            string before = Directory.GetCurrentDirectory();

            var run = await new NotebookRunner().RunAsync(path);

            Assert.Equal("from the notebook's folder", run.Notebook.Cells[0].Outputs.Single()["text/plain"]);
            Assert.Equal(before, Directory.GetCurrentDirectory());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task RunAsync_SameNotebookTwice_WritesIdenticalJson()
    {
        var notebook = TestNotebooks.Code(TestNotebooks.Reference, TestNotebooks.SmallEvidence + "\ndisplay(evidence);\nConsole.WriteLine(evidence);\nevidence");

        string first = (await new NotebookRunner().RunAsync(notebook)).Notebook.ToJson();
        string second = (await new NotebookRunner().RunAsync(notebook)).Notebook.ToJson();

        Assert.Equal(first, second);
    }
}
