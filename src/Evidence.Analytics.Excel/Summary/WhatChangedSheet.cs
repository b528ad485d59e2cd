using System.Globalization;
using Evidence.Analytics.Excel.IO;

namespace Evidence.Analytics.Excel.Summary;

/// <summary>The What changed sheet, written when a previous version of the review is given: PRISMA 2020's previous / new /
/// total counts, the studies added, removed and recoded (field by field), the evidence map's cells whose studies changed
/// and the headlines that changed.</summary>
internal static class WhatChangedSheet
{
    public const string Name = "What changed";

    public static void Write(XlsxDocument document, EvidenceBaseChanges changes, string? previousFileName) =>
        document.AddSheet(Name, SheetLayout.Page([22, 24, 36, 36]) with { TabColor = "FFD55E00" }, sheet =>
        {
            var c = CultureInfo.InvariantCulture;
            sheet.Row(24).Text("What changed since the previous version", CellStyle.Title);
            sheet.Merge("A1:D1");
            sheet.Row().Text("Previous version", CellStyle.Bold).Text(previousFileName ?? changes.Previous.Review.Title, CellStyle.Wrapped);
            sheet.Merge($"B{sheet.RowNumber}:D{sheet.RowNumber}");
            sheet.Row().Text("Studies are matched by study ID, then by DOI, then by title and year (case, accents and punctuation ignored).", CellStyle.Note);
            sheet.Merge($"A{sheet.RowNumber}:D{sheet.RowNumber}");

            Heading(sheet, "PRISMA 2020: studies in this update");
            var counts = changes.Counts;
            Count(sheet, "Studies included in previous version of review", counts.PreviousStudies);
            Count(sheet, "New studies included in review", counts.NewStudies);
            if (counts.RemovedStudies > 0) Count(sheet, "Studies of the previous version no longer included", counts.RemovedStudies);
            Count(sheet, "Total studies included in review", counts.TotalStudies, bold: true);
            if (counts.PreviousReports is not null || counts.TotalReports is not null)
            {
                Count(sheet, "Reports of studies included in previous version", counts.PreviousReports);
                if (counts.NewReports is { } reports) Count(sheet, "New reports of new included studies", reports);
                Count(sheet, "Total reports of included studies", counts.TotalReports);
            }

            Heading(sheet, string.Create(c, $"Studies added ({changes.Added.Length})"));
            if (changes.Added.IsEmpty) None(sheet, "No study was added.");
            foreach (var study in changes.Added) StudyRow(sheet, study);
            Heading(sheet, string.Create(c, $"Studies removed ({changes.Removed.Length})"));
            if (changes.Removed.IsEmpty) None(sheet, "No study was removed.");
            foreach (var study in changes.Removed) StudyRow(sheet, study);

            Heading(sheet, string.Create(c, $"Studies recoded ({changes.Changed.Length})"));
            if (changes.Changed.IsEmpty) None(sheet, "No study was recoded.");
            else RecordTables.Header(sheet, ["Study", "Field", "Previous", "Now"]);
            foreach (var study in changes.Changed)
            {
                foreach (var field in study.Changes)
                    sheet.Row().Text(study.Current.Id, CellStyle.Wrapped).Text(field.Field, CellStyle.Wrapped).Text(field.Previous ?? "(blank)", CellStyle.Wrapped).Text(field.Current ?? "(blank)", CellStyle.Wrapped);
            }
            var rematched = changes.Matched.Where(m => m.MatchedBy != StudyMatchRule.Id).ToList();
            if (rematched.Count > 0)
            {
                Heading(sheet, string.Create(c, $"Studies found under another ID ({rematched.Count})"));
                RecordTables.Header(sheet, ["Study", "Previous ID", "Matched by"]);
                foreach (var study in rematched)
                    sheet.Row().Text(study.Current.Id, CellStyle.Wrapped).Text(study.Previous.Id, CellStyle.Wrapped).Text(study.MatchedBy == StudyMatchRule.Doi ? "DOI" : "Title and year", CellStyle.Wrapped);
            }

            var map = changes.CurrentMap;
            Heading(sheet, string.Create(c, $"Evidence map cells whose studies changed ({changes.Cells.Length})"));
            if (changes.Cells.IsEmpty) None(sheet, "Every cell holds the same studies as before.");
            else RecordTables.Header(sheet, [map.Rows.Label(), map.Columns.Label(), "Studies before → now", "Studies new in the cell; no longer in it"]);
            foreach (var cell in changes.Cells)
            {
                var moved = new List<string>();
                if (!cell.NewStudyIds.IsEmpty) moved.Add("new: " + string.Join(", ", cell.NewStudyIds));
                if (!cell.LeftStudyIds.IsEmpty) moved.Add("no longer: " + string.Join(", ", cell.LeftStudyIds));
                sheet.Row().Text(cell.Row, CellStyle.Wrapped).Text(cell.Column, CellStyle.Wrapped)
                    .Text(string.Create(c, $"{cell.PreviousStudies} → {cell.CurrentStudies}") + (cell.GapFilled ? " (a gap filled)" : cell.GapOpened ? " (now a gap)" : ""), CellStyle.Wrapped)
                    .Text(string.Join("; ", moved), CellStyle.Wrapped);
            }

            var headlines = changes.Shares.Where(s => s.HeadlineChanged).ToList();
            Heading(sheet, string.Create(c, $"Headlines that changed ({headlines.Count})"));
            if (headlines.Count == 0) None(sheet, "Every headline on the Summary sheet reads as before.");
            foreach (var share in headlines)
            {
                int first = sheet.RowNumber + 1;
                sheet.Row().Text((share.Design == DesignGroup.Rct ? "RCTs, " : changes.IncludesQualitative ? "All designs, " : "Quantitative studies, ") + share.Outcome.Name, CellStyle.Bold);
                sheet.Merge($"A{sheet.RowNumber}:D{sheet.RowNumber}");
                Sentence(sheet, "Previous", share.PreviousHeadline ?? "No headline: no study reported a direction of effect.");
                Sentence(sheet, "Now", share.CurrentHeadline ?? "No headline: no study reported a direction of effect.");
                sheet.KeepTogether(first, sheet.RowNumber);
            }
        });

