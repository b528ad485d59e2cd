using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Evidence.Analytics.Notebooks;

/// <summary>A Jupyter notebook (.ipynb, nbformat 4) as Polyglot Notebooks and Jupyter save it: cells with their
/// kernels and outputs.</summary>
/// <remarks>
/// <para>Metadata the runner does not interpret (kernelspec, polyglot_notebook, cell tags) is kept as read and written
/// back unchanged. Written JSON is deterministic: keys sorted and one-space indentation as nbformat writes them, text
/// split into lines, cells without an id given <c>cell-N</c>.</para>
/// <para>A code cell's kernel is its <c>polyglot_notebook.kernelName</c>, else <c>dotnet_interactive.language</c>,
/// else a leading <c>#!kernel</c> line, else the notebook's default kernel (found the way .NET Interactive finds it).</para>
/// </remarks>
public sealed class Notebook
{
    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly JsonObject _root;

    private Notebook(JsonObject root, string defaultKernel, ImmutableArray<NotebookCell> cells, string? path)
    {
        _root = root;
        DefaultKernel = defaultKernel;
        Cells = cells;
        Path = path;
    }

    /// <summary>The file the notebook was read from, or null.</summary>
    public string? Path { get; }

    /// <summary>The kernel of cells that name none ("csharp" unless the notebook says otherwise).</summary>
    public string DefaultKernel { get; }

    /// <summary>The cells, in order.</summary>
    public ImmutableArray<NotebookCell> Cells { get; }

    /// <summary>The code cells.</summary>
    public IEnumerable<NotebookCell> CodeCells => Cells.Where(c => c.Kind == NotebookCellKind.Code);

