using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace Evidence.Analytics;

/// <summary>The size band of a study's sample in an effect direction plot: large &gt; 300, medium 50–300, small &lt; 50.</summary>
public enum SampleSizeBand
{
    /// <summary>Fewer than 50 participants.</summary>
    Small,
    /// <summary>50 to 300 participants.</summary>
    Medium,
    /// <summary>More than 300 participants.</summary>
    Large,
    /// <summary>The study did not report its sample size (drawn as an outline).</summary>
    NotReported,
}

/// <summary>An effect direction plot (Thomson &amp; Thomas 2013, revised by Hilton Boon &amp; Thomson 2021): one row per
/// study, one column per outcome domain, an arrow for the direction of effect sized by sample, rows tinted by risk of
/// bias, and a vote-count summary per domain.</summary>
/// <remarks>
/// <para>▲ positive impact, ▼ negative impact, ◄► no difference, mixed or conflicting. Statistical significance is not shown,
/// following the 2021 revision. Arrow size is the sample-size band (&gt; 300, 50–300, &lt; 50); a study that did not report
/// its sample is drawn in outline. Risk of bias is printed in its own column as well as tinting the row.</para>
/// <para>Within a study, several outcomes in one domain give one arrow by the 70% rule (a parameter): the direction at
/// least that share of them agree on, otherwise ◄►.</para>
/// <para>The summary row gives, per domain, the studies improved out of the studies that reported a direction (the
/// share's denominator, as in the workbook and <c>evidence share</c>), then the sign test's improved against worsened
/// (no difference and mixed are left out of it) and its P value. Qualitative studies are not rows and do not vote
/// unless asked for (vote counting is for quantitative effect estimates); the summary row and the note report them
/// beside each domain. The sign test treats studies as exchangeable, which Nikolakopoulos (2020) warns is rarely
/// true: read it as a description, not an inference.</para>
/// </remarks>
public sealed partial class EffectDirectionPlot : Chart
{
    internal EffectDirectionPlot(EvidenceBase evidence, double threshold, ChartOptions? options, bool includeQualitative = false)
        : base("Effect direction plot", options ?? ChartOptions.Default)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        WithinStudyDirection.CheckThreshold(threshold);
        Threshold = threshold;
        IncludesQualitative = includeQualitative;
        _votes = DomainVotes.Of(evidence, threshold, includeQualitative);
        Domains = [.. _votes.Domains.Select(d => d.Domain)];
        var withFindings = _votes.Domains.SelectMany(d => d.Share.Studies).Select(s => s.StudyId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Studies = [.. evidence.Studies.Where(s => withFindings.Contains(s.Id))
            .Select((s, i) => (s, i)).OrderBy(p => p.s.DesignGroup).ThenBy(p => p.i).Select(p => p.s)];
        if (IsAggregated) _typeRows = TypeRows(evidence);
    }

    private readonly DomainVotes _votes;

    /// <summary>The studies, one row each: RCTs first, then qualitative (only when they vote), then other designs, each in evidence order.</summary>
    public ImmutableArray<Study> Studies { get; }

    /// <summary>Whether the plot has more studies than <see cref="ChartOptions.MaxStudyRows"/> and so draws one row per
    /// intervention type, with the number of studies in each direction, instead of one row per study.</summary>
    public bool IsAggregated => Studies.Length > Options.MaxStudyRows;

    /// <summary>The outcome domains, one column each, in vocabulary order.</summary>
    public ImmutableArray<OutcomeDomain> Domains { get; }

    /// <summary>The share of a study's outcomes in a domain that must agree for one arrow.</summary>
    /// <value>The default is 0.7 (the 70% rule).</value>
    public double Threshold { get; }

    /// <summary>Whether qualitative studies are rows and vote; by default they are reported beside each domain.</summary>
    public bool IncludesQualitative { get; }

