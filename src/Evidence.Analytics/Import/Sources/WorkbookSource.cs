using System.Globalization;
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
    /// <summary>The cell holds a NUL character, which no text a person typed holds: the file is damaged or in another encoding.</summary>
    Nul = 8,
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

    /// <summary>Cells the file gives twice in one row; complete once <see cref="ReadRows"/> has been enumerated to the end.
    /// The row read holds the first value.</summary>
    public virtual IReadOnlyList<DuplicateCell> DuplicateCells => [];
}

/// <summary>A cell given twice in one row of a sheet's XML (two <c>&lt;c r="B5"&gt;</c> elements), which Excel never writes:
/// which value was meant is unknown, so neither may be imported silently.</summary>
/// <param name="Row">The row as Excel shows it.</param>
/// <param name="Column">The 0-based column.</param>
/// <param name="First">The first value given.</param>
/// <param name="Second">The second value given.</param>
internal readonly record struct DuplicateCell(int Row, int Column, string? First, string? Second)
{
    public string Message =>
        $"The cell is given twice in the sheet's XML, as '{First}' and as '{Second}', so its value is unknown; open the workbook in Excel, check the cell and save it again.";
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

    /// <summary>Opens a file for reading; a file that cannot be opened is refused in one sentence.</summary>
    /// <exception cref="WorkbookUnreadableException">The file cannot be opened.</exception>
    public static FileStream OpenFile(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WorkbookUnreadableException(ProblemKind.UnreadableFile, $"The file cannot be opened ({WorkbookUnreadableException.Reason(e)}).", e);
        }
    }

    /// <summary>Reads a stream whole, refusing more than <see cref="ImportOptions.MaxUncompressedBytes"/>.</summary>
    /// <remarks>A stream that knows its length (a file) is read into one array of that size: copying through a growing
    /// buffer touched about three times the file's size, which on a 181 MB file of 100,000 records cost more than
    /// reading it.</remarks>
    internal static byte[] ReadAllBounded(Stream stream, ImportOptions options)
    {
        WorkbookUnreadableException TooLarge() => new(ProblemKind.TooLarge, string.Create(CultureInfo.InvariantCulture,
            $"The file is refused: it is larger than {options.MaxUncompressedBytes:N0} bytes; split it."));
        if (stream.CanSeek)
        {
            long length = stream.Length - stream.Position;
            if (length > options.MaxUncompressedBytes || length > Array.MaxLength) throw TooLarge();
            var bytes = GC.AllocateUninitializedArray<byte>((int)length);
            stream.ReadExactly(bytes);
            if (stream.ReadByte() < 0) return bytes;
            stream.Position -= length + 1; // the stream grew while it was read: read it as a stream of unknown length
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[1 << 16];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            if (buffer.Length + read > options.MaxUncompressedBytes) throw TooLarge();
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>Opens a workbook from a caller's stream, which is read to the end (into memory, since a workbook is read
    /// by seeking) but not closed.</summary>
    public static WorkbookSource OpenWorkbookCopy(Stream stream, string file, ImportOptions options)
    {
        var buffered = new MemoryStream();
        stream.CopyTo(buffered);
        buffered.Position = 0;
        return OpenWorkbook(buffered, file, options);
    }

    /// <summary>Opens a workbook by its content, whatever its name says: an .xlsx (zip) or .xls (compound file) workbook.</summary>
    /// <param name="stream">A seekable stream, owned (disposed) from here on.</param>
    /// <param name="file">The file, as named in problems.</param>
    /// <param name="options">The limits.</param>
    /// <exception cref="WorkbookUnreadableException">The content is not a workbook, or the workbook cannot be read; the
    /// message is one sentence saying what the file is or what is wrong, and where.</exception>
    public static WorkbookSource OpenWorkbook(Stream stream, string file, ImportOptions options)
    {
        Span<byte> start = stackalloc byte[512];
        int read;
        try
        {
            read = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
            stream.Position = 0;
        }
        catch (IOException e)
        {
            stream.Dispose();
            throw new WorkbookUnreadableException(ProblemKind.UnreadableFile, $"The file cannot be read ({WorkbookUnreadableException.Reason(e)}).", e);
        }
        start = start[..read];
        if (start.StartsWith("PK"u8) && read >= 4 && start[2] < 9 && start[3] < 9)
            return new XlsxWorkbookSource(stream, file, options);
        if (start.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
            return new XlsWorkbookSource(stream, file, options);
        stream.Dispose();
        throw new WorkbookUnreadableException(ProblemKind.UnreadableFile, WhatItIs(start));
    }

    /// <summary>One sentence saying what a file that is not a workbook is, from its first bytes.</summary>
    private static string WhatItIs(ReadOnlySpan<byte> start)
    {
        const string NotAWorkbook = "not an Excel workbook (.xlsx or .xls)";
        if (start.IsEmpty) return "The file is empty (0 bytes), not an Excel workbook.";
        if (start.StartsWith("%PDF"u8)) return $"The file is a PDF document, {NotAWorkbook}.";
        bool utf16 = start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || start.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);
        var text = start.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? start[3..] : start;
        if (!utf16 && IsBinary(text)) return $"The file is {NotAWorkbook}: it is neither a zip package nor an Excel 97–2003 file.";
        if (!utf16 && text.TrimStart(" \t\r\n"u8).StartsWith("<"u8))
            return $"The file is an HTML or XML document, {NotAWorkbook}; open it in Excel and save it as .xlsx.";
        return $"The file is text (perhaps a CSV file), {NotAWorkbook}; name a CSV file .csv.";
    }

    /// <summary>Whether bytes hold control characters that text files do not (anything below space but tab, line feed, form feed and carriage return).</summary>
    private static bool IsBinary(ReadOnlySpan<byte> bytes)
    {
        foreach (byte b in bytes)
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\f' or (byte)'\r')) return true;
        }
        return false;
    }

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

    /// <summary>The first sentence of a library's exception message, to quote inside one of ours: "A local file header is
    /// corrupt." → "a local file header is corrupt".</summary>
    public static string Reason(Exception e)
    {
        string message = e.Message.Trim();
        int end = message.IndexOf(". ", StringComparison.Ordinal);
        if (end >= 0) message = message[..end];
        message = message.TrimEnd('.');
        return message.Length > 1 && char.IsUpper(message[0]) && !char.IsUpper(message[1])
            ? char.ToLowerInvariant(message[0]) + message[1..]
            : message;
    }
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
