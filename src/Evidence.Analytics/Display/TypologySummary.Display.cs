namespace Evidence.Analytics;

[TypeFormatterSource(typeof(DisplayFormatterSource<TypologySummary>))]
public sealed partial class TypologySummary : IHtmlDisplayable
{
    /// <summary>The typology as HTML: interventions and studies per Kimberlee level, then each intervention with the
    /// reason for its level.</summary>
    /// <remarks>A self-contained fragment (scoped CSS, encoded text, no scripts). The intervention list is capped.</remarks>
    public string ToHtml() => Document().ToHtml();

    string IHtmlDisplayable.ToPlainText() => Document().ToPlainText();

    /// <summary>The level table alone, for summaries that show it beside others.</summary>
    internal DisplayTable LevelTable()
    {
        var table = new DisplayTable("Social-prescribing level (Kimberlee)", "Level", "#Interventions", "#Studies");
        foreach (var level in Levels.Where(l => l.Level != TypologyLevel.Unclassifiable || l.Interventions > 0))
            table.Add(level.Level.Label(), level.Interventions, level.Studies);
        return table;
    }

    private DisplayDocument Document()
    {
        var interventions = new DisplayTable("Interventions", "Intervention", "Level", "Why", "#Studies") { MaxRows = 40 };
        foreach (var entry in Interventions)
            interventions.Add($"{entry.InterventionId} {entry.Name}", entry.Classification.Level.Label(), entry.Classification.Reason, entry.Studies);
        return new DisplayDocument("Kimberlee social-prescribing typology")
            .Table(LevelTable())
            .Table(interventions)
            .Note("Levels are derived from the coded link-worker, needs-assessment, follow-up and referral attributes unless the reviewer coded one; a study evaluating interventions at two levels counts at both.");
    }
}
