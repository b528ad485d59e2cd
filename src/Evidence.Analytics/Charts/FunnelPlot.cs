using System.Globalization;
using MathNet.Numerics.Distributions;

namespace Evidence.Analytics;

/// <summary>A funnel plot of a meta-analysis: each study's estimate against its standard error (smallest at the top),
/// with the pseudo-confidence funnel around the pooled estimate, optional significance contours, and the studies
/// trim-and-fill imputes drawn open.</summary>
/// <remarks>The contour-enhanced version (Peters et al. 2008) shades where a study would be significant against no effect
/// at P &lt; 0.10, 0.05 and 0.01, so asymmetry caused by missing non-significant studies can be told from other causes.</remarks>
public sealed class FunnelPlot : Chart
{
    internal FunnelPlot(MetaAnalysis analysis, bool contours, TrimAndFill? trimAndFill, ChartOptions? options)
        : base("Funnel plot", options ?? ChartOptions.Default)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        Analysis = analysis;
        Contours = contours && !double.IsNaN(analysis.Measure.NoEffect());
        Filled = trimAndFill?.Filled ?? [];
    }

    /// <summary>The meta-analysis drawn.</summary>
    public MetaAnalysis Analysis { get; }

    /// <summary>Whether the significance contours are drawn.</summary>
    public bool Contours { get; }

    /// <summary>The studies imputed by trim-and-fill, drawn as open circles (none unless given).</summary>
    public IReadOnlyList<EffectSize> Filled { get; }

    /// <inheritdoc />
    public override string Description =>
        FormattableString.Invariant($"Funnel plot of {Analysis.StudyCount} studies: {Analysis.Measure.Label().ToLowerInvariant()} against standard error, around the pooled estimate {MetaAnalysisText.Natural(Analysis.Measure, Analysis.Estimate)}")
        + (Filled.Count > 0 ? FormattableString.Invariant($"; {Filled.Count} studies imputed by trim-and-fill drawn open.") : ".")
        + (Contours ? " Shaded contours: significance against no effect at P < 0.10, 0.05 and 0.01." : "");

    private protected override string Kind => "funnel";

    private protected override (double Width, double Height) Render(SvgBuilder svg, double width)
    {
        var m = Analysis;
        double margin = Options.Margin, size = Options.FontSize, small = size * 0.9;
        double y = DrawHeading(svg, width, $"{m.Measure.Label()} against its standard error; lines: pooled estimate and its 95% pseudo-confidence funnel");
        var all = m.Studies.Concat(Filled).ToArray();
        double maxSe = all.Max(s => s.StandardError) * 1.05;
        double z = Normal.InvCDF(0, 1, 0.975);
        double noEffect = m.Measure.NoEffect();
        var lows = all.Select(s => s.Estimate).Append(m.Estimate - z * maxSe);
        var highs = all.Select(s => s.Estimate).Append(m.Estimate + z * maxSe);
        if (Contours)
        {
            double outer = Normal.InvCDF(0, 1, 0.995) * maxSe;
            lows = lows.Append(noEffect - outer);
            highs = highs.Append(noEffect + outer);
        }
        var axis = ForestAxis.For(m.Measure, lows, highs);

        // Legend above the plot.
        var items = new List<LegendItem>
        {
            new("Study", (parent, box) => SvgBuilder.Add(parent, "circle", ("cx", box.X + box.Width / 2), ("cy", box.Y + box.Height / 2), ("r", 4), ("fill", Palette.Blue))),
        };
        if (Filled.Count > 0)
            items.Add(new("Imputed by trim-and-fill", (parent, box) => SvgBuilder.Add(parent, "circle", ("cx", box.X + box.Width / 2), ("cy", box.Y + box.Height / 2), ("r", 4),
                ("fill", "#ffffff"), ("stroke", Palette.Vermillion), ("stroke-width", 1.5))));
        if (Contours)
            foreach (var (label, shade) in ContourShades)
                items.Add(new(label, (parent, box) => SvgBuilder.Add(parent, "rect", ("x", box.X), ("y", box.Y), ("width", box.Width), ("height", box.Height), ("fill", shade), ("stroke", Palette.Muted), ("stroke-width", 0.5))));
        y += Legend.Draw(svg.Body, margin, y, width - 2 * margin, items, small) + size * 0.5;

        double axisLabelWidth = TextMetrics.Width("Standard error", small) + 8;
        double yTickWidth = TextMetrics.Width("0.000", small) + 8;
        double left = margin + axisLabelWidth + yTickWidth, right = width - margin - 8;
        double plotTop = y + 4, plotHeight = Math.Clamp((right - left) * 0.7, 220, 480), plotBottom = plotTop + plotHeight;
        var xs = new LinearScale(axis.Min, axis.Max, left, right);
        var ys = new LinearScale(0, maxSe, plotTop, plotBottom);
        string Pt(double x, double se) => SvgBuilder.Num(xs[Math.Clamp(x, axis.Min, axis.Max)]) + "," + SvgBuilder.Num(ys[se]);

        var plot = SvgBuilder.Group(svg.Body, "plot-area");
        SvgBuilder.Add(plot, "rect", ("x", left), ("y", plotTop), ("width", right - left), ("height", plotHeight), ("fill", Contours ? ContourShades[2].Shade : Palette.Faint));
        if (Contours)
        {
            // Outside every triangle P < 0.01 (the background); each triangle from the no-effect line, widest first, is the
            // region where |y − 0|/SE is below z at P = 0.01, 0.05 and 0.10, so what stays visible of each is its band.
            var contours = SvgBuilder.Group(plot, "contours");
            (double P, string Fill)[] bands = [(0.01, ContourShades[1].Shade), (0.05, ContourShades[0].Shade), (0.10, "#ffffff")];
            foreach (var (p, fill) in bands)
            {
                double zc = Normal.InvCDF(0, 1, 1 - p / 2);
                SvgBuilder.Add(contours, "path", ("class", "contour"), ("data-p", p.ToString("0.##", CultureInfo.InvariantCulture)),
                    ("d", $"M{Pt(noEffect, 0)}L{Pt(noEffect - zc * maxSe, maxSe)}L{Pt(noEffect + zc * maxSe, maxSe)}Z"), ("fill", fill));
            }
        }
        var funnel = SvgBuilder.Group(plot, "funnel");
        SvgBuilder.Add(funnel, "path", ("class", "pseudo-ci"), ("d", $"M{Pt(m.Estimate - z * maxSe, maxSe)}L{Pt(m.Estimate, 0)}L{Pt(m.Estimate + z * maxSe, maxSe)}"),
            ("fill", "none"), ("stroke", Palette.Ink), ("stroke-width", 1), ("stroke-dasharray", "4 3"));
        SvgBuilder.Add(funnel, "line", ("class", "pooled-line"), ("x1", xs[m.Estimate]), ("x2", xs[m.Estimate]), ("y1", plotTop), ("y2", plotBottom), ("stroke", Palette.Ink), ("stroke-width", 1));

        var points = SvgBuilder.Group(plot, "studies");
        foreach (var study in m.Studies)
        {
            var dot = SvgBuilder.Add(points, "circle", ("class", "study"), ("cx", xs[Math.Clamp(study.Estimate, axis.Min, axis.Max)]), ("cy", ys[study.StandardError]), ("r", 4),
                ("fill", Palette.Blue), ("fill-opacity", 0.85), ("stroke", "#ffffff"), ("stroke-width", 0.8));
            SvgBuilder.Tooltip(dot, $"{MetaAnalysisText.Natural(m.Measure, study.Estimate)}, SE {study.StandardError.ToString("0.###", CultureInfo.InvariantCulture)}");
        }
        foreach (var study in Filled)
            SvgBuilder.Add(points, "circle", ("class", "imputed"), ("cx", xs[Math.Clamp(study.Estimate, axis.Min, axis.Max)]), ("cy", ys[study.StandardError]), ("r", 4),
                ("fill", "#ffffff"), ("stroke", Palette.Vermillion), ("stroke-width", 1.5));

        // Axes.
        var axes = SvgBuilder.Group(svg.Body, "axis");
        SvgBuilder.Add(axes, "line", ("x1", left), ("x2", right), ("y1", plotBottom), ("y2", plotBottom), ("stroke", Palette.Ink), ("stroke-width", 1));
        SvgBuilder.Add(axes, "line", ("x1", left), ("x2", left), ("y1", plotTop), ("y2", plotBottom), ("stroke", Palette.Ink), ("stroke-width", 1));
        foreach (var (value, label) in axis.Ticks)
        {
            SvgBuilder.Add(axes, "line", ("x1", xs[value]), ("x2", xs[value]), ("y1", plotBottom), ("y2", plotBottom + 4), ("stroke", Palette.Ink), ("stroke-width", 1));
            SvgBuilder.Text(axes, xs[value], plotBottom + 5 + small, label, new TextStyle(small, Anchor.Middle), "tick-label");
        }
        foreach (double se in LinearScale.NiceTicks(0, maxSe, 5).Where(t => t <= maxSe + 1e-12))
        {
            SvgBuilder.Add(axes, "line", ("x1", left - 4), ("x2", left), ("y1", ys[se]), ("y2", ys[se]), ("stroke", Palette.Ink), ("stroke-width", 1));
            SvgBuilder.Text(axes, left - 6, ys[se] + 0.35 * small, se.ToString("0.###", CultureInfo.InvariantCulture), new TextStyle(small, Anchor.End), "tick-label");
        }
        var yLabel = SvgBuilder.Text(axes, margin + small, (plotTop + plotBottom) / 2, "Standard error", new TextStyle(small, Anchor.Middle, Fill: Palette.Muted));
        yLabel.SetAttributeValue("transform", $"rotate(-90 {SvgBuilder.Num(margin + small)} {SvgBuilder.Num((plotTop + plotBottom) / 2)})");
        double xLabelBaseline = plotBottom + 8 + 2 * small;
        SvgBuilder.Text(axes, (left + right) / 2, xLabelBaseline, m.Measure.IsLogRatio() ? m.Measure.Label() + " (log scale)" : m.Measure.Label(),
            new TextStyle(small, Anchor.Middle, Fill: Palette.Muted));
        return (width, xLabelBaseline + size * 0.5 + margin);
    }

    private static readonly (string Label, string Shade)[] ContourShades =
    [
        ("0.05 < P < 0.10", "#e6e6e6"),
        ("0.01 < P < 0.05", "#c8c8c8"),
        ("P < 0.01", "#a6a6a6"),
    ];
}