    /// <summary>The direction drawn for a study and domain, or null when the study has no finding in it.</summary>
    public Direction? DirectionOf(Study study, OutcomeDomain domain)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(domain);
        return _votes.DirectionOf(study.Id, domain);
    }

    /// <summary>The vote count of a domain: the share of studies improved among those that reported a direction, with its
    /// interval, the counts in every direction, the sign test (<see cref="Share.SignTestP"/>) and the qualitative studies
    /// reported beside (<see cref="Share.Qualitative"/>), as the statistics layer computes it.</summary>
    /// <exception cref="ArgumentException">The domain is not a column of the plot.</exception>
    public Share VoteCount(OutcomeDomain domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        foreach (var (d, share) in _votes.Domains)
            if (d == domain) return share;
        throw new ArgumentException($"'{domain}' is not a column of this effect direction plot.", nameof(domain));
    }

    /// <summary>The sample-size band of a study.</summary>
    public static SampleSizeBand BandOf(Study study)
    {
        ArgumentNullException.ThrowIfNull(study);
        return study.SampleSize switch
        {
            null => SampleSizeBand.NotReported,
            > 300 => SampleSizeBand.Large,
            >= 50 => SampleSizeBand.Medium,
            _ => SampleSizeBand.Small,
        };
    }

    /// <inheritdoc />
    public override string Description
    {
        get
        {
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"Effect direction plot of {Studies.Length} {(IncludesQualitative ? "studies" : "quantitative studies")} across {Domains.Length} outcome domains. ");
            if (IsAggregated) text.Append(AggregationNote);
            foreach (var domain in Domains)
            {
                var share = VoteCount(domain);
                var counts = share.Counts;
                string beside = ShareWording.QualitativeBeside(share.Qualitative);
                text.Append(CultureInfo.InvariantCulture, $"{domain.Name}: {counts.Improved} of {share.Denominator} {ShareWording.Denominator(share)} improved, {counts.Worsened} worsened, {counts.NoDifference + counts.Mixed} no difference or mixed, sign test {PValues.Statement(share.SignTestP)}{(beside.Length == 0 ? "" : ", " + beside)}. ");
            }
            return text.ToString().TrimEnd();
        }
    }

    private protected override string Kind => "edp";

    private protected override (double Width, double Height) Render(SvgBuilder svg, double width)
    {
        double margin = Options.Margin, size = Options.FontSize, small = size * 0.9;
        double y = DrawHeading(svg, width, "Direction of effect per study and outcome domain, by vote counting (Thomson & Thomas 2013; Hilton Boon & Thomson 2021)" + AggregationSubtitle);
        y += DrawLegend(svg, margin, y, width - 2 * margin, size, perStudy: !IsAggregated) + size;

        var (x0, xDomains, domainWidth, bodyBottom) = IsAggregated
            ? DrawTypeRows(svg, ref width, y)
            : DrawStudyRows(svg, ref width, y);

        // Vote-count summary per domain.
        var summary = SvgBuilder.Group(svg.Body, "summary");
        var summaryStyle = new TextStyle(small, Anchor.Middle);
        // One line per quantity, each named on the left: the share's numerator and denominator, the sign test's counts and
        // P, and the qualitative studies reported beside (when there are any).
        bool beside = Domains.Any(d => VoteCount(d).Qualitative.Total > 0);
        string[] summaryLabel = ["Improved / reported a direction", "Sign test: improved vs worsened", "P (exact, two-sided)",
            .. beside ? (string[])["Qualitative studies, not counted"] : []];
        SvgBuilder.Lines(summary, x0 + 4, bodyBottom + 4, summaryLabel, new TextStyle(small, Bold: true));
        double summaryHeight = SvgBuilder.BlockHeight(summaryLabel.Length, small);
        for (int d = 0; d < Domains.Length; d++)
        {
            var share = VoteCount(Domains[d]);
            var counts = share.Counts;
            int level = counts.NoDifference + counts.Mixed;
            string[] lines =
            [
                string.Create(CultureInfo.InvariantCulture, $"{counts.Improved}/{share.Denominator}"),
                string.Create(CultureInfo.InvariantCulture, $"{counts.Improved} vs {counts.Worsened}"),
                PValues.Statement(share.SignTestP),
                .. beside ? [share.Qualitative.Total.ToString(CultureInfo.InvariantCulture)] : (string[])[],
            ];
            var group = SvgBuilder.Group(summary, "domain-summary", ("data-domain", Domains[d].Name), ("data-improved", counts.Improved),
                ("data-reported", share.Denominator), ("data-worsened", counts.Worsened), ("data-no-difference-or-mixed", level),
                ("data-qualitative", share.Qualitative.Total), ("data-sign-test-p", share.SignTestP.ToString("R", CultureInfo.InvariantCulture)));
            SvgBuilder.Lines(group, xDomains + (d + 0.5) * domainWidth, bodyBottom + 4, lines, summaryStyle);
        }
        y = bodyBottom + 8 + summaryHeight + size * 0.5;
        string qualitative = string.Join("; ", Domains.Select(d => (d, Text: ShareWording.QualitativeBeside(VoteCount(d).Qualitative)))
            .Where(p => p.Text.Length > 0).Select(p => p.d.Name + ": " + p.Text[5..]));
        y = DrawNote(svg, width, y, AggregationNote + string.Create(CultureInfo.InvariantCulture,
            $"One arrow per study and domain: the direction at least {Threshold:0%} of its outcomes share, otherwise ◄►. {(IsAggregated ? "" : "Arrow size: sample size (large > 300, medium 50–300, small < 50; outline: not reported). ")}NR: direction not reported. Improved / reported a direction: the studies improved out of the {(IncludesQualitative ? "studies" : "quantitative studies")} that reported a direction on the outcome, as in the workbook's shares. Sign test: exact two-sided, on studies improved against worsened; it treats studies as independent and equal (Nikolakopoulos 2020), so read it as a description, not a test of effect.")
            + (qualitative.Length == 0 ? "" : " Qualitative studies are not rows and are not counted (vote counting is for quantitative effect estimates): " + qualitative + "."));
        return (width, y + margin);
    }

    /// <summary>Draws the column headers, one row per study and the grid below <paramref name="y"/>.</summary>
    private (double X0, double XDomains, double DomainWidth, double BodyBottom) DrawStudyRows(SvgBuilder svg, ref double width, double y)
    {
        double margin = Options.Margin, small = Options.FontSize * 0.9;
        var studyLabels = Studies.Select(s => $"{s.Id} {s.Citation.ShortLabel}").ToList();
        double studyWidth = Math.Min(220, studyLabels.Select(l => TextMetrics.Width(l, small)).DefaultIfEmpty(40).Max()) + 8;
        double designWidth = Studies.Select(s => TextMetrics.Width(s.Design.Label(), small)).Append(TextMetrics.Width("Design", small, true)).Max() + 10;
        double nWidth = Math.Max(TextMetrics.Width("99999", small), TextMetrics.Width("n", small, true)) + 10;
        double robWidth = TextMetrics.Width("Some concerns", small) + 10;
        double fixedWidth = studyWidth + designWidth + nWidth + robWidth;
        double domainWidth = Math.Max(74, (width - 2 * margin - fixedWidth) / Math.Max(1, Domains.Length));
        width = Math.Max(width, 2 * margin + fixedWidth + domainWidth * Domains.Length);

        double x0 = margin, xDesign = x0 + studyWidth, xN = xDesign + designWidth, xRob = xN + nWidth, xDomains = xRob + robWidth;
        double right = xDomains + domainWidth * Domains.Length;

        // Column headers, bottom-aligned.
        var headerStyle = new TextStyle(small, Bold: true);
        var domainHeaders = Domains.Select(d => TextMetrics.Wrap(d.Name, domainWidth - 8, small, bold: true, maxLines: 3)).ToList();
        double headerHeight = SvgBuilder.BlockHeight(Math.Max(1, domainHeaders.Select(h => h.Count).DefaultIfEmpty(1).Max()), small) + 6;
        var header = SvgBuilder.Group(svg.Body, "column-headers");
        double headerBottom = y + headerHeight;
        double lastLineTop = headerBottom - 4 - SvgBuilder.BlockHeight(1, small);
        SvgBuilder.Lines(header, x0 + 4, lastLineTop, ["Study"], headerStyle);
        SvgBuilder.Lines(header, xDesign + 4, lastLineTop, ["Design"], headerStyle);
        SvgBuilder.Lines(header, xN + nWidth - 6, lastLineTop, ["n"], headerStyle with { Anchor = Anchor.End });
        SvgBuilder.Lines(header, xRob + 4, lastLineTop, ["Risk of bias"], headerStyle);
        for (int d = 0; d < Domains.Length; d++)
        {
            double top = headerBottom - 4 - SvgBuilder.BlockHeight(domainHeaders[d].Count, small);
            SvgBuilder.Lines(header, xDomains + (d + 0.5) * domainWidth, top, domainHeaders[d], headerStyle with { Anchor = Anchor.Middle }, "domain-label");
        }
        SvgBuilder.Add(header, "line", ("x1", x0), ("x2", right), ("y1", headerBottom), ("y2", headerBottom), ("stroke", Palette.Ink), ("stroke-width", 1));

        double rowHeight = Math.Max(22, SvgBuilder.BlockHeight(1, small) + 6);
        var body = SvgBuilder.Group(svg.Body, "rows");
        var cellStyle = new TextStyle(small);
        for (int r = 0; r < Studies.Length; r++)
        {
            var study = Studies[r];
            double top = headerBottom + r * rowHeight, middle = top + rowHeight / 2, baseline = middle + 0.35 * small;
            var row = SvgBuilder.Group(body, "study-row", ("data-study", study.Id),
                ("data-risk-of-bias", study.RiskOfBias?.Label() ?? "Not assessed"), ("data-sample-band", BandOf(study).ToString()));
            SvgBuilder.Add(row, "rect", ("x", x0), ("y", top), ("width", right - x0), ("height", rowHeight), ("fill", Palette.Tint(study.RiskOfBias)));
            SvgBuilder.Text(row, x0 + 4, baseline, TextMetrics.Wrap(studyLabels[r], studyWidth - 8, small, maxLines: 1)[0], cellStyle);
            SvgBuilder.Text(row, xDesign + 4, baseline, study.Design.Label(), cellStyle);
            SvgBuilder.Text(row, xN + nWidth - 6, baseline, study.SampleSize?.ToString(CultureInfo.InvariantCulture) ?? "NR", cellStyle with { Anchor = Anchor.End });
            SvgBuilder.Text(row, xRob + 4, baseline, study.RiskOfBias?.Label() ?? "Not assessed", cellStyle);
            for (int d = 0; d < Domains.Length; d++)
            {
                if (DirectionOf(study, Domains[d]) is not { } direction) continue;
                double cx = xDomains + (d + 0.5) * domainWidth;
                if (direction == Direction.NotReported)
                {
                    SvgBuilder.Text(row, cx, baseline, "NR", cellStyle with { Anchor = Anchor.Middle, Fill = Palette.Muted }, "not-reported");
                    continue;
                }
                var symbol = Symbol(row, direction, BandOf(study), cx, middle);
                symbol.SetAttributeValue("data-domain", Domains[d].Name);
                SvgBuilder.Tooltip(symbol, $"{study.Id}, {Domains[d].Name}: {direction.Label()}");
            }
        }
        double bodyBottom = headerBottom + Studies.Length * rowHeight;
        var grid = SvgBuilder.Group(svg.Body, "grid");
        foreach (double gx in (double[])[xDesign, xN, xRob, .. Enumerable.Range(0, Domains.Length).Select(d => xDomains + d * domainWidth)])
            SvgBuilder.Add(grid, "line", ("x1", gx), ("x2", gx), ("y1", y), ("y2", bodyBottom), ("stroke", "#ffffff"), ("stroke-width", 1.5));
        SvgBuilder.Add(grid, "line", ("x1", x0), ("x2", right), ("y1", bodyBottom), ("y2", bodyBottom), ("stroke", Palette.Ink), ("stroke-width", 1));

        return (x0, xDomains, domainWidth, bodyBottom);
    }

    private static double SymbolSize(SampleSizeBand band) => band switch
    {
        SampleSizeBand.Large => 16,
        SampleSizeBand.Small => 8,
        _ => 12,
    };

    /// <summary>Draws ▲, ▼ or ◄► centred on (cx, cy) as a path, so the shape never depends on a font.</summary>
    private static XElement Symbol(XElement parent, Direction direction, SampleSizeBand band, double cx, double cy)
    {
        double s = SymbolSize(band), h = s / 2;
        string d = direction switch
        {
            Direction.Improved => $"M{P(cx, cy - h)}L{P(cx + h, cy + h)}L{P(cx - h, cy + h)}Z",
            Direction.Worsened => $"M{P(cx, cy + h)}L{P(cx + h, cy - h)}L{P(cx - h, cy - h)}Z",
            _ => $"M{P(cx - 1.5 - h, cy)}L{P(cx - 1.5, cy - h * 0.8)}L{P(cx - 1.5, cy + h * 0.8)}Z M{P(cx + 1.5 + h, cy)}L{P(cx + 1.5, cy - h * 0.8)}L{P(cx + 1.5, cy + h * 0.8)}Z",
        };
        bool outline = band == SampleSizeBand.NotReported;
        return SvgBuilder.Add(parent, "path", ("class", "effect-symbol"), ("d", d),
            ("fill", outline ? "#ffffff" : Palette.Ink), ("stroke", Palette.Ink), ("stroke-width", outline ? 1.2 : 0),
            ("data-direction", direction.ToString()), ("data-sample-band", band.ToString()));
    }

    private static string P(double x, double y) => SvgBuilder.Num(x) + "," + SvgBuilder.Num(y);

    private static double DrawLegend(SvgBuilder svg, double x, double top, double maxWidth, double size, bool perStudy)
    {
        LegendItem Arrow(string label, Direction direction, SampleSizeBand band) =>
            new(label, (parent, box) => Symbol(parent, direction, band, box.X + box.Width / 2, box.Y + box.Height / 2), 18);
        LegendItem Tint(string label, RiskOfBias? risk) => new(label, (parent, box) => SvgBuilder.Add(parent, "rect",
            ("x", box.X), ("y", box.Y), ("width", box.Width), ("height", box.Height), ("fill", Palette.Tint(risk)), ("stroke", Palette.Muted), ("stroke-width", 0.5)));
        double height = Legend.Draw(svg.Body, x, top, maxWidth,
        [
            Arrow("Positive impact", Direction.Improved, SampleSizeBand.Medium),
            Arrow("Negative impact", Direction.Worsened, SampleSizeBand.Medium),
            Arrow("No difference / mixed", Direction.Mixed, SampleSizeBand.Medium),
        ], size * 0.9, "Direction");
        if (!perStudy) return height;
        height += 4;
        height += Legend.Draw(svg.Body, x, top + height, maxWidth,
        [
            Arrow("> 300", Direction.Improved, SampleSizeBand.Large),
            Arrow("50–300", Direction.Improved, SampleSizeBand.Medium),
            Arrow("< 50", Direction.Improved, SampleSizeBand.Small),
            Arrow("Not reported", Direction.Improved, SampleSizeBand.NotReported),
        ], size * 0.9, "Sample size");
        height += 4;
        height += Legend.Draw(svg.Body, x, top + height, maxWidth,
        [
            Tint("Low", RiskOfBias.Low), Tint("Some concerns", RiskOfBias.SomeConcerns), Tint("High", RiskOfBias.High), Tint("Not assessed", null),
        ], size * 0.9, "Risk of bias (row)");
        return height;
    }
}
