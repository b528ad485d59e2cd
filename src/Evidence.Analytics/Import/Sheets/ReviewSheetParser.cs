namespace Evidence.Analytics.Import;

/// <summary>Reads the Review sheet: Field/Value rows giving the review's Title and Notes.</summary>
internal sealed class ReviewSheetParser : SheetParser
{
    private static readonly Vocabulary<string> Fields = new("review field",
    [
        ("Title", "Title", ["review title", "name"]),
        ("Notes", "Notes", ["note", "caveat", "caveats"]),
    ]);

    public override WorkbookSheet Format => WorkbookFormat.Review;

    public override void ReadRow(RowReader row, ImportContext context)
    {
        string? field = row.Required("Field");
        string? value = row.Required("Value");
        if (field is null) return;
        if (!Fields.TryParse(field, out string canonical))
        {
            row.Problem(ProblemKind.UnknownVocabulary, "Field", field, Fields.UnknownMessage(field));
            return;
        }
        if (row.HasErrors || value is null) return;
        if (canonical == "Title")
        {
            if (context.ReviewTitle is not null)
                row.Problem(ProblemKind.DuplicateId, "Field", field, "The review's Title is given twice; keep one row.");
            else
                context.ReviewTitle = value;
        }
        else
        {
            // Several Notes rows are joined, so a long caveat can be split over rows.
            context.ReviewNotes = context.ReviewNotes is null ? value : context.ReviewNotes + Environment.NewLine + value;
        }
    }
}
