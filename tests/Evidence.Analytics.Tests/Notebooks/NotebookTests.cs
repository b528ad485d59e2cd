using Xunit;
using System.Text.Json.Nodes;
using Evidence.Analytics.Notebooks;

namespace Evidence.Analytics.Tests.Notebooks;

public sealed class NotebookTests
{
    // The example NOTEBOOKS.md §1 gives as passing nbformat.validate, as VS Code saves it.
    private const string PolyglotExample = """
        {"cells":[
          {"cell_type":"markdown","id":"intro","metadata":{},"source":["# Quick start"]},
          {"cell_type":"code","execution_count":null,"id":"load-lib",
           "metadata":{"dotnet_interactive":{"language":"csharp"},"polyglot_notebook":{"kernelName":"csharp"}},
           "outputs":[],"source":["#r \"nuget: MyOrg.Analytics, 0.3.0\"\n","using MyOrg.Analytics;"]}],
         "metadata":{
          "kernelspec":{"display_name":".NET (C#)","language":"C#","name":".net-csharp"},
          "language_info":{"name":"polyglot-notebook"},
          "polyglot_notebook":{"kernelInfo":{"defaultKernelName":"csharp",
             "items":[{"aliases":[],"languageName":"csharp","name":"csharp"}]}}},
         "nbformat":4,"nbformat_minor":5}
        """;

    [Fact]
    public void Parse_PolyglotNotebook_ReadsCellsKernelsAndSource()
    {
        var notebook = Notebook.Parse(PolyglotExample);

        Assert.Equal("csharp", notebook.DefaultKernel);
        Assert.Equal(["intro", "load-lib"], notebook.Cells.Select(c => c.Id));
        Assert.Equal([NotebookCellKind.Markdown, NotebookCellKind.Code], notebook.Cells.Select(c => c.Kind));
        Assert.Equal("#r \"nuget: MyOrg.Analytics, 0.3.0\"\nusing MyOrg.Analytics;", notebook.Cells[1].Source);
        Assert.Equal("csharp", notebook.Cells[1].Kernel);
    }

    [Fact]
    public void ToJson_RoundTrip_KeepsMetadataSortsKeysAndSplitsLines()
    {
        var json = JsonNode.Parse(Notebook.Parse(PolyglotExample).ToJson())!;

        Assert.Equal(".net-csharp", (string?)json["metadata"]!["kernelspec"]!["name"]);
        Assert.Equal("csharp", (string?)json["metadata"]!["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]);
        Assert.Equal("csharp", (string?)json["cells"]![1]!["metadata"]!["polyglot_notebook"]!["kernelName"]);
        Assert.Equal(["cell_type", "execution_count", "id", "metadata", "outputs", "source"], json["cells"]![1]!.AsObject().Select(p => p.Key));
        Assert.Equal(2, json["cells"]![1]!["source"]!.AsArray().Count);
    }

    [Fact]
    public void ToJson_CellsWithoutIds_GetStableIdsAndMinorVersion5()
    {
        const string old = """{"cells":[{"cell_type":"code","execution_count":null,"metadata":{},"outputs":[],"source":"1"}],"metadata":{},"nbformat":4,"nbformat_minor":4}""";

        var json = JsonNode.Parse(Notebook.Parse(old).ToJson())!;

        Assert.Equal("cell-1", (string?)json["cells"]![0]!["id"]);
        Assert.Equal(5, (int)json["nbformat_minor"]!);
    }

    [Theory]
    [InlineData("""{"kernelspec":{"language":"C#","name":".net-csharp"}}""", "csharp")]
    [InlineData("""{"kernelInfo":{"defaultKernelName":"fsharp"},"kernelspec":{"language":"C#"}}""", "fsharp")]
    [InlineData("""{"dotnet_interactive":{"defaultKernelName":"pwsh"}}""", "pwsh")]
    [InlineData("""{}""", "csharp")]
    public void Parse_DefaultKernel_FollowsTheKernelsLookupOrder(string metadata, string expected)
    {
        string json = $$"""{"cells":[],"metadata":{{metadata}},"nbformat":4,"nbformat_minor":5}""";

        Assert.Equal(expected, Notebook.Parse(json).DefaultKernel);
    }

    [Fact]
    public void Parse_CellWithLeadingKernelSelector_UsesThatKernel()
    {
        const string json = """{"cells":[{"cell_type":"code","id":"a","metadata":{},"outputs":[],"source":"#!fsharp\nlet x = 1"}],"metadata":{},"nbformat":4,"nbformat_minor":5}""";

        Assert.Equal("fsharp", Notebook.Parse(json).Cells[0].Kernel);
    }

    [Theory]
    [InlineData("not json", "is not valid JSON")]
    [InlineData("""{"cells":[],"nbformat":3}""", "is not an nbformat 4 notebook")]
    [InlineData("""{"nbformat":4}""", "has no \"cells\" array")]
    [InlineData("""{"cells":[{"cell_type":"code","id":"a","source":""},{"cell_type":"code","id":"a","source":""}],"nbformat":4}""", "Cell 2 of x.ipynb repeats the cell id 'a'")]
    [InlineData("""{"cells":[{"cell_type":"heading","source":""}],"nbformat":4}""", "Cell 1 of x.ipynb has cell_type 'heading'")]
    public void Parse_InvalidNotebook_ThrowsSayingWhatIsWrong(string json, string expected)
    {
        var error = Assert.Throws<FormatException>(() => Notebook.Parse(json, "x.ipynb"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToJson_ExecutedNotebook_WritesNbformatOutputs()
    {
        var run = await TestNotebooks.RunAsync("Console.WriteLine(\"hi\");\ndisplay(2);\n3", "throw new Exception(\"boom\");");

        var cells = JsonNode.Parse(run.Notebook.ToJson())!["cells"]!.AsArray();
        var outputs = cells[0]!["outputs"]!.AsArray();
        Assert.Equal(["stream", "display_data", "execute_result"], outputs.Select(o => (string?)o!["output_type"]));
        Assert.Equal(1, (int)cells[0]!["execution_count"]!);
        Assert.Equal(1, (int)outputs[2]!["execution_count"]!);
        Assert.Equal("3", (string?)outputs[2]!["data"]!["text/plain"]![0]);
        Assert.NotNull(outputs[1]!["metadata"]);
        var error = cells[1]!["outputs"]![0]!;
        Assert.Equal("error", (string?)error["output_type"]);
        Assert.Equal("Exception", (string?)error["ename"]);
        Assert.Equal("boom", (string?)error["evalue"]);
        Assert.NotEmpty(error["traceback"]!.AsArray());
    }
}
