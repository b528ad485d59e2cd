namespace Evidence.Analytics;

// The parts of a realist synthesis a notebook shows on their own: realist["PI01"], realist.Themes, realist.Features.

[TypeFormatterSource(typeof(DisplayFormatterSource<ConfigurationSupport>))]
public sealed partial class ConfigurationSupport : IHtmlDisplayable
{
    /// <summary>The configuration and its distinct support as HTML: context, mechanism, outcome, themes, then each
    /// supporting study with its design and programmes.</summary>
    /// <remarks>A self-contained fragment (scoped CSS, encoded text, no scripts). The study list is capped.</remarks>
    public string ToHtml() => Document().ToHtml();

    string IHtmlDisplayable.ToPlainText() => Document().ToPlainText();

    private DisplayDocument Document()
    {
        var c = Configuration;
        var cmo = new DisplayTable("", "Part", "Text")
            .Add("Context", c.Context).Add("Mechanism", c.Mechanism).Add("Outcome", c.Outcome)
            .Add("Themes", string.Join("; ", c.Themes));
        var studies = new DisplayTable("Distinct supporting studies", "Study", "Design", "Programmes") { MaxRows = 40 };
        foreach (var study in Studies)
            studies.Add(study.Id, study.Design.Label(), string.Join("; ", Programmes.Where(p => study.InterventionIds.Contains(p.Id, StringComparer.OrdinalIgnoreCase)).Select(p => $"{p.Id} {p.Name}")));
        return new DisplayDocument($"CMO configuration {c.Id} ({c.Family.Name})").Lead(ToString() + ".").Table(cmo).Table(studies)
            .Note("Each study counts once however often the configuration cites it; two studies of one programme are two studies but one programme.");
    }
}

[TypeFormatterSource(typeof(DisplayFormatterSource<ThemeFamilyMatrix>))]
public sealed partial class ThemeFamilyMatrix : IHtmlDisplayable
{
    /// <summary>The matrix as an HTML table: one row per theme, configurations per family, distinct studies per theme.</summary>
    /// <remarks>A self-contained fragment (scoped CSS, encoded text, no scripts).</remarks>
    public string ToHtml() => Document().ToHtml();

    string IHtmlDisplayable.ToPlainText() => Document().ToPlainText();

    private DisplayDocument Document()
    {
        var table = new DisplayTable("Configurations per theme and family", ["Theme", .. Families.Select(f => "#" + f.Name), "#Studies"]) { MaxRows = 80 };
        foreach (string theme in Themes)
            table.Add([theme, .. Families.Select(f => (object)Count(theme, f)), StudyCount(theme)]);
        var document = new DisplayDocument("CMO themes by configuration family")
            .Lead($"{Themes.Length} themes across {Families.Length} families.")
            .Table(table);
        if (!Untagged.IsEmpty)
            document.Note("Configurations without a theme: " + string.Join(", ", Untagged.Select(c => c.Id)) + ".");
        return document.Note("A configuration tagged with two themes counts in both rows; Studies counts each distinct study once per theme, across families.");
    }
}

[TypeFormatterSource(typeof(DisplayFormatterSource<FeatureCooccurrence>))]
public sealed partial class FeatureCooccurrence : IHtmlDisplayable
{
    /// <summary>The comparison as an HTML table: each feature's share of the programmes behind each family and of the
    /// programmes behind none of the focus family.</summary>
    /// <remarks>A self-contained fragment (scoped CSS, encoded text, no scripts).</remarks>
    public string ToHtml() => new DisplayDocument("Programme features behind each configuration family").Table(Table()).Note(Caveat).ToHtml();

    string IHtmlDisplayable.ToPlainText() => new DisplayDocument("Programme features behind each configuration family").Table(Table()).Note(Caveat).ToPlainText();

    internal const string Caveat = "A programme is behind a family when any of its studies supports one of the family's configurations; feature shares describe co-occurrence, not cause.";

    /// <summary>The feature table, also shown inside the realist synthesis.</summary>
    internal DisplayTable Table()
    {
        string without = "No " + Focus.Name.ToLowerInvariant();
        var table = new DisplayTable($"Programme features behind each family (last column: {without.ToLowerInvariant()})",
            ["Feature", .. Families.Select(f => f.Name), without]);
        foreach (var row in Rows)
            table.Add([row.Feature.ToString(), .. row.ByFamily.Select(s => (object)s.ToString()), row.WithoutFocus.ToString()]);
        return table;
    }
}
