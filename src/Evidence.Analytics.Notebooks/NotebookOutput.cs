using System.Collections.Immutable;

namespace Evidence.Analytics.Notebooks;

/// <summary>The kinds of cell output nbformat 4 defines.</summary>
public enum NotebookOutputKind
{
    /// <summary>The value of the cell's trailing expression (<c>execute_result</c>).</summary>
    ExecuteResult,
    /// <summary>A value shown with <c>display(...)</c> (<c>display_data</c>).</summary>
    DisplayData,
    /// <summary>Text written to standard output or standard error (<c>stream</c>).</summary>
    Stream,
    /// <summary>A compilation or runtime error (<c>error</c>).</summary>
    Error,
}

/// <summary>One output of a code cell, as nbformat 4 stores it.</summary>
public sealed class NotebookOutput
{
    private NotebookOutput(NotebookOutputKind kind)
    {
        Kind = kind;
    }

    /// <summary>The kind of output.</summary>
    public NotebookOutputKind Kind { get; }

    /// <summary>For results and displayed values: the representations by MIME type, in order of preference
    /// (<c>text/html</c> before <c>text/plain</c>).</summary>
    public ImmutableArray<KeyValuePair<string, string>> Data { get; private init; } = [];

    /// <summary>For streams: <c>stdout</c> or <c>stderr</c>.</summary>
    public string? StreamName { get; private init; }

    /// <summary>For streams: the text written.</summary>
    public string? Text { get; private init; }

    /// <summary>For errors: the error's name (the exception type, or <c>CompilationError</c>).</summary>
    public string? ErrorName { get; private init; }

    /// <summary>For errors: the message.</summary>
    public string? ErrorValue { get; private init; }

    /// <summary>For errors: the lines of detail (each compiler diagnostic, or the exception chain).</summary>
    public ImmutableArray<string> Traceback { get; private init; } = [];

    /// <summary>The representation for a MIME type, or null.</summary>
    public string? this[string mimeType] => Data.FirstOrDefault(p => p.Key == mimeType).Value;

    /// <summary>An <c>execute_result</c>.</summary>
    public static NotebookOutput Result(IEnumerable<KeyValuePair<string, string>> data) =>
        new(NotebookOutputKind.ExecuteResult) { Data = [.. data] };

    /// <summary>A <c>display_data</c>.</summary>
    public static NotebookOutput Display(IEnumerable<KeyValuePair<string, string>> data) =>
        new(NotebookOutputKind.DisplayData) { Data = [.. data] };

    /// <summary>A <c>stream</c>.</summary>
    public static NotebookOutput Stream(string name, string text) =>
        new(NotebookOutputKind.Stream) { StreamName = name, Text = text };

    /// <summary>An <c>error</c>.</summary>
    public static NotebookOutput Error(string name, string value, IEnumerable<string> traceback) =>
        new(NotebookOutputKind.Error) { ErrorName = name, ErrorValue = value, Traceback = [.. traceback] };

    /// <summary>A one-line description: "execute_result text/html, text/plain", "stream stdout: …", "error CompilationError: …".</summary>
    public override string ToString() => Kind switch
    {
        NotebookOutputKind.Stream => $"stream {StreamName}: {Text}",
        NotebookOutputKind.Error => $"error {ErrorName}: {ErrorValue}",
        NotebookOutputKind.ExecuteResult => "execute_result " + string.Join(", ", Data.Select(p => p.Key)),
        _ => "display_data " + string.Join(", ", Data.Select(p => p.Key)),
    };
}