    /// <summary>A section's heading, kept on one page with the (up to) three rows after it, so it never ends a page alone.</summary>
    private static void Heading(WorksheetWriter sheet, string text)
    {
        sheet.Row();
        sheet.Row().Text(text, CellStyle.Heading);
        sheet.Merge($"A{sheet.RowNumber}:D{sheet.RowNumber}");
        sheet.KeepTogether(sheet.RowNumber, sheet.RowNumber + 3);
    }

    private static void None(WorksheetWriter sheet, string text)
    {
        sheet.Row().Text(text, CellStyle.Note);
        sheet.Merge($"A{sheet.RowNumber}:D{sheet.RowNumber}");
    }

    private static void Count(WorksheetWriter sheet, string label, int? count, bool bold = false)
    {
        sheet.Row().Text(label, bold ? CellStyle.Bold : CellStyle.Default);
        sheet.Merge($"A{sheet.RowNumber}:C{sheet.RowNumber}");
        sheet.Skip(2);
        if (count is { } n) sheet.Integer(n, bold ? CellStyle.CountBold : CellStyle.Count);
        else sheet.Text("not reported", CellStyle.Note);
    }

    private static void StudyRow(WorksheetWriter sheet, Study study)
    {
        sheet.Row().Text(study.Id, CellStyle.Wrapped).Text(study.Design.Label(), CellStyle.Wrapped).Text(study.Citation.ToString(), CellStyle.Wrapped);
        sheet.Merge($"C{sheet.RowNumber}:D{sheet.RowNumber}");
    }

    private static void Sentence(WorksheetWriter sheet, string label, string sentence)
    {
        sheet.Row().Text(label, CellStyle.Note).Text(sentence, CellStyle.Wrapped);
        sheet.Merge($"B{sheet.RowNumber}:D{sheet.RowNumber}");
    }
}
