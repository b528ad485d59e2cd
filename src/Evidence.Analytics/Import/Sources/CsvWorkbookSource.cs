using System.Text;
using System.Text.Unicode;

namespace Evidence.Analytics.Import;

/// <summary>Reads a folder of CSV files as a workbook: each file is the sheet it is named after
/// (<c>studies.csv</c> is Studies, <c>configuration-links.csv</c> is Configuration links).</summary>
/// <remarks>Encoding: a byte-order mark decides (UTF-8 or UTF-16); otherwise the declared
/// <see cref="ImportOptions.CsvEncoding"/>; otherwise UTF-8 when the bytes are valid UTF-8, else Windows-1252 (what
/// Excel writes for "CSV (Comma delimited)" on Western Windows), reported as a warning. Rows are numbered as Excel
/// numbers them when it opens the file: one per record, a quoted line break staying inside its record.</remarks>
internal sealed class CsvWorkbookSource : WorkbookSource
{
    private readonly Dictionary<string, Func<byte[]>> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _paths = new(StringComparer.Ordinal);
    private readonly List<string> _sheetNames = [];
    private readonly List<ImportProblem> _opening = [];
    private readonly ImportOptions _options;

    /// <summary>Opens a folder of CSV files.</summary>
    public CsvWorkbookSource(string folder, ImportOptions options) : base(folder)
    {
        _options = options;
        foreach (string path in Directory.EnumerateFiles(folder, "*.csv").Order(StringComparer.Ordinal))
            Add(Path.GetFileName(path), path, () => System.IO.File.ReadAllBytes(path));
    }

    /// <summary>Opens one CSV file given as a stream; it is the sheet its name says.</summary>
    public CsvWorkbookSource(Stream stream, string fileName, ImportOptions options) : base(fileName)
    {
        _options = options;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        byte[] bytes = buffer.ToArray();
        Add(Path.GetFileName(fileName), fileName, () => bytes);
    }

    /// <summary>The file name a sheet is read from: lower case, spaces as hyphens, ".csv".</summary>
    public static string FileNameOf(string sheet) => sheet.ToLowerInvariant().Replace(' ', '-') + ".csv";

    /// <summary>The sheet a CSV file name stands for: a format sheet if its name matches, else the file's own name.</summary>
    private static string SheetNameOf(string fileName)
    {
        string key = WorkbookFormat.HeaderKey(Path.GetFileNameWithoutExtension(fileName));
        return WorkbookFormat.Sheets.FirstOrDefault(s => WorkbookFormat.HeaderKey(s.Name) == key)?.Name ?? Path.GetFileNameWithoutExtension(fileName);
    }

    private void Add(string fileName, string path, Func<byte[]> read)
    {
        string sheet = SheetNameOf(fileName);
        if (_files.ContainsKey(sheet)) return;
        _files[sheet] = read;
        _paths[sheet] = path;
        _sheetNames.Add(sheet);
    }

    public override IReadOnlyList<string> SheetNames => _sheetNames;

    public override IEnumerable<ImportProblem> OpeningProblems => _opening;

    public override SheetSource OpenSheet(string name)
    {
        byte[] bytes;
        try
        {
            bytes = _files[name]();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WorkbookUnreadableException(ProblemKind.UnreadableFile, $"{_paths[name]} cannot be read: {e.Message}", e);
        }
        string text = Decode(bytes, _paths[name], name);
        return new CsvSheet(_paths[name], name, text);
    }

    private string Decode(byte[] bytes, string path, string sheet)
    {
        ReadOnlySpan<byte> span = bytes;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return Encoding.UTF8.GetString(span[3..]);
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Encoding.Unicode.GetString(span[2..]);
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Encoding.BigEndianUnicode.GetString(span[2..]);
        if (_options.CsvEncoding is { } declared) return declared.GetString(span);
        if (Utf8.IsValid(span)) return Encoding.UTF8.GetString(span);
        _opening.Add(new ImportProblem(ProblemKind.Encoding, ProblemSeverity.Warning, path, sheet, null, null, null, null,
            "The file is not valid UTF-8, so it was read as Windows-1252 (Excel's \"CSV (Comma delimited)\" on Western Windows). "
            + "If accented letters look wrong, save it as \"CSV UTF-8\" or declare its encoding."));
        return Windows1252.GetString(span);
    }

    private static Encoding Windows1252 { get; } = CreateWindows1252();

    private static Encoding CreateWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    private sealed class CsvSheet(string file, string name, string text) : SheetSource(file, name)
    {
        public override IEnumerable<RawRow> ReadRows()
        {
            char delimiter = DetectDelimiter(text);
            var fields = new List<string>();
            var field = new StringBuilder();
            int position = 0, number = 0;
            while (position < text.Length)
            {
                number++;
                fields.Clear();
                position = ReadRecord(text, position, delimiter, fields, field);
                yield return new RawRow(number, fields.Select(f => new RawCell(f.Length == 0 ? null : f)).ToArray());
            }
        }

        /// <summary>Comma, unless the header line has none but has tabs or semicolons (Excel in comma-decimal locales saves with ';').</summary>
        private static char DetectDelimiter(string text)
        {
            int end = text.IndexOfAny(['\r', '\n']);
            ReadOnlySpan<char> header = end < 0 ? text : text.AsSpan(0, end);
            if (header.Contains(',')) return ',';
            if (header.Contains('\t')) return '\t';
            return header.Contains(';') ? ';' : ',';
        }

        /// <summary>Reads one RFC 4180 record starting at <paramref name="position"/>; returns the position after its line break.</summary>
        private static int ReadRecord(string text, int position, char delimiter, List<string> fields, StringBuilder field)
        {
            field.Clear();
            bool quoted = false;
            while (position < text.Length)
            {
                char c = text[position++];
                if (quoted)
                {
                    if (c != '"') field.Append(c);
                    else if (position < text.Length && text[position] == '"') { field.Append('"'); position++; }
                    else quoted = false;
                }
                else if (c == '"' && field.Length == 0) quoted = true;
                else if (c == delimiter) { fields.Add(field.ToString()); field.Clear(); }
                else if (c is '\r' or '\n')
                {
                    if (c == '\r' && position < text.Length && text[position] == '\n') position++;
                    break;
                }
                else field.Append(c);
            }
            fields.Add(field.ToString());
            return position;
        }
    }
}