/// <summary>The charts of a meta-analysis.</summary>
public static class MetaAnalysisCharts
{
    /// <summary>A forest plot of the meta-analysis, one row per study labelled by <paramref name="studyLabels"/>
    /// ("Study 1", … when null).</summary>
    /// <exception cref="ArgumentException">The labels are not one per study.</exception>
    public static ForestPlot ForestPlot(this MetaAnalysis analysis, IReadOnlyList<string>? studyLabels = null, ChartOptions? options = null) =>
        new(analysis, studyLabels, options);

    /// <summary>A forest plot of a review's pooled findings: each study labelled by its id and citation, the pool's
    /// outcome domain, intervention type and instrument named above the plot.</summary>
    public static ForestPlot ForestPlot(this PooledFindings pool, ChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(pool);
        string subject = pool.Domain.Name + ", " + pool.InterventionType.Name + (pool.OutcomeMeasure is null ? "" : " (" + pool.OutcomeMeasure + ")");
        return new(pool.Analysis, [.. pool.Studies.Select(s => $"{s.Id} {s.Citation.ShortLabel}")], options, subject);
    }

    /// <summary>A funnel plot of the meta-analysis, contour-enhanced if <paramref name="contours"/>, with the studies of
    /// <paramref name="trimAndFill"/> drawn open if given.</summary>
    public static FunnelPlot FunnelPlot(this MetaAnalysis analysis, bool contours = false, TrimAndFill? trimAndFill = null, ChartOptions? options = null) =>
        new(analysis, contours, trimAndFill, options);
}
