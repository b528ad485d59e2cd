using System.Text;
using System.Text.Unicode;

namespace Evidence.Analytics.Import;

/// <summary>Reads a folder of CSV files as a workbook: each file is the sheet it is named after
/// (<c>studies.csv</c> is Studies, <c>configuration-links.csv</c> is Configuration links).</summary>
/// <remarks><para>Encoding: a byte-order mark decides (UTF-8 or UTF-16); otherwise the declared
/// <see cref="ImportOptions.CsvEncoding"/>; otherwise UTF-8 when the bytes are valid UTF-8, else Windows-1252 (what
/// Excel writes for "CSV (Comma delimited)" on Western Windows), reported as a warning. Rows are numbered as Excel
/// numbers them when it opens the file: one per record, a quoted line break staying inside its record (each such value
/// is noted on its row, see <see cref="CsvRecordReader"/>).</para>
/// <para>Sheets are listed by file name, so two files that name the same sheet (<c>findings.csv</c> and
/// <c>Findings.CSV</c>) are both listed and the importer reports them; the extension's case does not matter, and hidden
/// files (such as the <c>._findings.csv</c> copies macOS leaves) are not sheets.</para></remarks>
internal sealed class CsvWorkbookSource : WorkbookSource
{
    private readonly Dictionary<string, (string Path, Func<byte[]> Read)> _files = new(StringComparer.Ordinal);
    private readonly List<string> _sheetNames = [];
    private readonly List<ImportProblem> _opening = [];
    private readonly ImportOptions _options;

    /// <summary>Opens a folder of CSV files.</summary>
    public CsvWorkbookSource(string folder, ImportOptions options) : base(folder)
    {
        _options = options;
        var csvFiles = new EnumerationOptions { MatchCasing = MatchCasing.CaseInsensitive, MatchType = MatchType.Simple };
        foreach (string path in Directory.EnumerateFiles(folder, "*.csv", csvFiles).Order(StringComparer.Ordinal))
            Add(Path.GetFileName(path), path, () => System.IO.File.ReadAllBytes(path));
    }

    /// <summary>Opens one CSV file given as a stream; it is the sheet its name says.</summary>
    public CsvWorkbookSource(Stream stream, string fileName, ImportOptions options) : base(fileName)
    {
        _options = options;
        byte[] bytes = ReadAllBounded(stream, options);
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
        if (_files.TryAdd(fileName, (path, read))) _sheetNames.Add(fileName);
    }

    public override IReadOnlyList<string> SheetNames => _sheetNames;

    public override IEnumerable<ImportProblem> OpeningProblems => _opening;

    /// <summary>Opens a sheet by its file name (as listed in <see cref="SheetNames"/>); the sheet is named after the
    /// format sheet the file stands for.</summary>
    public override SheetSource OpenSheet(string name)
    {
        var (path, read) = _files[name];
        byte[] bytes;
        try
        {
            bytes = read();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WorkbookUnreadableException(ProblemKind.UnreadableFile, $"{path} cannot be read: {e.Message}", e);
        }
        string sheet = SheetNameOf(name);
        return new CsvSheet(path, sheet, Decode(bytes, path, sheet));
    }

    private string Decode(byte[] bytes, string path, string sheet) => DecodeText(bytes, _options, path, sheet, _opening);

    /// <summary>Decodes a text file's bytes as described on the class (byte-order mark, declared encoding, UTF-16 without
    /// a mark, UTF-8, else Windows-1252), adding a warning to <paramref name="opening"/> when the encoding was guessed.</summary>
    internal static string DecodeText(ReadOnlySpan<byte> span, ImportOptions options, string path, string? sheet, List<ImportProblem> opening)
    {
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return Encoding.UTF8.GetString(span[3..]);
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Encoding.Unicode.GetString(span[2..]);
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Encoding.BigEndianUnicode.GetString(span[2..]);
        if (options.CsvEncoding is { } declared) return declared.GetString(span);
        if (Utf16WithoutByteOrderMark(span) is { } utf16)
        {
            opening.Add(new ImportProblem(ProblemKind.Encoding, ProblemSeverity.Warning, path, sheet, null, null, null, null,
                $"The file has no byte-order mark, but every other byte is zero as in {utf16.EncodingName} text, so it was read as {utf16.EncodingName}. "
                + "Save it as \"CSV UTF-8\" or declare its encoding to be sure."));
            return utf16.GetString(span);
        }
        if (Utf8.IsValid(span)) return Encoding.UTF8.GetString(span);
        opening.Add(new ImportProblem(ProblemKind.Encoding, ProblemSeverity.Warning, path, sheet, null, null, null, null,
            "The file is not valid UTF-8, so it was read as Windows-1252 (Excel's \"CSV (Comma delimited)\" on Western Windows). "
            + "If accented letters look wrong, save it as \"CSV UTF-8\" or declare its encoding."));
        return Windows1252.GetString(span);
    }

    /// <summary>UTF-16 (little- or big-endian) when a file without a byte-order mark looks like it: in its first 4 KB, at
    /// least a third of the characters have a zero high byte and no low byte is zero (text in Latin script written as
    /// UTF-16), else null. Valid UTF-8 text never has that many zero bytes.</summary>
    private static Encoding? Utf16WithoutByteOrderMark(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..(Math.Min(bytes.Length, 4096) & ~1)];
        if (sample.Length < 4) return null;
        int evenZeros = 0, oddZeros = 0;
        for (int i = 0; i < sample.Length; i += 2)
        {
            if (sample[i] == 0) evenZeros++;
            if (sample[i + 1] == 0) oddZeros++;
        }
        int characters = sample.Length / 2;
        if (oddZeros * 3 >= characters && evenZeros == 0) return Encoding.Unicode;
        if (evenZeros * 3 >= characters && oddZeros == 0) return Encoding.BigEndianUnicode;
        return null;
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
            var reader = new CsvRecordReader(text);
            var cells = new List<RawCell>();
            var quoted = new List<QuotedValue>();
            int number = 0;
            while (!reader.AtEnd)
            {
                reader.ReadRecord(cells, quoted);
                yield return new RawRow(++number, [.. cells]) { Quoting = quoted.Count == 0 ? null : [.. quoted] };
            }
        }
    }
}
