using System.Globalization;

namespace Evidence.Analytics;

[TypeFormatterSource(typeof(DisplayFormatterSource<ImportResult>))]
public sealed partial class ImportResult : IHtmlDisplayable
{
    /// <summary>The import report as HTML: whether the workbook is valid, rows read and imported per sheet, and every
    /// problem with its location and value (the first 50 shown).</summary>
    /// <remarks>A self-contained fragment (scoped CSS, encoded cell values, no scripts).</remarks>
    public string ToHtml() => Document().ToHtml();

    string IHtmlDisplayable.ToPlainText() => Document().ToPlainText();

    private DisplayDocument Document()
    {
        int errors = Errors.Count(), warnings = Problems.Length - errors;
        var document = new DisplayDocument("Import: " + Path.GetFileName(File.TrimEnd('/', '\\')));
        string counts = string.Create(CultureInfo.InvariantCulture,
            $"{RowsRead:N0} rows read, {RowsImported:N0} imported, {RowsReported:N0} reported; {errors:N0} error{(errors == 1 ? "" : "s")}, {warnings:N0} warning{(warnings == 1 ? "" : "s")}.");
        if (IsValid)
            document.Lead("Valid: " + counts);
        else
            document.Problem("Not imported: " + counts + " Fix the errors below and import again.");
        var sheets = new DisplayTable("Rows by sheet", "Sheet", "#Read", "#Imported", "#Reported");
        foreach (var sheet in Sheets)
            sheets.Add(sheet.Sheet, sheet.RowsRead, sheet.RowsImported, sheet.RowsReported);
        sheets.Total("Total", RowsRead, RowsImported, RowsReported);
        document.Table(sheets);
        if (!Problems.IsEmpty)
            document.Table(ProblemTable(Problems));
        return document;
    }

    /// <summary>Every problem with its severity, location and value (the first 50 shown).</summary>
    internal static DisplayTable ProblemTable(IEnumerable<ImportProblem> problems)
    {
        var table = new DisplayTable("Problems", "Severity", "Where", "Value", "Problem");
        foreach (var problem in problems)
            table.Add(problem.IsError ? "Error" : "Warning", problem.Location, problem.Value, problem.Message);
        return table;
    }
}
