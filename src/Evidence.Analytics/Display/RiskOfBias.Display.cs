namespace Evidence.Analytics;

[TypeFormatterSource(typeof(DisplayFormatterSource<RiskOfBiasTool>))]
public sealed partial class RiskOfBiasTool : IHtmlDisplayable
{
    /// <summary>The tool as an HTML table of its domains, with the judgements it accepts.</summary>
    /// <remarks>A self-contained fragment (scoped CSS, encoded text, no scripts).</remarks>
    public string ToHtml() => Document().ToHtml();

    string IHtmlDisplayable.ToPlainText() => Document().ToPlainText();

    private DisplayDocument Document()
    {
        var domains = new DisplayTable("Domains", "Code", "Domain");
        foreach (var domain in Domains) domains.Add(domain.Code, domain.Name);
        return new DisplayDocument(Name + (IsGeneric ? " (generic tool)" : ""))
            .Lead("Judgements: " + string.Join("; ", Judgements.Accepted) + ".")
            .Table(domains);
    }
}

[TypeFormatterSource(typeof(DisplayFormatterSource<RiskOfBiasAssessment>))]
public sealed partial class RiskOfBiasAssessment : IHtmlDisplayable
{
    /// <summary>The assessment as an HTML table of each domain's judgement, then the overall judgement and weight.</summary>
    /// <remarks>A self-contained fragment (scoped CSS, encoded text, no scripts).</remarks>
    public string ToHtml() => Document().ToHtml();

    string IHtmlDisplayable.ToPlainText() => Document().ToPlainText();

    private DisplayDocument Document()
    {
        var table = new DisplayTable("Judgement per domain", "Domain", "Judgement");
        for (int i = 0; i < Judgements.Length; i++) table.Add(Tool.Domains[i].ToString(), Judgements[i].Label());
        table.Add("Overall", Overall?.Label() ?? "not given");
        var document = new DisplayDocument($"{StudyId}: {Tool.Name}").Table(table);
        if (Weight is { } weight) document.Note(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Weight {weight:0.###}."));
        return document;
    }
}
