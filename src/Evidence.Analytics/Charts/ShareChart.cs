using System.Globalization;
using System.Text;

namespace Evidence.Analytics;

/// <summary>Shares with confidence intervals: outcome domains (or intervention types) ranked by the share of studies
/// reporting improvement, each a dot with its interval and its numerator and denominator printed.</summary>
/// <remarks>The picture of "the share of RCTs reporting improved social connection". Rows follow the
/// <see cref="ConsistencyRanking"/> (lower confidence limit first), so the most reliably positive outcome is on top.
/// A dashed line marks 50%, where improvement and no improvement are equally common. The interval method and level are
/// stated on the chart; small denominators give wide intervals, which is the point of showing them.</remarks>
public sealed class ShareChart : Chart
{
    internal ShareChart(ConsistencyRanking ranking, ChartOptions? options)
        : base(TitleFor(ranking), options ?? ChartOptions.Default)
    {
        Ranking = ranking;
    }

    /// <summary>The ranking drawn.</summary>
    public ConsistencyRanking Ranking { get; }

    private static string TitleFor(ConsistencyRanking? ranking)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        var share = ranking.Entries.IsEmpty ? null : ranking.Entries[0].Share;
        string who = share is null ? "studies" : ShareWording.Studies(share, 2);
        string what = ShareWording.Found(share?.Direction ?? Direction.Improved);
        return $"Share of {who} reporting {what}, by {ranking.By.Label().ToLowerInvariant()}";
    }

    /// <summary>The denominator's name: "quantitative studies that reported a direction".</summary>
    private string Denominator => Ranking.Entries.IsEmpty ? "studies that reported a direction" : ShareWording.Denominator(Ranking.Entries[0].Share);

    /// <summary>The numerator's name: "improved".</summary>
    private string Numerator => (Ranking.Entries.IsEmpty ? Direction.Improved : Ranking.Entries[0].Share.Direction).Label();

    /// <summary>The qualitative studies reported beside each row, or "" when none are.</summary>
    private string QualitativeNote
    {
        get
        {
            var rows = Ranking.Entries.Where(e => e.Share.Qualitative.Total > 0)
                .Select(e => e.Label + ": " + ShareWording.QualitativeBeside(e.Share.Qualitative)).ToList();
            return rows.Count == 0 ? "" : "Qualitative studies are not counted (vote counting is for quantitative effect estimates); beside them: " + string.Join("; ", rows) + ".";
        }
    }

    private string IntervalText => Ranking.Entries.IsEmpty
        ? "No study reported a direction."
        : string.Create(CultureInfo.InvariantCulture, $"{Ranking.Entries[0].Share.Level * 100:0.##}% confidence intervals ({Ranking.Entries[0].Share.Method.Label()}); ranked by the lower limit.");

    /// <inheritdoc />
    public override string Description
    {
        get
        {
            var text = new StringBuilder(Title).Append(". ").Append(IntervalText).Append(' ');
            text.Append(CultureInfo.InvariantCulture, $"{Numerator} of {Denominator}: ");
            text.AppendJoin("; ", Ranking.Entries.Select(e => string.Create(CultureInfo.InvariantCulture,
                $"{e.Label}: {e.Share.Numerator} of {e.Share.Denominator} ({e.Share.Proportion:0%}, {e.Share.Lower:0%} to {e.Share.Upper:0%})")));
            if (!Ranking.NoEvidence.IsEmpty) text.Append(". No studies: ").AppendJoin(", ", Ranking.NoEvidence);
            text.Append('.');
            if (QualitativeNote.Length > 0) text.Append(' ').Append(QualitativeNote);
            return text.ToString();
        }
    }

    private protected override string Kind => "shares";

    private protected override (double Width, double Height) Render(SvgBuilder svg, double width)
    {
        double margin = Options.Margin, size = Options.FontSize, small = size * 0.9;
        double y = DrawHeading(svg, width, IntervalText);
        var entries = Ranking.Entries;

        double labelMax = Math.Min((width - 2 * margin) * 0.3, entries.Select(e => TextMetrics.Width(e.Label, size)).DefaultIfEmpty(40).Max());
        var labels = entries.Select(e => TextMetrics.Wrap(e.Label, labelMax, size, maxLines: 3)).ToList();
        double labelWidth = labels.Select(l => SvgBuilder.BlockWidth(l, size)).DefaultIfEmpty(0).Max() + 12;
        string[] values = [.. entries.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Share.Numerator}/{e.Share.Denominator} ({e.Share.Proportion:0%})"))];
        string valueHeader = Numerator + " / reported a direction";
        double valueWidth = values.Select(v => TextMetrics.Width(v, small)).Append(TextMetrics.Width(valueHeader, small, true)).Max() + 16;
        double plotLeft = margin + labelWidth + 8, plotRight = width - margin - valueWidth;
        var x = new LinearScale(0, 1, plotLeft, plotRight);
        double rowHeight = Math.Max(28, labels.Select(l => SvgBuilder.BlockHeight(l.Count, size) + 8).DefaultIfEmpty(0).Max());

        SvgBuilder.Text(svg.Body, plotRight + 10, SvgBuilder.Baseline(y, small), valueHeader, new TextStyle(small, Bold: true), "column-label");
        y += SvgBuilder.BlockHeight(1, small) + 2;
        double plotTop = y, plotBottom = y + rowHeight * Math.Max(1, entries.Length);
        double[] ticks = [0, 0.2, 0.4, 0.6, 0.8, 1];
        var grid = SvgBuilder.Group(svg.Body, "grid");
        foreach (double tick in ticks)
            SvgBuilder.Add(grid, "line", ("x1", x[tick]), ("x2", x[tick]), ("y1", plotTop), ("y2", plotBottom), ("stroke", Palette.Grid), ("stroke-width", 1));
        SvgBuilder.Add(grid, "line", ("x1", x[0.5]), ("x2", x[0.5]), ("y1", plotTop), ("y2", plotBottom), ("stroke", Palette.Muted), ("stroke-width", 1), ("stroke-dasharray", "4 3"));

        var rows = SvgBuilder.Group(svg.Body, "shares");
        for (int i = 0; i < entries.Length; i++)
        {
            var share = entries[i].Share;
            double top = plotTop + i * rowHeight, cy = top + rowHeight / 2;
            var row = SvgBuilder.Group(rows, "share", ("data-label", entries[i].Label), ("data-numerator", share.Numerator), ("data-denominator", share.Denominator),
                ("data-proportion", share.Proportion?.ToString("R", CultureInfo.InvariantCulture)), ("data-lower", share.Lower?.ToString("R", CultureInfo.InvariantCulture)),
                ("data-upper", share.Upper?.ToString("R", CultureInfo.InvariantCulture)));
            SvgBuilder.Tooltip(row, share.ToString());
            SvgBuilder.Lines(row, plotLeft - 8, cy - SvgBuilder.BlockHeight(labels[i].Count, size) / 2, labels[i], new TextStyle(size, Anchor.End), "category-label");
            if (share.Lower is { } lower && share.Upper is { } upper && share.Proportion is { } p)
            {
                SvgBuilder.Add(row, "line", ("class", "interval"), ("x1", x[lower]), ("x2", x[upper]), ("y1", cy), ("y2", cy), ("stroke", Palette.Blue), ("stroke-width", 2));
                foreach (double end in (double[])[lower, upper])
                    SvgBuilder.Add(row, "line", ("x1", x[end]), ("x2", x[end]), ("y1", cy - 5), ("y2", cy + 5), ("stroke", Palette.Blue), ("stroke-width", 2));
                SvgBuilder.Add(row, "circle", ("class", "estimate"), ("cx", x[p]), ("cy", cy), ("r", 5), ("fill", Palette.Blue), ("stroke", "#ffffff"), ("stroke-width", 1.5));
            }
            SvgBuilder.Text(row, plotRight + 10, cy + 0.35 * small, values[i], new TextStyle(small), "value-label");
        }

        var axis = SvgBuilder.Group(svg.Body, "axis");
        SvgBuilder.Add(axis, "line", ("x1", plotLeft), ("x2", plotRight), ("y1", plotBottom), ("y2", plotBottom), ("stroke", Palette.Ink), ("stroke-width", 1));
        var tickStyle = new TextStyle(small, Anchor.Middle, Fill: Palette.Muted);
        foreach (double tick in ticks)
        {
            SvgBuilder.Add(axis, "line", ("x1", x[tick]), ("x2", x[tick]), ("y1", plotBottom), ("y2", plotBottom + 4), ("stroke", Palette.Ink), ("stroke-width", 1));
            SvgBuilder.Text(axis, x[tick], SvgBuilder.Baseline(plotBottom + 5, small), tick.ToString("0%", CultureInfo.InvariantCulture), tickStyle, "tick-label");
        }
        double titleTop = plotBottom + 6 + SvgBuilder.BlockHeight(1, small);
        SvgBuilder.Text(axis, (plotLeft + plotRight) / 2, SvgBuilder.Baseline(titleTop, size),
            $"{Numerator}, as a share of the {Denominator}", new TextStyle(size, Anchor.Middle), "axis-title");
        y = titleTop + SvgBuilder.BlockHeight(1, size) + size * 0.5;
        double threshold = entries.IsEmpty ? WithinStudyDirection.DefaultThreshold : entries[0].Share.WithinStudyThreshold;
        string note = string.Create(CultureInfo.InvariantCulture,
            $"Each study counts once per row: its outcomes give one direction when at least {threshold:0%} of them agree, otherwise mixed. The denominator is the {Denominator}; studies that measured the outcome without reporting one are left out.");
        if (QualitativeNote.Length > 0) note += " " + QualitativeNote;
        if (!Ranking.NoEvidence.IsEmpty) note += " No study reported a direction for: " + string.Join(", ", Ranking.NoEvidence) + ".";
        y = DrawNote(svg, width, y, note);
        return (width, y + margin);
    }
}
