using System.Globalization;

namespace Evidence.Analytics;

[TypeFormatterSource(typeof(DisplayFormatterSource<Share>))]
public sealed partial class Share : IHtmlDisplayable
{
    /// <summary>The share as HTML: the headline ("improved in 13 of 15 RCTs, 87%, 95% CI 62% to 96%"), the studies in
    /// every direction, the sign test, and each study's direction.</summary>
    /// <remarks>A self-contained fragment (scoped CSS, encoded text, no scripts). The study list is capped.</remarks>
    public string ToHtml() => Document().ToHtml();

    string IHtmlDisplayable.ToPlainText() => Document().ToPlainText();

    private DisplayDocument Document()
    {
        var document = new DisplayDocument($"Share of studies {Direction.Label().ToLowerInvariant()}: {Description}").Lead(Headline());
        var counts = new DisplayTable("Studies by direction of effect", "Direction", "#Studies");
        foreach (var direction in Enum.GetValues<Direction>())
            counts.Add(direction == Direction.NotReported ? "Not reported (outside the denominator)" : direction.Label(), Counts[direction]);
        counts.Total("Total", Counts.Total);
        if (Qualitative.Total > 0)
            counts.Add("Qualitative studies (beside, not counted)", Qualitative.Total);
        var studies = new DisplayTable("Each study's direction", "Study", "Direction", "#Findings") { MaxRows = 40 };
        foreach (var study in Studies)
            studies.Add(study.StudyId, study.Direction.Label(), study.Findings);
        document.Table(counts);
        if (!Studies.IsEmpty)
            document.Table(studies);
        return document.Note(string.Create(CultureInfo.InvariantCulture,
            $"Vote counting by direction of effect (Cochrane Handbook ch. 12): each study casts one vote; a study with several findings takes a direction when at least {WithinStudyThreshold:0%} of them agree, otherwise it counts as mixed. The sign test compares improved with worsened only. Vote counting says in how many studies an effect went one way, not how large it was."));
    }

    private string Headline()
    {
        string beside = ShareWording.QualitativeBeside(Qualitative);
        beside = beside.Length == 0 ? "" : " Beside it, not counted: " + beside[5..] + ".";
        if (Interval is not { } p)
            return $"No {ShareWording.Studies(this, 1)} reported a direction of effect.{beside}";
        return string.Create(CultureInfo.InvariantCulture,
            $"{Direction.Label()} in {Numerator} of {Denominator} {ShareWording.Denominator(this)}: {p.Estimate:0%} ({Level:0.##%} CI {p.Lower:0%} to {p.Upper:0%}, {Method.Label()}); sign test {PValues.Statement(SignTestP)}.{beside}");
    }
}
