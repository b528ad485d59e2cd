using Evidence.Analytics.Excel.IO;

namespace Evidence.Analytics.Excel.Workbook;

/// <summary>The README sheet of a workbook in the import format: what the workbook is, the review's notes, how to
/// edit it, and every column of every sheet with what to enter and the accepted values.</summary>
internal static class ReadmeSheet
{
    public const string Name = "README";

    private static readonly string[] ColumnHeaders = ["Sheet", "Column", "Required", "Several values (;)", "What to enter", "Accepted values"];

    public static void Write(XlsxDocument document, string title, IEnumerable<(string Label, string Text)> about)
    {
        document.AddSheet(Name, SheetLayout.Page([22, 22, 10, 12, 60, 70]) with { TabColor = "FF2E75B6" }, sheet =>
        {
            sheet.Row(24).Text(title, CellStyle.Title);
            sheet.Merge("A1:F1");
            foreach (var (label, text) in about)
            {
                sheet.Row().Text(label, CellStyle.Bold).Text(text, CellStyle.Wrapped);
                sheet.Merge($"B{sheet.RowNumber}:F{sheet.RowNumber}");
            }
            sheet.Row();
            sheet.Row().Text("How to fill it in", CellStyle.Bold);
            foreach (string rule in Rules)
            {
                sheet.Row().Skip().Text(rule, CellStyle.Wrapped);
                sheet.Merge($"B{sheet.RowNumber}:F{sheet.RowNumber}");
            }
            sheet.Row();
            sheet.Row().Text("Columns", CellStyle.Bold);
            sheet.Row(30);
            foreach (string header in ColumnHeaders) sheet.Text(header, CellStyle.Header);
            foreach (var format in WorkbookFormat.Sheets)
            {
                foreach (var column in format.Columns)
                {
                    // Row heights are not fitted when a workbook opens, so wrapped text gets the lines it needs
                    // (about 1.1 characters per unit of column width).
                    string accepted = string.Join("; ", column.Accepted);
                    double lines = Math.Max(Math.Ceiling((column.Description.Length + 30) / 62.0), Math.Ceiling(accepted.Length / 72.0));
                    sheet.Row(15 * Math.Max(1, lines))
                        .Text(format.Name)
                        .Text(column.Header, CellStyle.Bold)
                        .Text(column.Required ? "Yes" : "No")
                        .Text(column.MultiValued ? "Yes" : "No")
                        .Text(column.Description + KindHint(column), CellStyle.Wrapped)
                        .Text(accepted, CellStyle.Wrapped);
                }
            }
        });
    }

    private static readonly string[] Rules =
    [
        "One row per record. The first row of each sheet holds the column headers; their case, spaces and underscores do not matter.",
        "Where a column takes several values, separate them with a semicolon (;), e.g. \"Social support; Education/information\".",
        "Controlled columns accept the listed values and common other spellings (\"randomised controlled trial\" = \"RCT\"); anything else is reported as an error, never guessed.",
        "Intervention types, outcome domains and configuration families can be extended on the Vocabulary sheet.",
        "This README sheet, and any sheet not listed below, is ignored on import. Blank rows at the end are ignored.",
    ];

    private static string KindHint(WorkbookColumn column) => column.Kind switch
    {
        ColumnKind.Count => " (a whole number, 0 or more)",
        ColumnKind.Year => "",
        ColumnKind.Number => " (a number)",
        ColumnKind.YesNo => " (Yes or No)",
        _ => "",
    };
}
