using System.Buffers;
using System.Text;

namespace Evidence.Analytics.Import;

/// <summary>What is notable about a quoted CSV value.</summary>
internal enum QuoteFault : byte
{
    /// <summary>The value spans lines and nothing suggests its quotes are wrong: legal CSV (a note with a line break), a warning.</summary>
    SpansLines,
    /// <summary>The opening quote is never closed: the value runs to the end of the file.</summary>
    NeverClosed,
    /// <summary>The closing quote is followed by more text before the next delimiter (<c>"Smith" et al</c>): a stray quote.</summary>
    ClosedMidValue,
    /// <summary>The value spans lines that look like rows of the file: a stray quote opened it and another closed it.</summary>
    SwallowsRows,
}

/// <summary>A quoted value that spans lines or whose quotes are unbalanced.</summary>
/// <param name="Column">The value's column (A = 0).</param>
/// <param name="Fault">What is notable about it.</param>
/// <param name="FirstLine">The line of the file the opening quote is on (line 1 is the first line).</param>
/// <param name="LastLine">The line the value ends on: its closing quote's, or, if never closed, the last line with text.</param>
/// <param name="LinesTakenIn">Lines after the first, not blank, that became part of the value; when the quotes are
/// unbalanced each of them was a row of the file.</param>
/// <param name="RowLikeLine">The first line taken in that looks like a row (0 if none was recognised).</param>
/// <param name="TextAfterQuote">For <see cref="QuoteFault.ClosedMidValue"/>, the text between the closing quote and the next delimiter.</param>
internal sealed record QuotedValue(int Column, QuoteFault Fault, int FirstLine, int LastLine, int LinesTakenIn, int RowLikeLine, string? TextAfterQuote)
{
    /// <summary>Whether the quotes are unbalanced (an error), rather than a legal value spanning lines.</summary>
    public bool IsUnbalanced => Fault != QuoteFault.SpansLines;

    /// <summary>The value's first line as read into the record's cell, cut to 60 characters, for the problem's value.</summary>
    public string? FirstLineOf(RawRow row) => Column < row.Cells.Length ? Abbreviate(row.Cells[Column].Text) : null;

    /// <summary>A value's text up to its first line break: what the line the quote opens on holds.</summary>
    public static string? OpeningLine(string? text)
    {
        int end = text is null ? -1 : text.AsSpan().IndexOfAny('\r', '\n');
        return end < 0 ? text : text![..end];
    }