    /// <summary>Reads a notebook file.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="FormatException">The file is not an nbformat 4 notebook; the message says what is wrong.</exception>
    public static Notebook Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Parse(File.ReadAllText(path), System.IO.Path.GetFullPath(path));
    }

    /// <summary>Parses notebook JSON.</summary>
    /// <param name="json">The .ipynb text.</param>
    /// <param name="path">The file it came from, used in messages and to resolve relative <c>#r</c> paths.</param>
    /// <exception cref="FormatException">The text is not an nbformat 4 notebook.</exception>
    public static Notebook Parse(string json, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        string where = path ?? "the notebook";
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject ?? throw new FormatException($"{where} is not a JSON object.");
        }
        catch (JsonException e)
        {
            throw new FormatException($"{where} is not valid JSON: {e.Message}", e);
        }
        if (root["nbformat"]?.GetValueKind() != JsonValueKind.Number || root["nbformat"]!.GetValue<int>() != 4)
            throw new FormatException($"{where} is not an nbformat 4 notebook (\"nbformat\" must be 4).");
        if (root["cells"] is not JsonArray cellsJson)
            throw new FormatException($"{where} has no \"cells\" array.");

        string defaultKernel = FindDefaultKernel(root["metadata"] as JsonObject);
        var cells = ImmutableArray.CreateBuilder<NotebookCell>(cellsJson.Count);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < cellsJson.Count; i++)
        {
            int number = i + 1;
            if (cellsJson[i] is not JsonObject cell)
                throw new FormatException($"Cell {number} of {where} is not a JSON object.");
            var kind = (string?)cell["cell_type"] switch
            {
                "code" => NotebookCellKind.Code,
                "markdown" => NotebookCellKind.Markdown,
                "raw" => NotebookCellKind.Raw,
                var other => throw new FormatException($"Cell {number} of {where} has cell_type '{other}'; expected code, markdown or raw."),
            };
            string source = ReadText(cell["source"]);
            string id = cell["id"] is JsonValue idValue && idValue.TryGetValue(out string? given) && !string.IsNullOrWhiteSpace(given)
                ? given
                : string.Create(CultureInfo.InvariantCulture, $"cell-{number}");
            if (!ids.Add(id))
                throw new FormatException($"Cell {number} of {where} repeats the cell id '{id}'.");
            string kernel = kind == NotebookCellKind.Code ? CellKernel(cell, source, defaultKernel) : "";
            int? count = cell["execution_count"] is JsonValue c && c.TryGetValue(out int n) ? n : null;
            cells.Add(new NotebookCell(number, id, kind, source, kernel, cell, ReadOutputs(cell["outputs"] as JsonArray), count));
        }
        return new Notebook(root, defaultKernel, cells.MoveToImmutable(), path);
    }

    /// <summary>The notebook as nbformat 4.5 JSON, ending with a newline.</summary>
    public string ToJson()
    {
        var root = (JsonObject)_root.DeepClone();
        var cells = new JsonArray();
        foreach (var cell in Cells)
            cells.Add(WriteCell(cell));
        root["cells"] = cells;
        if (root["nbformat_minor"] is not JsonValue minor || !minor.TryGetValue(out int m) || m < 5)
            root["nbformat_minor"] = 5;
        return Sorted(root)!.ToJsonString(WriteOptions) + "\n";
    }

    /// <summary>Writes the notebook to a file as <see cref="ToJson"/> does.</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        File.WriteAllText(path, ToJson(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    /// <summary>"01-getting-started.ipynb: 14 cells (7 code)".</summary>
    public override string ToString() =>
        $"{(Path is null ? "notebook" : System.IO.Path.GetFileName(Path))}: {Cells.Length} cells ({CodeCells.Count()} code)";

    internal Notebook WithCells(IEnumerable<NotebookCell> cells) => new(_root, DefaultKernel, [.. cells], Path);

    /// <summary>Normalises kernel names: "C#" and "c#" are "csharp".</summary>
    internal static string NormaliseKernel(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" => "",
        "c#" or "cs" or ".net-csharp" => "csharp",
        "f#" or "fs" or ".net-fsharp" => "fsharp",
        "md" => "markdown",
        "powershell" => "pwsh",
        var other => other,
    };

    private static string FindDefaultKernel(JsonObject? metadata)
    {
        string? name =
            (string?)metadata?["kernelInfo"]?["defaultKernelName"]
            ?? (string?)metadata?["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"]
            ?? (string?)metadata?["dotnet_interactive"]?["defaultKernelName"]
            ?? (string?)metadata?["kernelspec"]?["language"];
        string kernel = NormaliseKernel(name);
        return kernel.Length == 0 ? "csharp" : kernel;
    }

    private static string CellKernel(JsonObject cell, string source, string defaultKernel)
    {
        string kernel = NormaliseKernel(
            (string?)cell["metadata"]?["polyglot_notebook"]?["kernelName"] ?? (string?)cell["metadata"]?["dotnet_interactive"]?["language"]);
        if (kernel.Length > 0)
            return kernel;
        string firstLine = source.TrimStart().Split('\n', 2)[0].Trim();
        if (firstLine.StartsWith("#!", StringComparison.Ordinal) && NotebookCellCode.IsKernelSelector(firstLine))
            return NormaliseKernel(firstLine[2..]);
        return defaultKernel;
    }

    private static string ReadText(JsonNode? node) => node switch
    {
        null => "",
        JsonArray lines => string.Concat(lines.Select(l => (string?)l ?? "")),
        JsonValue value when value.TryGetValue(out string? text) => text,
        _ => throw new FormatException("Cell text must be a string or an array of strings."),
    };

    private static ImmutableArray<NotebookOutput> ReadOutputs(JsonArray? outputs)
    {
        if (outputs is null)
            return [];
        var result = ImmutableArray.CreateBuilder<NotebookOutput>();
        foreach (var output in outputs.OfType<JsonObject>())
        {
            switch ((string?)output["output_type"])
            {
                case "stream":
                    result.Add(NotebookOutput.Stream((string?)output["name"] ?? "stdout", ReadText(output["text"])));
                    break;
                case "error":
                    result.Add(NotebookOutput.Error((string?)output["ename"] ?? "", (string?)output["evalue"] ?? "",
                        (output["traceback"] as JsonArray)?.Select(l => (string?)l ?? "") ?? []));
                    break;
                case "execute_result":
                    result.Add(NotebookOutput.Result(ReadData(output["data"] as JsonObject)));
                    break;
                case "display_data":
                    result.Add(NotebookOutput.Display(ReadData(output["data"] as JsonObject)));
                    break;
            }
        }
        return result.ToImmutable();
    }

    private static IEnumerable<KeyValuePair<string, string>> ReadData(JsonObject? data) =>
        data is null ? [] : data.Select(p => KeyValuePair.Create(p.Key, p.Value is JsonObject json ? json.ToJsonString() : ReadText(p.Value)));

    private static JsonObject WriteCell(NotebookCell cell)
    {
        var json = (JsonObject)cell.Json.DeepClone();
        json["id"] = cell.Id;
        json["source"] = Lines(cell.Source);
        json["metadata"] ??= new JsonObject();
        if (cell.Kind != NotebookCellKind.Code)
        {
            json.Remove("outputs");
            json.Remove("execution_count");
            return json;
        }
        json["execution_count"] = cell.ExecutionCount;
        var outputs = new JsonArray();
        foreach (var output in cell.Outputs)
            outputs.Add(WriteOutput(output, cell.ExecutionCount));
        json["outputs"] = outputs;
        return json;
    }

    private static JsonObject WriteOutput(NotebookOutput output, int? executionCount)
    {
        switch (output.Kind)
        {
            case NotebookOutputKind.Stream:
                return new JsonObject { ["output_type"] = "stream", ["name"] = output.StreamName, ["text"] = Lines(output.Text ?? "") };
            case NotebookOutputKind.Error:
                return new JsonObject
                {
                    ["output_type"] = "error",
                    ["ename"] = output.ErrorName,
                    ["evalue"] = output.ErrorValue,
                    ["traceback"] = new JsonArray([.. output.Traceback.Select(l => (JsonNode?)JsonValue.Create(l))]),
                };
            default:
                var data = new JsonObject();
                foreach (var (mime, text) in output.Data)
                    data[mime] = mime.EndsWith("json", StringComparison.Ordinal) ? JsonNode.Parse(text) : Lines(text);
                var json = new JsonObject
                {
                    ["output_type"] = output.Kind == NotebookOutputKind.ExecuteResult ? "execute_result" : "display_data",
                    ["data"] = data,
                    ["metadata"] = new JsonObject(),
                };
                if (output.Kind == NotebookOutputKind.ExecuteResult)
                    json["execution_count"] = executionCount;
                return json;
        }
    }

    /// <summary>Splits text into nbformat's list of lines, each keeping its '\n'.</summary>
    private static JsonArray Lines(string text)
    {
        var lines = new JsonArray();
        int start = 0;
        while (start < text.Length)
        {
            int end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            lines.Add(text[start..end]);
            start = end;
        }
        return lines;
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Sorted)]),
        null => null,
        _ => node.DeepClone(),
    };
}
