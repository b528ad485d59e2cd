using System.Collections.Immutable;
using System.Globalization;
using Evidence.Analytics.Import;

namespace Evidence.Analytics;

/// <summary>Reads the records to screen from a reference manager's or database's export: RIS (.ris, and .txt exports
/// of EndNote, Web of Science and others), PubMed/MEDLINE text (.nbib, .medline, or .txt starting with <c>PMID-</c>),
/// CSV/TSV (.csv, .tsv, .tab) and workbooks (.xlsx, .xls) with ASReview's column conventions.</summary>
/// <remarks>
/// <para><b>RIS</b>: a record runs from its <c>TY  -</c> line to its <c>ER  -</c> line; title TI (else T1), abstract AB
/// (else N2), authors AU and A1, year the first four digits of PY (else Y1, DA), journal T2 (else JO, JF, JA, J2), DOI
/// DO, keywords KW, URL UR, database DB (else DP); a note (N1) holding <c>ASReview_relevant</c>,
/// <c>ASReview_irrelevant</c> or <c>ASReview_not_seen</c> is the label. A line without a tag continues the field above
/// (a new item for AU, A1 and KW). Other tags are not needed for screening and are skipped.</para>
/// <para><b>MEDLINE</b>: records start at <c>PMID-</c>; TI, AB, AU, DP (year), JT (else TA), LID/AID with [doi], OT and
/// MH (keywords); the database is PubMed and the id the PMID.</para>
/// <para><b>Tables</b>: columns are found by heading, ignoring case and surrounding spaces: title (<c>title</c>,
/// <c>primary_title</c>), abstract (<c>abstract</c>, <c>notes_abstract</c>, <c>abstract note</c>), authors
/// (<c>authors</c>, <c>first_authors</c>, <c>author names</c>; split at ';'), keywords (split at ';'), year, journal,
/// doi, url, <c>record_id</c>, and the label from the first of <see cref="LabelColumns"/> present (values 1/0, yes/no,
/// y/n, true/false, included/excluded; blank is unlabelled). A table must have a title column.</para>
/// <para>Files are opened through the same layer as evidence workbooks, with the same <see cref="ImportOptions"/>
/// limits and encoding detection; problems are located by file, line or row, field (tag or column) and value.</para>
/// </remarks>
public static class RecordFile
{
    /// <summary>The label columns ASReview recognises, by priority.</summary>
    public static ImmutableArray<string> LabelColumns { get; } =
        ["asreview_label", "included", "label", "final_included", "label_included", "included_label", "included_final", "included_flag", "include"];

    /// <summary>Reads a file; its extension (and, for .txt, its first line) decides the format.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Size limits and the encoding of text files; null for the defaults.</param>
    /// <param name="labelColumn">The label column of a table, or null to find it as ASReview does (<see cref="LabelColumns"/>).</param>
    public static RecordImport Read(string path, ImportOptions? options = null, string? labelColumn = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string file = Path.GetFileName(path);
        if (!System.IO.File.Exists(path)) return Refused(file, ProblemKind.UnreadableFile, $"There is no file '{path}'.");
        try
        {
            using var stream = WorkbookSource.OpenFile(path);
            return Read(stream, file, options, labelColumn);
        }
        catch (WorkbookUnreadableException e)
        {
            return Refused(file, e.Kind, e.Message);
        }
    }

    /// <summary>Reads from a stream; the file name decides the format as for a path and appears in problems.</summary>
    /// <param name="stream">The content; read to the end but not closed.</param>
    /// <param name="fileName">The file's name.</param>
    /// <param name="options">Size limits and the encoding of text files; null for the defaults.</param>
    /// <param name="labelColumn">The label column of a table, or null to find it as ASReview does.</param>
    public static RecordImport Read(Stream stream, string fileName, ImportOptions? options = null, string? labelColumn = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        options ??= ImportOptions.Default;
        string file = Path.GetFileName(fileName);
        string extension = Path.GetExtension(file).ToLowerInvariant();
        try
        {
            if (extension is ".xlsx" or ".xlsm" or ".xls")
            {
                using var workbook = WorkbookSource.OpenWorkbookCopy(stream, file, options);
                return TableRecordReader.Read(workbook, file, labelColumn);
            }
            if (extension is ".csv" or ".tsv" or ".tab")
            {
                using var table = new CsvWorkbookSource(stream, file, options);
                return TableRecordReader.Read(table, file, labelColumn);
            }
            var opening = new List<ImportProblem>();
            string text = CsvWorkbookSource.DecodeText(WorkbookSource.ReadAllBounded(stream, options), options, file, null, opening);
            bool medline = extension is ".nbib" or ".medline" || (extension is not ".ris" && FirstLine(text).StartsWith("PMID-", StringComparison.Ordinal));
            return medline ? MedlineRecordReader.Read(text, file, opening) : RisRecordReader.Read(text, file, opening);
        }
        catch (WorkbookUnreadableException e)
        {
            return Refused(file, e.Kind, e.Message);
        }
    }

    internal static RecordImport Refused(string file, ProblemKind kind, string message) =>
        new(file, [], [new ImportProblem(kind, ProblemSeverity.Error, file, null, null, null, null, null, message)]);

    private static string FirstLine(string text)
    {
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (!line.IsWhiteSpace()) return line.Trim().ToString();
        }
        return "";
    }

    /// <summary>The year a date field starts with ("2019", "2019/05/01/", "2019 May"), or null.</summary>
    internal static int? LeadingYear(string? value)
    {
        if (value is null) return null;
        var text = value.AsSpan().Trim();
        if (text.Length < 4 || !int.TryParse(text[..4], NumberStyles.None, CultureInfo.InvariantCulture, out int year)) return null;
        if (text.Length > 4 && char.IsAsciiDigit(text[4])) return null;
        return year;
    }

    /// <summary>A text value trimmed, or null when blank.</summary>
    internal static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
