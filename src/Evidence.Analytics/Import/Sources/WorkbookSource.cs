namespace Evidence.Analytics.Import;

/// <summary>What is special about a cell beyond its text.</summary>
[Flags]
internal enum CellFlags : byte
{
    None = 0,
    /// <summary>The cell holds a formula; the text is its cached value.</summary>
    Formula = 1,
    /// <summary>The cell shows an Excel error value (#N/A, #REF!); the text is the error.</summary>
    Error = 2,
    /// <summary>The cell is a date; the text is its ISO 8601 form.</summary>
    Date = 4,
}

/// <summary>One cell as read from a file: its text (numbers in invariant form, dates as ISO 8601) and flags.</summary>
internal readonly record struct RawCell(string? Text, CellFlags Flags = CellFlags.None)
{
    public bool IsBlank => string.IsNullOrWhiteSpace(Text) && (Flags & CellFlags.Error) == 0;
}

/// <summary>One row as read from a file, with the row number Excel shows; <see cref="Cells"/> is indexed by column (A = 0).</summary>
internal sealed record RawRow(int Number, RawCell[] Cells)
{
    /// <summary>For a CSV record, its quoted values that span lines or whose quotes are unbalanced; otherwise null.</summary>
    public IReadOnlyList<QuotedValue>? Quoting { get; init; }

    public bool IsBlank
    {
        get
        {
            foreach (var cell in Cells)
            {
                if (!cell.IsBlank) return false;
            }
            return true;
        }
    }
}

/// <summary>A rectangular range of merged cells, 1-based rows and 0-based columns, as Excel shows it ("A2:A4").</summary>
internal readonly record struct MergedRange(int FirstRow, int FirstColumn, int LastRow, int LastColumn)
{
    public override string ToString() =>
        $"{CellReference.Of(FirstRow, FirstColumn)}:{CellReference.Of(LastRow, LastColumn)}";
}

/// <summary>One sheet opened for reading: its rows, read lazily, and its merged ranges.</summary>
internal abstract class SheetSource
{
    protected SheetSource(string file, string name)
    {
        File = file;
        Name = name;
    }

    /// <summary>The file the sheet is in (the workbook, or the sheet's CSV file).</summary>
    public string File { get; }

    /// <summary>The sheet's name as written in the file.</summary>
    public string Name { get; }

    /// <summary>The rows in order, blank rows included or not. Enumerate once.</summary>
    public abstract IEnumerable<RawRow> ReadRows();

    /// <summary>The merged ranges; complete once <see cref="ReadRows"/> has been enumerated to the end.</summary>
    public virtual IReadOnlyList<MergedRange> MergedRanges => [];
}

/// <summary>A workbook, or a folder of CSV files, seen as named sheets.</summary>
internal abstract class WorkbookSource : IDisposable
{
    protected WorkbookSource(string file) => File = file;

    /// <summary>The workbook file or CSV folder, as named in problems.</summary>
    public string File { get; }

    /// <summary>The names of the sheets present.</summary>
    public abstract IReadOnlyList<string> SheetNames { get; }

    /// <summary>Problems found while opening (a CSV file's encoding), reported once.</summary>
    public virtual IEnumerable<ImportProblem> OpeningProblems => [];

    /// <summary>Opens a sheet by its name as listed in <see cref="SheetNames"/>.</summary>
    public abstract SheetSource OpenSheet(string name);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing) { }
}

/// <summary>A problem that stops the import of a whole file (unreadable, too large).</summary>
internal sealed class WorkbookUnreadableException(ProblemKind kind, string message, Exception? inner = null) : Exception(message, inner)
{
    public ProblemKind Kind { get; } = kind;
}

/// <summary>A1-style cell references.</summary>
internal static class CellReference
{
    /// <summary>The column letters of a 0-based column index: 0 → A, 25 → Z, 26 → AA.</summary>
    public static string Column(int index)
    {
        Span<char> buffer = stackalloc char[4];
        int position = buffer.Length;
        for (int n = index + 1; n > 0; n = (n - 1) / 26)
            buffer[--position] = (char)('A' + (n - 1) % 26);
        return new string(buffer[position..]);
    }

    /// <summary>The reference of a cell: row 7, column 2 → "C7".</summary>
    public static string Of(int row, int column) => Column(column) + row.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Parses "C7" into row 7 and column 2; false if the text is not a cell reference.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out int row, out int column)
    {
        row = 0;
        column = 0;
        int i = 0;
        while (i < text.Length && char.IsAsciiLetter(text[i]))
        {
            column = column * 26 + (char.ToUpperInvariant(text[i]) - 'A' + 1);
            i++;
        }
        if (i == 0 || i == text.Length || column > 16384) return false;
        for (; i < text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i]) || row > 10_000_000) return false;
            row = row * 10 + (text[i] - '0');
        }
        column--;
        return row > 0;
    }

    /// <summary>Parses "A2:C4" (or a single cell "A2") into a range.</summary>
    public static bool TryParseRange(string text, out MergedRange range)
    {
        range = default;
        int colon = text.IndexOf(':', StringComparison.Ordinal);
        ReadOnlySpan<char> first = colon < 0 ? text : text.AsSpan(0, colon);
        ReadOnlySpan<char> last = colon < 0 ? text : text.AsSpan(colon + 1);
        if (!TryParse(first, out int r1, out int c1) || !TryParse(last, out int r2, out int c2)) return false;
        range = new MergedRange(Math.Min(r1, r2), Math.Min(c1, c2), Math.Max(r1, r2), Math.Max(c1, c2));
        return true;
    }
}
