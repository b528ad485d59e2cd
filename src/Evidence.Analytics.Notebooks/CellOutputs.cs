using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Evidence.Analytics.Notebooks;

/// <summary>Collects the outputs of the cell being run, in the order they happen: consecutive writes to the same
/// stream join one <c>stream</c> output, as Jupyter shows them.</summary>
internal sealed class CellOutputs
{
    private readonly List<NotebookOutput> _outputs = [];
    private readonly object _gate = new();

    public CellOutputs()
    {
        Stdout = new StreamOutput(this, "stdout");
        Stderr = new StreamOutput(this, "stderr");
    }

    /// <summary>The writer that becomes <see cref="Console.Out"/> while a cell runs.</summary>
    public TextWriter Stdout { get; }

    /// <summary>The writer that becomes <see cref="Console.Error"/> while a cell runs.</summary>
    public TextWriter Stderr { get; }

    public void Add(NotebookOutput output)
    {
        lock (_gate) _outputs.Add(output);
    }

    /// <summary>Takes the outputs collected so far and starts afresh for the next cell.</summary>
    public ImmutableArray<NotebookOutput> Take()
    {
        lock (_gate)
        {
            var taken = _outputs.ToImmutableArray();
            _outputs.Clear();
            return taken;
        }
    }

    private void Append(string stream, string text)
    {
        if (text.Length == 0) return;
        lock (_gate)
        {
            if (_outputs.Count > 0 && _outputs[^1] is { Kind: NotebookOutputKind.Stream } last && last.StreamName == stream)
                _outputs[^1] = NotebookOutput.Stream(stream, last.Text + text);
            else
                _outputs.Add(NotebookOutput.Stream(stream, text));
        }
    }

    private sealed class StreamOutput(CellOutputs outputs, string name) : TextWriter(CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => Encoding.UTF8;

        [System.Diagnostics.CodeAnalysis.AllowNull]
        public override string NewLine { get => "\n"; set { } }

        public override void Write(char value) => outputs.Append(name, value.ToString());

        public override void Write(string? value) => outputs.Append(name, value ?? "");

        public override void Write(char[] buffer, int index, int count) => outputs.Append(name, new string(buffer, index, count));
    }
}
