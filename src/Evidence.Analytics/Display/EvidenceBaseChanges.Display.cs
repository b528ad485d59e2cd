using System.Globalization;

namespace Evidence.Analytics;

[TypeFormatterSource(typeof(DisplayFormatterSource<EvidenceBaseChanges>))]
public sealed partial class EvidenceBaseChanges : IHtmlDisplayable
{
    /// <summary>The changes as HTML: the PRISMA previous / new / total counts, then tables of the studies added, removed
    /// and recoded (field by field), the map cells whose studies changed and the shares that changed.</summary>
    /// <remarks>A self-contained fragment (scoped CSS, encoded text, no scripts). Long lists are capped.</remarks>
    public string ToHtml() => Document().ToHtml();

    string IHtmlDisplayable.ToPlainText() => Document().ToPlainText();

    private DisplayDocument Document()
    {
        var c = CultureInfo.InvariantCulture;
        var document = new DisplayDocument($"What changed: {Previous.Review.Title} → {Current.Review.Title}")
            .Lead(string.Create(c, $"{Counts}. {Changed.Length} studies recoded; {Cells.Length} map cells and {Shares.Length} shares changed."));
        var studies = new DisplayTable("Studies added and removed", "Change", "Study", "Design", "Citation") { MaxRows = 60 };
        foreach (var study in Added) studies.Add("Added", study.Id, study.Design.Label(), study.Citation.ToString());
        foreach (var study in Removed) studies.Add("Removed", study.Id, study.Design.Label(), study.Citation.ToString());
        if (studies.RowCount > 0) document.Table(studies);
        var recoded = new DisplayTable("Studies recoded", "Study", "Field", "Previous", "Now") { MaxRows = 80 };
        foreach (var study in Changed)
            foreach (var field in study.Changes) recoded.Add(study.Current.Id, field.Field, field.Previous ?? "(blank)", field.Current ?? "(blank)");
        if (recoded.RowCount > 0) document.Table(recoded);
        var cells = new DisplayTable(string.Create(c, $"Map cells whose studies changed ({CurrentMap.Rows.Label()} × {CurrentMap.Columns.Label()})"),
            "Cell", "#Previous", "#Now", "New studies", "No longer in the cell") { MaxRows = 60 };
        foreach (var cell in Cells)
            cells.Add($"{cell.Row} × {cell.Column}", cell.PreviousStudies, cell.CurrentStudies, string.Join(", ", cell.NewStudyIds), string.Join(", ", cell.LeftStudyIds));
        if (cells.RowCount > 0) document.Table(cells);
        var shares = new DisplayTable("Shares that changed", "Share", "Previous", "Now", "Headline changed");
        foreach (var share in Shares)
            shares.Add(share.Current.Description, ShareChange.Figure(share.Previous), ShareChange.Figure(share.Current), share.HeadlineChanged ? "yes" : "no");
        if (shares.RowCount > 0) document.Table(shares);
        if (!HasChanges) document.Note("No study was added, removed or recoded.");
        return document.Note("Studies are matched by id, then DOI, then normalised title and year. Map cells count distinct studies; shares are of the studies that reported a direction of effect (vote counting), with Wilson 95% intervals.");
    }
}

// Parts of a comparison a notebook shows on their own: their one-line text.

[TypeFormatterSource(typeof(DisplayFormatterSource<MatchedStudy>))]
public sealed partial class MatchedStudy;

[TypeFormatterSource(typeof(DisplayFormatterSource<StudyFieldChange>))]
public sealed partial record StudyFieldChange;

[TypeFormatterSource(typeof(DisplayFormatterSource<MapCellChange>))]
public sealed partial class MapCellChange;

[TypeFormatterSource(typeof(DisplayFormatterSource<ShareChange>))]
public sealed partial class ShareChange;

[TypeFormatterSource(typeof(DisplayFormatterSource<PrismaUpdateCounts>))]
public sealed partial class PrismaUpdateCounts;
