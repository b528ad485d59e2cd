namespace Evidence.Analytics.Notebooks;

/// <summary>What notebook code can call without qualification while the runner executes it, as in the .NET
/// Interactive C# kernel: <c>display(value)</c>.</summary>
/// <remarks>Public only because Roslyn scripting requires a public globals type; notebooks never create it.</remarks>
public sealed class NotebookGlobals
{
    private readonly CellOutputs _outputs;

    internal NotebookGlobals(CellOutputs outputs)
    {
        _outputs = outputs;
    }

    /// <summary>Shows a value in the cell's output now, formatted as the kernel would (HTML and plain text for the
    /// library's types), optionally restricted to some MIME types.</summary>
    /// <param name="value">The value to show.</param>
    /// <param name="mimeTypes">The MIME types to emit, for example "text/plain"; all preferred types when none.</param>
#pragma warning disable CA1822, IDE1006 // lower-case and instance-bound to match the kernel's display(...)
    public void display(object? value, params string[] mimeTypes) =>
        _outputs.Add(NotebookOutput.Display(MimeFormatter.Format(value, mimeTypes)));
#pragma warning restore CA1822, IDE1006
}
