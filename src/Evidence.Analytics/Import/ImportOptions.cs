using System.Text;

namespace Evidence.Analytics;

/// <summary>Options of the workbook import: the encoding of CSV files and the limits that protect against absurd inputs.</summary>
public sealed class ImportOptions
{
    /// <summary>The default options.</summary>
    public static ImportOptions Default { get; } = new();

    /// <summary>The encoding of CSV files, or null to detect it.</summary>
    /// <value>The default is null: a byte-order mark decides; otherwise UTF-8 if the bytes are valid UTF-8, else Windows-1252 (with a warning).</value>
    public Encoding? CsvEncoding { get; init; }

    /// <summary>The most bytes an .xlsx file may decompress to, over all the parts read.</summary>
    /// <value>The default is 2 GiB (a 100,000-study workbook decompresses to about 100 MB).</value>
    public long MaxUncompressedBytes { get; init; } = 2L * 1024 * 1024 * 1024;

    /// <summary>The highest compression ratio accepted for a part of an .xlsx file larger than 1 MiB.</summary>
    /// <value>The default is 200; spreadsheet XML typically compresses 5–30 times, zip bombs thousands of times.</value>
    public double MaxCompressionRatio { get; init; } = 200;

    /// <summary>The most non-empty cells read from all sheets together.</summary>
    /// <value>The default is 50 million (a 100,000-study workbook has about 5 million).</value>
    public long MaxCells { get; init; } = 50_000_000;

    /// <summary>Whether the sheets of an .xlsx workbook are scanned as bytes (<see cref="Import.SheetXmlScanner"/>), the XML
    /// reader reading only what the scanner does not; false reads them all with the XML reader, as tests compare.</summary>
    internal bool ScansSheetXml { get; init; } = true;

    /// <summary>Told which sheet is being read and how many of its rows have been read, for progress displays; or null.</summary>
    public IProgress<ImportProgress>? Progress { get; init; }
}

/// <summary>How far an import has got: the sheet being read and the rows read from it so far.</summary>
/// <param name="Sheet">The sheet being read.</param>
/// <param name="RowsRead">Rows read from it so far.</param>
public readonly record struct ImportProgress(string Sheet, int RowsRead);
