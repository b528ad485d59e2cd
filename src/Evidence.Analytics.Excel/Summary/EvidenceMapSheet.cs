using Evidence.Analytics.Excel.IO;
using System.Globalization;

namespace Evidence.Analytics.Excel.Summary;

/// <summary>The Evidence map sheet: intervention types × outcome domains, distinct studies per cell on a colour scale,
/// gaps marked, distinct-study totals; then the same cells broken down by design group, and studies per type by design group.</summary>
internal static class EvidenceMapSheet
{
    public const string GapText = "Gap";
    private const string Low = "FFF7FBFF";
    private const string High = "FF2171B5";

    public static void Write(XlsxDocument document, SummaryFigures figures)
    {
        var map = figures.Map;
        int columns = map.ColumnLabels.Length;
        // Narrow enough to print at a readable size on one page wide: long outcome names wrap in the header row.
        var widths = new List<double> { 24 };
        widths.AddRange(map.ColumnLabels.Select(l => Math.Max(11, Math.Min(14, l.Length + 2.0))));
        widths.Add(12);
        document.AddSheet("Evidence map", new SheetLayout(widths, FrozenRows: 4), sheet =>
        {
            sheet.Row(24).Text("Evidence map: studies by intervention type and outcome domain", CellStyle.Title);
            sheet.Row(30).Text("Each cell counts the distinct studies that measured the outcome, of any design (qualitative included), whether or not they reported a direction of effect. Totals count distinct studies too, so they are not the sums of the cells. "
                + "\"Gap\" marks a pair no study covers. A map shows what evidence there is, not what it says.", CellStyle.Note);
            sheet.Merge($"A2:{XlsxText.ColumnName(columns + 1)}2");
            sheet.Row();
            sheet.Row(32).Text("Intervention type", CellStyle.Header);
            foreach (string column in map.ColumnLabels) sheet.Text(column, CellStyle.Header);
            sheet.Text("All outcomes", CellStyle.Header);
            int firstRow = sheet.RowNumber + 1;
            for (int row = 0; row < map.RowLabels.Length; row++)
            {
                sheet.Row().Text(map.RowLabels[row], CellStyle.Bold);
                for (int column = 0; column < columns; column++)
                {
                    var cell = map[row, column];
                    if (cell.IsEmpty) sheet.Text(GapText, CellStyle.Gap);
                    else sheet.Integer(cell.Studies, CellStyle.CountCentred);
                }
                sheet.Integer(map.RowTotals[row], CellStyle.CountBoldCentred);
            }
            int lastRow = sheet.RowNumber;
            sheet.Row().Text("All intervention types", CellStyle.Bold);
            foreach (int total in map.ColumnTotals) sheet.Integer(total, CellStyle.CountBoldCentred);
            sheet.Integer(map.TotalStudies, CellStyle.CountBoldCentred);
            if (lastRow >= firstRow && columns > 0)
                sheet.ColorScale($"B{firstRow.ToString(CultureInfo.InvariantCulture)}:{XlsxText.Cell(columns, lastRow)}", Low, High);

            sheet.Row();
            string entries = string.Create(CultureInfo.InvariantCulture,
                $"{map.TotalStudies:N0} studies on the map; {map.CellEntries:N0} study–cell entries (a study appears once in each cell it covers).");
            string unmapped = map.UnmappedStudyIds.IsEmpty ? "" : string.Create(CultureInfo.InvariantCulture,
                $" {map.UnmappedStudyIds.Length:N0} studies have no intervention type or no findings and are not on the map.");
            Note(sheet, columns, entries + unmapped);

            WriteDesignBreakdown(sheet, figures);
        });
    }

    private static void WriteDesignBreakdown(WorksheetWriter sheet, SummaryFigures figures)
    {
        var map = figures.Map;
        int columns = map.ColumnLabels.Length;
        sheet.Row();
        sheet.Row().Text("By design group: RCTs / qualitative studies / studies of other designs in each cell", CellStyle.Bold);
        sheet.Row(32).Text("Intervention type", CellStyle.Header);
        foreach (string column in map.ColumnLabels) sheet.Text(column, CellStyle.Header);
        for (int row = 0; row < map.RowLabels.Length; row++)
        {
            sheet.Row().Text(map.RowLabels[row], CellStyle.Bold);
            for (int column = 0; column < columns; column++)
            {
                var cell = map[row, column];
                var groups = cell.ByDesignGroup;
                if (cell.IsEmpty) sheet.Text(GapText, CellStyle.Gap);
                else sheet.Text(string.Create(CultureInfo.InvariantCulture, $"{groups.Rct} / {groups.Qualitative} / {groups.Other}"), CellStyle.CountCentred);
            }
        }

        var designs = figures.DesignMap;
        sheet.Row();
        sheet.Row().Text("Studies per intervention type, by design group", CellStyle.Bold);
        sheet.Row(32).Text("Intervention type", CellStyle.Header);
        foreach (string column in designs.ColumnLabels) sheet.Text(column, CellStyle.Header);
        sheet.Text("All designs", CellStyle.Header);
        for (int row = 0; row < designs.RowLabels.Length; row++)
        {
            sheet.Row().Text(designs.RowLabels[row], CellStyle.Bold);
            for (int column = 0; column < designs.ColumnLabels.Length; column++)
                sheet.Integer(designs[row, column].Studies, CellStyle.CountCentred);
            sheet.Integer(designs.RowTotals[row], CellStyle.CountBoldCentred);
        }
        sheet.Row().Text("All intervention types", CellStyle.Bold);
        foreach (int total in designs.ColumnTotals) sheet.Integer(total, CellStyle.CountBoldCentred);
        sheet.Integer(designs.TotalStudies, CellStyle.CountBoldCentred);
    }

    private static void Note(WorksheetWriter sheet, int columns, string text)
    {
        sheet.Row(30).Text(text, CellStyle.Note);
        sheet.Merge($"A{sheet.RowNumber.ToString(CultureInfo.InvariantCulture)}:{XlsxText.Cell(columns + 1, sheet.RowNumber)}");
    }
}
