using System.Globalization;
using System.Text;

namespace Evidence.Analytics;

/// <summary>How a share is put into words wherever the library reports one (the Summary sheet, charts, the CLI), so
/// every sentence, axis title and header names the same denominator: the studies that reported a direction, of the
/// designs counted ("quantitative studies", "RCTs"), with the qualitative studies reported beside.</summary>
internal static class ShareWording
{
    /// <summary>The studies counted, by design: "RCT"/"RCTs", "quantitative study"/"quantitative studies" (qualitative
    /// studies reported beside), "study"/"studies" (qualitative studies included), "qualitative study"/"qualitative studies",
    /// "study of another design"/"studies of other designs".</summary>
    public static string Studies(Share share, int count)
    {
        ArgumentNullException.ThrowIfNull(share);
        bool one = count == 1;
        // The CLI's --design filters rather than passing a design: one design group named there is the design too.
        var design = share.Design ?? (!share.Filter.DesignGroups.IsDefaultOrEmpty && share.Filter.DesignGroups.Length == 1 ? share.Filter.DesignGroups[0] : null);
        return design switch
        {
            DesignGroup.Rct => one ? "RCT" : "RCTs",
            DesignGroup.Qualitative => one ? "qualitative study" : "qualitative studies",
            DesignGroup.Other => one ? "study of another design" : "studies of other designs",
            _ when share.IncludesQualitative => one ? "study" : "studies",
            _ => one ? "quantitative study" : "quantitative studies",
        };
    }

    /// <summary>The studies that measured the outcome: "studies" when qualitative studies are among them, else as <see cref="Studies"/>.</summary>
    public static string MeasuredStudies(Share share, int count) =>
        share.Qualitative.Total > 0 ? (count == 1 ? "study" : "studies") : Studies(share, count);

    /// <summary>The denominator's name: "quantitative studies that reported a direction", "RCTs that reported a direction".</summary>
    public static string Denominator(Share share) => Studies(share, 2) + " that reported a direction";

    /// <summary>What the numerator's studies found: "improvement", "no difference", "worsening", "mixed results".</summary>
    public static string Found(Direction direction) => direction switch
    {
        Direction.Improved => "improvement",
        Direction.NoDifference => "no difference",
        Direction.Worsened => "worsening",
        Direction.Mixed => "mixed results",
        _ => "no direction",
    };

    /// <summary>"plus 6 qualitative studies describing improvement", "plus 3 qualitative studies (2 describing improvement,
    /// 1 describing mixed results)", or "" when no qualitative study is reported beside.</summary>
    public static string QualitativeBeside(DirectionCounts qualitative)
    {
        int total = qualitative.Total;
        if (total == 0) return "";
        var parts = Enum.GetValues<Direction>().Where(d => qualitative[d] > 0)
            .Select(d => (Count: qualitative[d], Text: d == Direction.NotReported ? "describing no direction" : "describing " + Found(d)))
            .ToList();
        string studies = string.Create(CultureInfo.InvariantCulture, $"plus {total} qualitative {(total == 1 ? "study" : "studies")}");
        return parts.Count == 1
            ? studies + " " + parts[0].Text
            : studies + " (" + string.Join(", ", parts.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Count} {p.Text}"))) + ")";
    }

    /// <summary>A label as it reads inside a sentence: sentence-case labels in lower case ("social connection"), acronyms
    /// kept ("RCT", "EPDS").</summary>
    public static string InSentence(string label) =>
        label.Length > 1 && char.IsUpper(label[0]) && !char.IsUpper(label[1]) ? char.ToLowerInvariant(label[0]) + label[1..] : label;

    /// <summary>A headline in plain words, naming its denominator: "13 of 16 quantitative studies that reported a direction
    /// of effect on social connection found improvement (81%, 95% CI 57–93%), plus 6 qualitative studies describing
    /// improvement." With studies that measured the outcome without reporting a direction, "; 1 more quantitative study
    /// measured it without reporting a direction" before the full stop.</summary>
    /// <param name="share">The share.</param>
    /// <param name="outcome">The outcome as it reads inside a sentence ("social connection").</param>
    public static string Headline(Share share, string outcome)
    {
        ArgumentNullException.ThrowIfNull(share);
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        if (share.Interval is { } p)
        {
            text.Append(c, $"{share.Numerator} of {share.Denominator} {Studies(share, share.Denominator)} that reported a direction of effect on {outcome} found {Found(share.Direction)} ")
                .Append(c, $"({p.Estimate * 100:0}%, {share.Level * 100:0.##}% CI {p.Lower * 100:0}–{p.Upper * 100:0}%)");
        }
        else
        {
            text.Append(c, $"No {Studies(share, 1)} reported a direction of effect on {outcome}");
        }
        string beside = QualitativeBeside(share.Qualitative);
        if (beside.Length > 0) text.Append(", ").Append(beside);
        if (share.NotReported > 0)
            text.Append(c, $"; {share.NotReported} more {Studies(share, share.NotReported)} measured it without reporting a direction");
        return text.Append('.').ToString();
    }
}