    /// <summary>What is wrong (or notable) and what to do, for the problem reported at the value's cell.</summary>
    public string Describe()
    {
        string taken = LinesTakenIn == 0 ? ""
            : FormattableString.Invariant($"{Lines(FirstLine + 1, LastLine)} ({LinesTakenIn:N0} row{(LinesTakenIn == 1 ? "" : "s")} of the file)");
        string stray = FormattableString.Invariant($"a stray quote on line {FirstLine} or {LastLine} is the likely cause: remove it (a quote inside a quoted value is written twice: \"\").");
        return Fault switch
        {
            QuoteFault.SpansLines => FormattableString.Invariant(
                $"The quoted value spans {Lines(FirstLine, LastLine)} of the file, so it holds line breaks, and is imported as one cell with them. That is legal CSV (a note with a line break), but a stray quote looks the same: check the value is meant to span those lines."),
            QuoteFault.NeverClosed when LinesTakenIn > 0 => FormattableString.Invariant(
                $"The quote that opens this value on line {FirstLine} is never closed, so the rest of the file, {taken}, became part of this one cell and was not imported; close the quote, or remove it if it is stray."),
            QuoteFault.NeverClosed => FormattableString.Invariant(
                $"The quote that opens this value on line {FirstLine} is never closed; close it, or remove it if it is stray."),
            QuoteFault.ClosedMidValue when LinesTakenIn > 0 => FormattableString.Invariant(
                $"The quote that opens this value on line {FirstLine} closes on line {LastLine} in mid-value (before '{Abbreviate(TextAfterQuote)}'), so {taken} became part of this one cell and were not imported; {stray}"),
            QuoteFault.ClosedMidValue => FormattableString.Invariant(
                $"The value on line {FirstLine} starts with a quote that closes in mid-value (before '{Abbreviate(TextAfterQuote)}'), so its quotes would be lost; remove them, or quote the whole value and write each quote inside it twice (\"\")."),
            _ => FormattableString.Invariant(
                $"The quoted value that opens on line {FirstLine} runs to line {LastLine} and takes in lines that look like rows of the file{(RowLikeLine > 0 ? $" (line {RowLikeLine} has the header's delimiters)" : "")}, so {taken} became part of this one cell and were not imported; {stray}"),
        };
    }

    /// <summary>"line 11" or "lines 11–30".</summary>
    private static string Lines(int first, int last) =>
        first == last ? FormattableString.Invariant($"line {first}") : FormattableString.Invariant($"lines {first}–{last}");

    /// <summary>A value's first line, cut to 60 characters, for a problem about a value spanning lines.</summary>
    private static string? Abbreviate(string? text)
    {
        if (text is null) return null;
        int end = text.AsSpan().IndexOfAny('\r', '\n');
        string line = end < 0 ? text : text[..end];
        return line.Length > 60 ? line[..60] + "…" : end < 0 ? line : line + " …";
    }
}

/// <summary>Reads the records of a CSV text (RFC 4180) one at a time, counting the file's lines and noting quoted values
/// that span lines or whose quotes are unbalanced.</summary>
/// <remarks>
/// <para>Speed: unquoted fields are found with a vectorised search and cut out as one substring; a quoted field is
/// copied through a builder only when it holds doubled quotes. Nothing is allocated per character.</para>
/// <para>A quoted value spanning lines is legal, and also exactly what a stray quote produces, so the reader looks at
/// the lines inside the value. They look like rows of the file when a whole line inside it has at least as many
/// delimiters as the header line; when the opening line (the fields before the quote plus the rest of the line) or the
/// closing line (the text before the quote plus the fields after it) has exactly as many; or when the record ends up
/// with more fields than the header. Delimiters followed by a space are not counted unless the header's are (prose puts
/// a space after a comma, programs writing CSV do not). Sheets with fewer than three columns rely on the other signs
/// (a quote never closed or closed mid-value, a record with more fields than the header), since a line of prose there
/// has as many commas as a row.</para>
/// </remarks>
internal sealed class CsvRecordReader
{
    /// <summary>The problem message for a cell holding a NUL character (<see cref="CellFlags.Nul"/>).</summary>
    public const string NulMessage = "The cell holds a NUL character (a zero byte), which no spreadsheet or text editor writes: the file is damaged, or is not text in the encoding it was read as. Retype the value, or save the file again as \"CSV UTF-8\".";

    private readonly string _text;
    private readonly char _delimiter;
    private readonly SearchValues<char> _fieldEnds;
    private readonly int _headerDelimiters;
    private readonly bool _countSpacedDelimiters;
    private readonly List<(int Column, int Open, int Close, int FirstLine, LineCounts Lines)> _multiLine = [];
    private StringBuilder? _builder;
    private int _position;
    private int _line = 1;
    private readonly bool _hasNul;

    public CsvRecordReader(string text)
    {
        _text = text;
        int end = text.AsSpan().IndexOfAny('\r', '\n');
        ReadOnlySpan<char> header = end < 0 ? text : text.AsSpan(0, end);
        _delimiter = DetectDelimiter(header);
        _fieldEnds = SearchValues.Create([_delimiter, '\r', '\n']);
        _headerDelimiters = header.Count(_delimiter);
        _countSpacedDelimiters = header.IndexOf([_delimiter, ' ']) >= 0;
        _hasNul = text.Contains('\0');
    }

    /// <summary>Whether every record has been read.</summary>
    public bool AtEnd => _position >= _text.Length;

    /// <summary>Comma, unless the header line has none but has tabs or semicolons (Excel in comma-decimal locales saves with ';').</summary>
    private static char DetectDelimiter(ReadOnlySpan<char> header)
    {
        if (header.Contains(',')) return ',';
        if (header.Contains('\t')) return '\t';
        return header.Contains(';') ? ';' : ',';
    }

    /// <summary>Reads the next record into <paramref name="cells"/> and its notable quoted values into <paramref name="quoted"/>.</summary>
    public void ReadRecord(List<RawCell> cells, List<QuotedValue> quoted)
    {
        cells.Clear();
        quoted.Clear();
        _multiLine.Clear();
        while (true)
        {
            string value = _position < _text.Length && _text[_position] == '"' ? ReadQuoted(cells.Count, quoted) : ReadPlain();
            cells.Add(new RawCell(value.Length == 0 ? null : value, _hasNul && value.Contains('\0') ? CellFlags.Nul : CellFlags.None));
            if (_position >= _text.Length) break;
            char c = _text[_position++];
            if (c == _delimiter) continue;
            if (c == '\r' && _position < _text.Length && _text[_position] == '\n') _position++;
            _line++;
            break;
        }
        if (_multiLine.Count == 0) return;
        int used = cells.Count;
        while (used > 0 && cells[used - 1].Text is null) used--;
        foreach (var (column, open, close, firstLine, lines) in _multiLine)
            quoted.Add(Classify(column, _text.AsSpan(open + 1, close - open - 1), firstLine, lines, cells.Count, used));
    }

    private string ReadPlain()
    {
        int end = _text.AsSpan(_position).IndexOfAny(_fieldEnds);
        if (end < 0) end = _text.Length - _position;
        string value = end == 0 ? "" : _text.Substring(_position, end);
        _position += end;
        return value;
    }

    /// <summary>Reads a field that starts with a quote; leaves the position on the delimiter or line break after it.</summary>
    private string ReadQuoted(int column, List<QuotedValue> quoted)
    {
        int open = _position, firstLine = _line;
        int start = ++_position;
        _builder?.Clear();
        bool built = false;
        int close;
        while (true)
        {
            int quote = _text.IndexOf('"', _position);
            if (quote < 0)
            {
                close = _text.Length;
                _position = close;
                break;
            }
            if (quote + 1 < _text.Length && _text[quote + 1] == '"')
            {
                (_builder ??= new StringBuilder()).Append(_text, start, quote + 1 - start);
                built = true;
                _position = start = quote + 2;
                continue;
            }
            close = quote;
            _position = quote + 1;
            break;
        }
        string value = built ? _builder!.Append(_text, start, close - start).ToString() : _text.Substring(start, close - start);
        var lines = Lines(_text.AsSpan(open + 1, close - open - 1), firstLine);
        _line += lines.Breaks;
        if (close == _text.Length)
        {
            quoted.Add(new QuotedValue(column, QuoteFault.NeverClosed, firstLine, lines.LastTextLine, lines.TakenIn, lines.RowLike, null));
            return value;
        }
        if (_position < _text.Length && !_fieldEnds.Contains(_text[_position]))
        {
            // Text after the closing quote: a stray quote. The value is read as Excel reads it (the text appended).
            string after = ReadPlain();
            if (!string.IsNullOrWhiteSpace(after))
            {
                quoted.Add(new QuotedValue(column, QuoteFault.ClosedMidValue, firstLine, firstLine + lines.Breaks, lines.TakenIn, lines.RowLike, after));
            }
            else if (lines.Breaks > 0)
            {
                _multiLine.Add((column, open, close, firstLine, lines));
            }
            return value + after;
        }
        if (lines.Breaks > 0) _multiLine.Add((column, open, close, firstLine, lines));
        return value;
    }

    /// <summary>A value spanning lines, once its record is complete: <paramref name="fields"/> is its field count,
    /// <paramref name="used"/> the count up to its last non-empty field (a trailing delimiter some programs write is not
    /// a sign of merged rows).</summary>
    private QuotedValue Classify(int column, ReadOnlySpan<char> content, int firstLine, LineCounts lines, int fields, int used)
    {
        bool rowLike = lines.RowLike > 0;
        if (_headerDelimiters >= 2 && !rowLike)
        {
            int firstBreak = content.IndexOfAny('\r', '\n');
            int lastBreak = content.LastIndexOfAny('\r', '\n');
            int openingTail = Delimiters(content[..firstBreak]);
            int closingHead = Delimiters(content[(lastBreak + 1)..]);
            int fieldsAfter = fields - 1 - column;
            rowLike = (openingTail >= 1 && column + openingTail == _headerDelimiters)
                || (closingHead >= 1 && closingHead + fieldsAfter == _headerDelimiters);
        }
        rowLike |= _headerDelimiters >= 1 && used > _headerDelimiters + 1;
        int rowLikeLine = lines.RowLike > 0 ? lines.RowLike : rowLike ? firstLine + 1 : 0;
        return new QuotedValue(column, rowLike ? QuoteFault.SwallowsRows : QuoteFault.SpansLines, firstLine, firstLine + lines.Breaks, lines.TakenIn, rowLikeLine, null);
    }

    /// <summary>Counts the lines of a quoted value's content.</summary>
    private LineCounts Lines(ReadOnlySpan<char> content, int firstLine)
    {
        int next = content.IndexOfAny('\r', '\n');
        if (next < 0) return new(0, 0, firstLine, 0);
        int breaks = 0, takenIn = 0, lastTextLine = firstLine, rowLike = 0;
        while (next >= 0)
        {
            if (content[next] == '\r' && next + 1 < content.Length && content[next + 1] == '\n') next++;
            breaks++;
            content = content[(next + 1)..];
            next = content.IndexOfAny('\r', '\n');
            var line = next < 0 ? content : content[..next];
            if (line.IsWhiteSpace()) continue;
            takenIn++;
            lastTextLine = firstLine + breaks;
            // A whole line inside the value (not the last, which ends at the quote) with the header's delimiters.
            if (rowLike == 0 && next >= 0 && _headerDelimiters >= 2 && Delimiters(line) >= _headerDelimiters) rowLike = firstLine + breaks;
        }
        return new(breaks, takenIn, lastTextLine, rowLike);
    }

    /// <summary>The line breaks inside a quoted value, the non-blank lines after its first, the last line with text, and
    /// the first whole line inside it that looks like a row (0 if none).</summary>
    private readonly record struct LineCounts(int Breaks, int TakenIn, int LastTextLine, int RowLike);

    /// <summary>The delimiters in a piece of text, not counting those followed by a space unless the header's are.</summary>
    private int Delimiters(ReadOnlySpan<char> text)
    {
        int count = 0;
        for (int i = text.IndexOf(_delimiter); i >= 0;)
        {
            if (_countSpacedDelimiters || i + 1 >= text.Length || text[i + 1] is not (' ' or '\t')) count++;
            int next = text[(i + 1)..].IndexOf(_delimiter);
            i = next < 0 ? -1 : i + 1 + next;
        }
        return count;
    }
}
