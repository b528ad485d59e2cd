using Evidence.Analytics.Import;

namespace Evidence.Analytics;

/// <summary>Imports an evidence workbook (.xlsx, .xls, or a folder of .csv files) in the documented
/// <see cref="WorkbookFormat"/>, validating every cell.</summary>
/// <remarks>
/// <para>The import never throws for bad input: it returns an <see cref="ImportResult"/> with the evidence base when the
/// workbook has no errors, and every problem found (file, sheet, Excel row, column, value and what was expected).</para>
/// <para>CSV: a folder holding <c>studies.csv</c>, <c>interventions.csv</c>, <c>findings.csv</c> and optionally
/// <c>flow.csv</c>, <c>review.csv</c>, <c>vocabulary.csv</c>, <c>configurations.csv</c>,
/// <c>configuration-links.csv</c> (a sheet's name in lower case, spaces as hyphens). A path to one of those files
/// means its folder.</para>
/// </remarks>
public static class EvidenceWorkbook
{
    /// <summary>Imports a workbook file, a folder of CSV files, or the folder of a given CSV file.</summary>
    /// <param name="path">An .xlsx or .xls file, a folder of CSV files, or one CSV file of such a folder.</param>
    /// <param name="options">Encoding and size limits; null for the defaults.</param>
    public static ImportResult Read(string path, ImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= ImportOptions.Default;
        if (Directory.Exists(path))
            return Run(path, options, () => new CsvWorkbookSource(path, options));
        if (!File.Exists(path))
            return WorkbookImporter.Failed(path, ProblemKind.UnreadableFile, $"There is no file or folder '{path}'.");
        if (string.Equals(Path.GetExtension(path), ".csv", StringComparison.OrdinalIgnoreCase))
        {
            string folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
            return Run(Path.GetDirectoryName(path) is { Length: > 0 } relative ? relative : ".", options, () => new CsvWorkbookSource(folder, options));
        }
        return Run(path, options, () => WorkbookSource.OpenWorkbook(WorkbookSource.OpenFile(path), path, options));
    }

    /// <summary>Imports a workbook from a stream: an .xlsx or .xls workbook, or a single CSV file (the sheet its name says).</summary>
    /// <param name="stream">The content; read to the end but not closed.</param>
    /// <param name="fileName">The file's name, for the format (by extension, checked against the content) and for problems.</param>
    /// <param name="options">Encoding and size limits; null for the defaults.</param>
    public static ImportResult Read(Stream stream, string fileName, ImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        options ??= ImportOptions.Default;
        if (string.Equals(Path.GetExtension(fileName), ".csv", StringComparison.OrdinalIgnoreCase))
            return Run(fileName, options, () => new CsvWorkbookSource(stream, fileName, options));
        return Run(fileName, options, () => WorkbookSource.OpenWorkbookCopy(stream, fileName, options));
    }

    /// <summary>Runs the import; a file that cannot be read (damaged, truncated, not a workbook, refused as too large) is
    /// refused whole, with that one problem: what was read before the damage showed is not evidence, and problems found
    /// in it would only mislead.</summary>
    private static ImportResult Run(string file, ImportOptions options, Func<WorkbookSource> open)
    {
        var result = WorkbookImporter.Run(file, options, open);
        var refusal = result.Problems.FirstOrDefault(p => p.IsError && p.Sheet is null && p.Row is null
            && p.Kind is ProblemKind.UnreadableFile or ProblemKind.TooLarge);
        return refusal is null ? result : new ImportResult(result.File, null, [refusal], []);
    }
}
