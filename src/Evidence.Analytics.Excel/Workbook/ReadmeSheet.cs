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
        document.AddSheet(Name, SheetLayout.Page([14, 18, 9, 9, 44, 40]) with { TabColor = "FF2E75B6" }, sheet =>
        {
            sheet.Row(24).Text(title, CellStyle.TitleWrapped);
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
                    // Every cell of the row sits at the top, so the column's name is beside the first line of its
                    // description; the row is as tall as its longest wrapped text (the writer works it out).
                    sheet.Row()
                        .Text(format.Name)
                        .Text(column.Header, CellStyle.Bold)
                        .Text(column.Required ? "Yes" : "No")
                        .Text(column.MultiValued ? "Yes" : "No")
                        .Text(column.Description + KindHint(column), CellStyle.Wrapped)
                        .Text(string.Join("; ", column.Accepted), CellStyle.Wrapped);
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
