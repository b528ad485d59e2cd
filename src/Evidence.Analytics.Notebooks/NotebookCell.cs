using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Evidence.Analytics.Notebooks;

/// <summary>The kinds of notebook cell.</summary>
public enum NotebookCellKind
{
    /// <summary>Prose in Markdown.</summary>
    Markdown,
    /// <summary>Code for a kernel.</summary>
    Code,
    /// <summary>Raw text passed through unchanged.</summary>
    Raw,
}

/// <summary>One cell of a notebook.</summary>
public sealed class NotebookCell
{
    internal NotebookCell(int number, string id, NotebookCellKind kind, string source, string kernel, JsonObject json,
        ImmutableArray<NotebookOutput> outputs, int? executionCount)
    {
        Number = number;
        Id = id;
        Kind = kind;
        Source = source;
        Kernel = kernel;
        Json = json;
        Outputs = outputs;
        ExecutionCount = executionCount;
    }

    /// <summary>The cell's position in the notebook, counting every cell from 1 (as editors show it).</summary>
    public int Number { get; }

    /// <summary>The cell id (nbformat 4.5).</summary>
    public string Id { get; }

    /// <summary>Markdown, code or raw.</summary>
    public NotebookCellKind Kind { get; }

    /// <summary>The source text, lines separated by '\n'.</summary>
    public string Source { get; }

    /// <summary>For code cells, the kernel that runs it ("csharp", "fsharp", "pwsh", …).</summary>
    public string Kernel { get; }

    /// <summary>The outputs, in the order produced.</summary>
    public ImmutableArray<NotebookOutput> Outputs { get; }

    /// <summary>The execution count, or null if the cell has not run.</summary>
    public int? ExecutionCount { get; }

    /// <summary>The cell's JSON as read, kept so metadata the runner does not understand survives unchanged.</summary>
    internal JsonObject Json { get; }

    internal NotebookCell WithOutputs(ImmutableArray<NotebookOutput> outputs, int? executionCount) =>
        new(Number, Id, Kind, Source, Kernel, Json, outputs, executionCount);

    /// <summary>"cell 3 (load-sample, code)".</summary>
    public override string ToString() => $"cell {Number} ({Id}, {Kind.ToString().ToLowerInvariant()})";
}
