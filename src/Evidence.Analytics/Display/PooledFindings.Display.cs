using System.Globalization;

namespace Evidence.Analytics;

// The review's findings pooled per outcome domain × intervention type: each pool as its plain-language headline and
// its studies; the whole pooling as one row per pool, then what was left out and why.

[TypeFormatterSource(typeof(DisplayFormatterSource<PooledFindings>))]
public sealed partial class PooledFindings : IHtmlDisplayable
{
    /// <summary>The pool as HTML: its headline, then each study's finding with its estimate, interval and weight.</summary>
    /// <remarks>A self-contained fragment (scoped CSS, encoded text, no scripts).</remarks>
    public string ToHtml() => Document().ToHtml();

    string IHtmlDisplayable.ToPlainText() => Document().ToPlainText();

    private DisplayDocument Document()
    {
        var studies = MetaDisplay.StudyTable("Studies (numbered as below)", Analysis.Studies, Analysis.Options.Level, Analysis.Weights);
        var names = new DisplayTable("Which study is which", "#Number", "Study", "Design");
        for (int i = 0; i < Studies.Length; i++)
            names.Add(i + 1, Studies[i].Id + " " + Studies[i].Citation.ShortLabel, Studies[i].Design.Label());
        return new DisplayDocument(string.Create(CultureInfo.InvariantCulture, $"{Domain.Name}, {InterventionType.Name}: {Analysis.Measure.Label().ToLowerInvariant()}"))
            .Lead(Headline + ".")
            .Table(studies)
            .Table(names)
            .Note(string.Create(CultureInfo.InvariantCulture, $"Random-effects meta-analysis ({Analysis.Estimator.Code()}), one estimate per study."));
    }
}

[TypeFormatterSource(typeof(DisplayFormatterSource<FindingsMetaAnalysis>))]
public sealed partial class FindingsMetaAnalysis : IHtmlDisplayable
{
    /// <summary>The pooling as HTML: one row per pool (outcome domain, intervention type, measure, studies, pooled estimate
    /// with its interval, prediction interval, I²), then every estimate or study left out, with the reason.</summary>
    /// <remarks>A self-contained fragment (scoped CSS, encoded text, no scripts).</remarks>
    public string ToHtml() => Document().ToHtml();

    string IHtmlDisplayable.ToPlainText() => Document().ToPlainText();

    private DisplayDocument Document()
    {
        var document = new DisplayDocument("Meta-analysis of the findings, by outcome domain and intervention type");
        if (Pools.IsEmpty)
            document.Lead("No outcome domain and intervention type has two or more studies with a poolable estimate.");
        else
        {
            var pools = new DisplayTable("Pooled analyses", "Outcome domain", "Intervention type", "Measure", "#Studies", "#Pooled (CI)", "#Prediction interval", "#I²");
            foreach (var pool in Pools)
            {
                var m = pool.Analysis;
                string level = MetaDisplay.Level(m.Options.Level);
                pools.Add(pool.Domain.Name, pool.InterventionType.Name,
                    m.Measure.Label() + (pool.OutcomeMeasure is null ? "" : " (" + pool.OutcomeMeasure + ")"),
                    pool.Studies.Length,
                    MetaDisplay.Natural(m.Measure, m.Estimate) + " (" + level + " CI " + MetaDisplay.Natural(m.Measure, m.Lower) + " to " + MetaDisplay.Natural(m.Measure, m.Upper) + ")",
                    m.PredictionLower is { } low && m.PredictionUpper is { } high ? MetaDisplay.Natural(m.Measure, low) + " to " + MetaDisplay.Natural(m.Measure, high) : "",
                    string.Create(CultureInfo.InvariantCulture, $"{m.Heterogeneity.ISquared:0}%"));
            }
            document.Table(pools);
        }
        if (!Notes.IsEmpty)
        {
            var left = new DisplayTable("Left out of the pooling", "Why");
            foreach (string note in Notes) left.Add(note);
            document.Table(left);
        }
        return document;
    }
}
