namespace Evidence.Analytics;

[TypeFormatterSource(typeof(DisplayFormatterSource<EvidenceBase>))]
public sealed partial class EvidenceBase : IHtmlDisplayable
{
    /// <summary>A summary of the evidence base as HTML tables: studies by design, intervention type, typology level
    /// and outcome domain.</summary>
    /// <remarks>A self-contained fragment (scoped CSS, encoded text, no scripts) for notebooks and reports; notebooks
    /// show it automatically when an evidence base is the value of a cell.</remarks>
    public string ToHtml() => EvidenceBaseSummary.Create(this).ToHtml();

    /// <summary>The same summary as plain text.</summary>
    public string ToSummaryText() => EvidenceBaseSummary.Create(this).ToPlainText();

    string IHtmlDisplayable.ToPlainText() => ToSummaryText();
}
