using Evidence.Analytics.Excel.IO;

namespace Evidence.Analytics.Excel.Workbook;

/// <summary>Cell helpers shared by the workbook writers: multi-valued cells and yes/no.</summary>
internal static class Cells
{
    /// <summary>Several values in one cell, separated as the workbook format reads them ("a; b").</summary>
    public static WorksheetWriter Values(this WorksheetWriter sheet, IEnumerable<string> values) =>
        sheet.Text(string.Join(WorkbookColumn.Separator + " ", values));

    /// <summary>Yes or No; nothing for null.</summary>
    public static WorksheetWriter YesNo(this WorksheetWriter sheet, bool? value) =>
        sheet.Text(value switch { true => "Yes", false => "No", null => null });
}
