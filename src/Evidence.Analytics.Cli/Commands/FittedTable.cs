using Spectre.Console;
using Spectre.Console.Rendering;

namespace Evidence.Analytics.Cli;

/// <summary>A table that fits the width it is drawn in without breaking a word: at its natural width when that fits;
/// otherwise with cells wrapped at spaces, each column at least as wide as its longest word; and when even that does not
/// fit, as a list (one block per row, each cell as "Header: value", wrapped between cells).</summary>
/// <remarks>Spectre.Console's own table shrinks columns below their longest word when it runs out of room, so
/// "Education/information" would come out as "Educat / ion/in / format / ion" in 80 columns; this class chooses the
/// column widths itself and hands Spectre.Console widths it can honour. Cells and headers are markup, as in
/// <see cref="Table"/>; widths are measured without the markup.</remarks>
internal sealed class FittedTable : Renderable
{
    private readonly List<(string Header, bool RightAligned)> _columns = [];
    private readonly List<string[]> _rows = [];

    /// <summary>The title above the table (plain text, not markup), or null.</summary>
    public string? Title { get; init; }

    /// <summary>Adds a column whose header is <paramref name="header"/> (markup).</summary>
    public FittedTable AddColumn(string header, bool rightAligned = false)
    {
        _columns.Add((header, rightAligned));
        return this;
    }

    /// <summary>Adds a row of cells (markup), one per column.</summary>
    public FittedTable AddRow(params string[] cells)
    {
        if (cells.Length != _columns.Count)
            throw new ArgumentException($"A row needs {_columns.Count} cells, one per column; it has {cells.Length}.", nameof(cells));
        _rows.Add(cells);
        return this;
    }

    /// <summary>The width of everything in a rounded-border table that is not cell text: a border before every column and
    /// after the last, and one space of padding either side of every cell.</summary>
    internal static int Overhead(int columns) => 3 * columns + 1;

    /// <summary>The width of each column's text in a table <paramref name="width"/> wide: every column at its natural
    /// width when they all fit; otherwise every column at least as wide as its longest word, the room left over shared
    /// in proportion to what each column still lacks of its natural width; null when the longest words alone do not fit
    /// (then the table is drawn as a list).</summary>
    /// <param name="columns">Each column's longest word (Min) and longest cell (Max), headers included.</param>
    /// <param name="width">The width available, borders included.</param>
    internal static int[]? ColumnWidths(IReadOnlyList<(int Min, int Max)> columns, int width)
    {
        int room = width - Overhead(columns.Count);
        int natural = columns.Sum(c => c.Max), minimum = columns.Sum(c => c.Min);
        if (natural <= room) return [.. columns.Select(c => c.Max)];
        if (minimum > room) return null;
        int spare = room - minimum, lacking = natural - minimum;
        int[] widths = [.. columns.Select(c => c.Min + (int)((long)spare * (c.Max - c.Min) / lacking))];
        // Integer shares leave a few columns over; give them one at a time to the columns furthest from their natural width.
        for (int left = room - widths.Sum(); left > 0; left--)
        {
            int neediest = Enumerable.Range(0, columns.Count).MaxBy(i => columns[i].Max - widths[i]);
            widths[neediest]++;
        }
        return widths;
    }

    protected override Measurement Measure(RenderOptions options, int maxWidth)
    {
        var columns = MeasureColumns(options);
        int overhead = Overhead(columns.Count);
        return new Measurement(Math.Min(maxWidth, columns.Sum(c => c.Min) + overhead), Math.Min(maxWidth, columns.Sum(c => c.Max) + overhead));
    }

    protected override IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
    {
        IRenderable layout = ColumnWidths(MeasureColumns(options), maxWidth) is { } widths ? AsTable(widths) : AsList(maxWidth);
        return layout.Render(options, maxWidth);
    }

    private List<(int Min, int Max)> MeasureColumns(RenderOptions options) =>
        [.. _columns.Select((column, i) => _rows.Select(row => row[i]).Prepend(column.Header)
            .Select(markup => ((IRenderable)new Text(Markup.Remove(markup))).Measure(options, int.MaxValue))
            .Aggregate((Min: 0, Max: 0), (range, m) => (Math.Max(range.Min, m.Min), Math.Max(range.Max, m.Max))))];

    private Table AsTable(int[] widths)
    {
        var table = new Table { Border = TableBorder.Rounded };
        if (Title is not null) table.Title = new TableTitle(Markup.Escape(Title));
        for (int i = 0; i < _columns.Count; i++)
        {
            var column = new TableColumn(new Markup(_columns[i].Header)) { Width = widths[i] };
            table.AddColumn(_columns[i].RightAligned ? column.RightAligned() : column);
        }
        foreach (string[] row in _rows) table.AddRow(row.Select(cell => new Markup(cell)));
        return table;
    }

    /// <summary>One block per row: the first cell as "Header: value", then the others indented, as many to a line as fit.</summary>
    private Rows AsList(int width)
    {
        var lines = new List<string>();
        if (Title is not null) lines.AddRange(Wrap([Title], width, indent: ""));
        string[] headers = [.. _columns.Select(c => Markup.Remove(c.Header))];
        foreach (string[] row in _rows)
        {
            string[] cells = [.. row.Select(Markup.Remove)];
            lines.AddRange(Wrap([$"{headers[0]}: {cells[0]}"], width, indent: ""));
            lines.AddRange(Wrap([.. cells.Skip(1).Select((cell, i) => $"{headers[i + 1]}: {cell}")], width, indent: "  "));
        }
        return new Rows(lines.Select(line => new Text(line)));
    }

    /// <summary>Lines of at most <paramref name="width"/> columns: items joined by "; ", a line broken between items, and an
    /// item longer than a line broken at its spaces. Widths are counted in characters: the tables' text is from Latin
    /// scripts and punctuation that take one column each.</summary>
    internal static List<string> Wrap(IEnumerable<string> items, int width, string indent)
    {
        var lines = new List<string>();
        string line = "";
        void Add(string piece, string separator)
        {
            if (line.Length == 0) line = indent + piece;
            else if (line.Length + separator.Length + piece.Length <= width) line += separator + piece;
            else
            {
                lines.Add(line);
                line = indent + piece;
            }
        }
        foreach (string item in items)
        {
            if (indent.Length + item.Length <= width)
            {
                Add(item, "; ");
                continue;
            }
            // Too long for a line of its own: its words, the first after the separator.
            string separator = "; ";
            foreach (string word in item.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                Add(word, separator);
                separator = " ";
            }
        }
        if (line.Length > 0) lines.Add(line);
        return lines;
    }
}
