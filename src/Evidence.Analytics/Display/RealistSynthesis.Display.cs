namespace Evidence.Analytics;

[TypeFormatterSource(typeof(DisplayFormatterSource<RealistSynthesis>))]
public sealed partial class RealistSynthesis : IHtmlDisplayable
{
    /// <summary>The analysis as HTML: the headline, configurations, studies and programmes per family, each configuration's
    /// distinct support, and the programme features behind each family.</summary>
    /// <remarks>A self-contained fragment (scoped CSS, encoded text, no scripts). Long tables are capped.</remarks>
    public string ToHtml() => Document().ToHtml();

    string IHtmlDisplayable.ToPlainText() => Document().ToPlainText();

    private DisplayDocument Document()
    {
        var document = new DisplayDocument("Realist synthesis: " + Review.Title).Lead(ToString().Split('\n')[0] + ".");
        var families = new DisplayTable("Configurations by family", "Family", "#Configurations", "#Studies", "#Programmes");
        foreach (var tally in FamilyTallies)
            families.Add(tally.Family.Name, tally.Configurations, tally.Studies, tally.Programmes);
        families.Total("All families", Configurations.Length, StudyCount, ProgrammeCount);
        var configurations = new DisplayTable("Each configuration's support", "Configuration", "Family", "Themes", "#Studies", "#Programmes", "Designs");
        foreach (var support in Configurations)
        {
            var c = support.Configuration;
            configurations.Add(c.Id, c.Family.Name, string.Join("; ", c.Themes), support.StudyCount, support.ProgrammeCount, string.Join(", ", support.Designs));
        }
        document.Table(families).Table(configurations);
        document.Table(Features.Table());
        return document.Note("Studies and programmes are counted once each: two studies of one programme supporting a configuration are two studies but one programme. " +
            FeatureCooccurrence.Caveat);
    }
}
