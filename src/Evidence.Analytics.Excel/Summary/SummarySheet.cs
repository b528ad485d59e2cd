using Evidence.Analytics.Excel.IO;
using Evidence.Analytics.Excel.Workbook;
using System.Globalization;

namespace Evidence.Analytics.Excel.Summary;

/// <summary>The Summary sheet: the review in a few plain sentences for commissioners, who read it without us.</summary>
internal static class SummarySheet
{
    public static void Write(XlsxDocument document, EvidenceBase evidence, SummaryFigures figures, SummarySource source) =>
        document.AddSheet("Summary", SheetLayout.Page([28, 12, 20, 52]) with { TabColor = "FF2E75B6" }, sheet =>
        {
            sheet.Row(26).Text(evidence.Review.Title, CellStyle.TitleWrapped);
            sheet.Merge("A1:D1");
            if (evidence.Review.Notes is { } notes)
            {
                // The writer gives the row the lines the note needs across A:D (rows are not fitted on opening).
                sheet.Row().Text("Note: " + notes, CellStyle.Note);
                sheet.Merge($"A{sheet.RowNumber}:D{sheet.RowNumber}");
            }
            sheet.Row();
            sheet.Row().Text("Source", CellStyle.Bold).Text(source.FileName ?? "(not given)");
            sheet.Merge($"B{sheet.RowNumber}:D{sheet.RowNumber}");
            sheet.Row().Text("Spreadsheet rows imported", CellStyle.Bold).Integer(source.RecordsImported);
            sheet.Row().Text("Studies", CellStyle.Bold).Integer(evidence.Studies.Length);
            sheet.Row().Text("Interventions", CellStyle.Bold).Integer(evidence.Interventions.Length);
            sheet.Row().Text("Findings", CellStyle.Bold).Integer(evidence.Findings.Length);
            sheet.Row().Text("Written by", CellStyle.Bold).Text(LibraryInfo.NameAndVersion);
            sheet.Merge($"B{sheet.RowNumber}:D{sheet.RowNumber}");

            sheet.Row();
            sheet.Row().Text("Studies by design group", CellStyle.Heading).Text("Studies", CellStyle.Heading).Text("Share of all studies", CellStyle.Heading)
                .Text("What the group counts", CellStyle.Heading);
            int total = evidence.Studies.Length;
            var groups = Enum.GetValues<DesignGroup>();
            for (int g = 0; g < groups.Length; g++)
            {
                var (label, studies) = figures.StudiesByDesignGroup[g];
                string what = figures.DesignGroupText(groups[g]);
                // Row heights are not fitted on opening: about 60 characters a line in column D.
                sheet.Row(15 * Math.Max(1, Math.Ceiling(what.Length / 60.0))).Text(label).Integer(studies)
                    .Number(total == 0 ? null : (double)studies / total, CellStyle.Percent).Text(what, CellStyle.Wrapped);
            }
            sheet.Row().Text("All studies", CellStyle.Bold).Integer(total, CellStyle.CountBold);

            Sentences(sheet, figures.IncludeQualitative ? "Headline findings: all designs, qualitative studies included" : "Headline findings: quantitative studies (RCTs and other designs)",
                figures.ImprovedShares.Select(SummaryFigures.Headline),
                figures.IncludeQualitative ? "No study reported a direction of effect." : "No quantitative study reported a direction of effect.");
            Sentences(sheet, "Headline findings: randomised controlled trials", figures.RctShares.Select(SummaryFigures.Headline),
                "No RCT reported a direction of effect.");
            sheet.Row(30).Text("Counts are of studies, by direction of effect (vote counting): they say how often an outcome improved, not by how much. "
                + "Each share's denominator is the studies that reported a direction of effect on the outcome; studies that measured it without reporting one are named after it. "
                + (figures.IncludeQualitative ? "Qualitative studies are counted in the shares (as asked). See Methods."
                    : "Qualitative studies are not counted in the shares (vote counting is for quantitative effect estimates); they are reported beside them. See Methods."), CellStyle.Note);
            sheet.Merge($"A{sheet.RowNumber}:D{sheet.RowNumber}");

            var gaps = figures.Map.Gaps.Where(g => g.Kind.HasFlag(GapKind.Absolute)).ToList();
            var thin = figures.Map.Gaps.Where(g => g.Kind.HasFlag(GapKind.Thin)).ToList();
            var lines = gaps.Concat(thin).Take(SummaryFigures.GapsListed).Select(SummaryFigures.Describe).ToList();
            int more = gaps.Count + thin.Count - lines.Count;
            if (more > 0) lines.Add(string.Create(CultureInfo.InvariantCulture, $"… and {more} more; see the Evidence map sheet."));
            Sentences(sheet, string.Create(CultureInfo.InvariantCulture,
                $"Main gaps ({gaps.Count} empty cells, {thin.Count} with fewer than {figures.Map.GapThreshold} studies)"), lines,
                "Every intervention type has studies on every outcome domain.");
        });

    private static void Sentences(WorksheetWriter sheet, string heading, IEnumerable<string> sentences, string none)
    {
        sheet.Row();
        int first = sheet.RowNumber + 1;
        sheet.Row().Text(heading, CellStyle.Heading);
        sheet.Merge($"A{sheet.RowNumber}:D{sheet.RowNumber}");
        bool any = false;
        foreach (string sentence in sentences)
        {
            any = true;
            // A merged row is not fitted on opening: about 115 characters a line across A:D.
            sheet.Row(15 * Math.Max(1, Math.Ceiling((sentence.Length + 2) / 115.0))).Text("• " + sentence, CellStyle.Wrapped);
            sheet.Merge($"A{sheet.RowNumber}:D{sheet.RowNumber}");
        }
        if (!any) sheet.Row().Text(none, CellStyle.Note);
        sheet.KeepTogether(first, sheet.RowNumber);
    }
}

/// <summary>Where the evidence came from, as the Summary sheet reports it.</summary>
internal sealed record SummarySource(string? FileName, int RecordsImported)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{FileName}: {RecordsImported:N0} spreadsheet rows imported");
}
