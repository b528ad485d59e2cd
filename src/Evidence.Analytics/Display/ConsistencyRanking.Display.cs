using System.Globalization;

namespace Evidence.Analytics;

[TypeFormatterSource(typeof(DisplayFormatterSource<ConsistencyRanking>))]
public sealed partial class ConsistencyRanking : IHtmlDisplayable
{
    /// <summary>The ranking as an HTML table: rank, label, studies, share with its confidence interval, sign test.</summary>
    /// <remarks>A self-contained fragment (scoped CSS, encoded text, no scripts).</remarks>
    public string ToHtml() => Document().ToHtml();

    string IHtmlDisplayable.ToPlainText() => Document().ToPlainText();

    private DisplayDocument Document()
    {
        string direction = Entries.IsEmpty ? "improved" : Entries[0].Share.Direction.Label().ToLowerInvariant();
        string denominator = Entries.IsEmpty ? "studies that reported a direction" : ShareWording.Denominator(Entries[0].Share);
        var table = new DisplayTable("", "#Rank", By.Label(), "#" + char.ToUpperInvariant(direction[0]) + direction[1..] + " / reported a direction", "#Share", "#CI", "#Sign test P");
        foreach (var entry in Entries)
        {
            var share = entry.Share;
            table.Add(entry.Rank, entry.Label, $"{share.Numerator} of {share.Denominator}",
                string.Create(CultureInfo.InvariantCulture, $"{share.Proportion:0%}"),
                string.Create(CultureInfo.InvariantCulture, $"{share.Lower:0%} to {share.Upper:0%}"),
                PValues.Format(share.SignTestP));
        }
        var document = new DisplayDocument($"{By.Label()} ranked by the share {direction} among the {denominator}").Table(table);
        var beside = Entries.Where(e => e.Share.Qualitative.Total > 0).Select(e => e.Label + ": " + ShareWording.QualitativeBeside(e.Share.Qualitative)).ToList();
        if (beside.Count > 0)
            document.Note("Qualitative studies are not counted (vote counting is for quantitative effect estimates); beside them: " + string.Join("; ", beside) + ".");
        if (!NoEvidence.IsEmpty)
            document.Note("No study reported a direction: " + string.Join(", ", NoEvidence) + ".");
        string method = Entries.IsEmpty ? "" : $" ({Entries[0].Share.Level:0.##%} CI, {Entries[0].Share.Method.Label()})";
        return document.Note($"Ranked by the lower confidence limit{method}, so many agreeing studies rank above a few.");
    }
}
