using Evidence.Analytics.Excel.IO;

namespace Evidence.Analytics.Excel.Summary;

/// <summary>The Flow sheet: the PRISMA 2020 counts, box by box, with the arithmetic checks.</summary>
internal static class FlowSheet
{
    public static void Write(XlsxDocument document, PrismaFlow? flow) =>
        document.AddSheet("Flow", SheetLayout.Page([30, 38, 10]) with { Landscape = false }, sheet =>
        {
            sheet.Row(24).Text("PRISMA flow of records", CellStyle.Title);
            if (flow is null)
            {
                sheet.Row().Text("The workbook gives no PRISMA flow counts.", CellStyle.Note);
                return;
            }
            sheet.Row().Text("Counts as reported; \"not reported\" where the review gives none.", CellStyle.Note);
            sheet.Merge($"A{sheet.RowNumber}:C{sheet.RowNumber}");
            sheet.Row();
            RecordTables.Header(sheet, ["Stage", "Source or reason", "Records"]);
            foreach (var source in flow.Identified) Count(sheet, "Records identified", source.Label, source.Count);
            if (flow.Identified.Length > 1) Count(sheet, "Records identified", "Total", flow.IdentifiedTotal, bold: true);
            if (flow.Identified.IsEmpty) Count(sheet, "Records identified", null, null);
            Count(sheet, "Duplicates removed", null, flow.DuplicatesRemoved);
            if (flow.AutomationRemoved is not null) Count(sheet, "Marked ineligible by automation tools", null, flow.AutomationRemoved);
            if (flow.OtherRemoved is not null) Count(sheet, "Removed for other reasons", null, flow.OtherRemoved);
            Count(sheet, "Records screened", null, flow.Screened);
            Count(sheet, "Records excluded", null, flow.ExcludedAtScreening);
            Count(sheet, "Reports sought for retrieval", null, flow.Sought);
            Count(sheet, "Reports not retrieved", null, flow.NotRetrieved);
            Count(sheet, "Reports assessed for eligibility", null, flow.Assessed);
            foreach (var reason in flow.ExclusionReasons) Count(sheet, "Reports excluded", reason.Label, reason.Count);
            if (flow.ExclusionReasons.IsEmpty) Count(sheet, "Reports excluded", null, null);
            Count(sheet, "Studies included in review", null, flow.StudiesIncluded, bold: true);
            Count(sheet, "Reports of included studies", null, flow.ReportsIncluded);

            sheet.Row();
            sheet.Row().Text("Arithmetic checks (PRISMA 2020)", CellStyle.Bold);
            var problems = flow.Inconsistencies;
            if (problems.IsEmpty)
            {
                sheet.Row().Text("Every check that the reported counts allow adds up.", CellStyle.Wrapped);
                sheet.Merge($"A{sheet.RowNumber}:C{sheet.RowNumber}");
            }
            foreach (string problem in problems)
            {
                sheet.Row().Text("Does not add up: " + problem + ".", CellStyle.Wrapped);
                sheet.Merge($"A{sheet.RowNumber}:C{sheet.RowNumber}");
            }
        });

    private static void Count(WorksheetWriter sheet, string stage, string? label, int? count, bool bold = false)
    {
        sheet.Row().Text(stage, bold ? CellStyle.Bold : CellStyle.Wrapped).Text(label, CellStyle.Wrapped);
        if (count is { } n) sheet.Integer(n, bold ? CellStyle.CountBold : CellStyle.Count);
        else sheet.Text("not reported", CellStyle.Note);
    }
}
