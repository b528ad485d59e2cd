namespace Evidence.Analytics.Import;

/// <summary>Reads the Studies sheet: one included study per row, checking that its interventions are defined.</summary>
internal sealed class StudiesSheetParser : SheetParser
{
    public override WorkbookSheet Format => WorkbookFormat.Studies;

    public override void ReadRow(RowReader row, ImportContext context)
    {
        string? id = row.Required("Study ID");
        string? authors = row.Required("Authors");
        int? year = row.Year("Year");
        string? title = row.Required("Title");
        string? doi = row.Text("DOI");
        var design = row.Enum("Design", Vocabularies.Design);
        var countries = row.List("Countries");
        var interventions = row.List("Interventions");
        var timing = row.Enum("Timing", Vocabularies.Timing);
        int? months = row.Count("Months after birth");
        int? sampleSize = row.Count("Sample size");
        var publication = row.Enum("Publication type", Vocabularies.PublicationType);
        var risk = row.Enum("Risk of bias", Vocabularies.RiskOfBias);

        if (id is not null && !context.StudyRows.TryAdd(id, (row.RowNumber, interventions)))
            row.Problem(ProblemKind.DuplicateId, "Study ID", id, $"The study ID '{id}' is already used on row {context.StudyRows[id].Row}; each study needs its own ID.");
        if (context.SheetsRead.Contains(WorkbookFormat.Interventions.Name))
        {
            foreach (string intervention in interventions)
            {
                if (!context.InterventionRows.ContainsKey(intervention))
                    row.Problem(ProblemKind.UnknownReference, "Interventions", intervention,
                        $"The intervention '{intervention}' is not on the Interventions sheet; add it there or correct the ID.");
            }
        }
        if (row.HasErrors || id is null || authors is null || year is null || title is null || design is null) return;
        context.Studies.Add(new Study(id, new Citation(authors, year.Value, title, doi), design.Value, countries, interventions, timing, months, sampleSize, publication, risk));
    }
}
