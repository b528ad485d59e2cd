using Evidence.Analytics.Excel.IO;
using Evidence.Analytics.Excel.Workbook;
using System.Globalization;

namespace Evidence.Analytics.Excel.Summary;

/// <summary>The Summary sheet: the review in a few plain sentences for commissioners, who read it without us.</summary>
internal static class SummarySheet
{
    public static void Write(XlsxDocument document, EvidenceBase evidence, SummaryFigures figures, SummarySource source) =>
        document.AddSheet("Summary", SheetLayout.Page([30, 16, 16, 60]) with { TabColor = "FF2E75B6" }, sheet =>
        {
            sheet.Row(26).Text(evidence.Review.Title, CellStyle.Title);
            sheet.Merge("A1:D1");
            if (evidence.Review.Notes is { } notes)
            {
                sheet.Row(32).Text("Note: " + notes, CellStyle.Note);
                sheet.Merge($"A{sheet.RowNumber}:D{sheet.RowNumber}");
            }
            sheet.Row();
            sheet.Row().Text("Source", CellStyle.Bold).Text(source.FileName ?? "(not given)");
            sheet.Merge($"B{sheet.RowNumber}:D{sheet.RowNumber}");
            sheet.Row().Text("Records imported", CellStyle.Bold).Integer(source.RecordsImported);
            sheet.Row().Text("Studies", CellStyle.Bold).Integer(evidence.Studies.Length);
            sheet.Row().Text("Interventions", CellStyle.Bold).Integer(evidence.Interventions.Length);
            sheet.Row().Text("Findings", CellStyle.Bold).Integer(evidence.Findings.Length);
            sheet.Row().Text("Written by", CellStyle.Bold).Text(LibraryInfo.NameAndVersion);
            sheet.Merge($"B{sheet.RowNumber}:D{sheet.RowNumber}");

            sheet.Row();
            sheet.Row().Text("Studies by design group", CellStyle.Heading).Text("Studies", CellStyle.Heading).Text("Share", CellStyle.Heading);
            int total = evidence.Studies.Length;
            foreach (var (label, studies) in figures.StudiesByDesignGroup)
                sheet.Row().Text(label).Integer(studies).Number(total == 0 ? null : (double)studies / total, CellStyle.Percent);
            sheet.Row().Text("All studies", CellStyle.Bold).Integer(total, CellStyle.CountBold);
        });
}

/// <summary>Where the evidence came from, as the Summary sheet reports it.</summary>
internal sealed record SummarySource(string? FileName, int RecordsImported)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{FileName}: {RecordsImported:N0} records");
}
