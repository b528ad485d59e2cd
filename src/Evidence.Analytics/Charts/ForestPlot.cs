using System.Globalization;
using System.Xml.Linq;

namespace Evidence.Analytics;

/// <summary>A forest plot of a meta-analysis: one row per study with its estimate and confidence interval, a square
/// sized by the study's weight, the pooled estimate as a diamond, the prediction interval, and heterogeneity.</summary>
/// <remarks>The axis is on the analysis scale but labelled on the natural one: ratios (RR, OR) on a log axis labelled
/// 0.5, 1, 2; correlations and logit proportions labelled as correlations and proportions. Square areas are
/// proportional to the weights. Intervals beyond the axis end in an arrow.</remarks>
public sealed class ForestPlot : Chart
{
    private readonly string[] _labels;

    internal ForestPlot(MetaAnalysis analysis, IReadOnlyList<string>? studyLabels, ChartOptions? options, string? subject = null)
        : base("Forest plot", options ?? ChartOptions.Default)
    {
        Subject = subject;
        ArgumentNullException.ThrowIfNull(analysis);
        if (studyLabels is not null && studyLabels.Count != analysis.StudyCount)
            throw new ArgumentException($"There are {studyLabels.Count} study labels for {analysis.StudyCount} studies.", nameof(studyLabels));
        Analysis = analysis;
        _labels = studyLabels?.Select(l => l ?? "").ToArray()
            ?? Enumerable.Range(1, analysis.StudyCount).Select(i => "Study " + i.ToString(CultureInfo.InvariantCulture)).ToArray();
    }

    /// <summary>What was pooled, when the plot says so ("Mental health, Social support (EPDS)"), or null.</summary>
    public string? Subject { get; }

    /// <summary>The meta-analysis drawn.</summary>
    public MetaAnalysis Analysis { get; }

    /// <summary>The study labels, one per row.</summary>
    public IReadOnlyList<string> StudyLabels => _labels;

    /// <inheritdoc />
    public override string Description
    {
        get
        {
            var m = Analysis;
            string text = Invariant($"Forest plot of {m.StudyCount} studies{(Subject is null ? "" : " on " + Subject)}. Pooled {m.Measure.Label().ToLowerInvariant()} {MetaAnalysisText.Natural(m.Measure, m.Estimate)} ({m.Options.Level:0%} CI {MetaAnalysisText.Natural(m.Measure, m.Lower)} to {MetaAnalysisText.Natural(m.Measure, m.Upper)})");
            if (m.PredictionLower is { } pl && m.PredictionUpper is { } pu)
                text += Invariant($"; prediction interval {MetaAnalysisText.Natural(m.Measure, pl)} to {MetaAnalysisText.Natural(m.Measure, pu)}");
            return text + ". " + MetaAnalysisText.HeterogeneityLine(m) + ".";
        }
    }

    private protected override string Kind => "forest";

    private protected override (double Width, double Height) Render(SvgBuilder svg, double width)
    {
        var m = Analysis;
        double margin = Options.Margin, size = Options.FontSize, small = size * 0.9;
        string model = m.Estimator == TauSquaredEstimator.EqualEffects ? "equal-effects model" : $"random-effects model ({m.Estimator.Code()})";
        double y = DrawHeading(svg, width, (Subject is null ? "" : Subject + ": ") + Invariant($"{m.Measure.Label()}, {model}, {m.Options.Level:0%} confidence intervals; squares sized by weight"));

        string Interval(double estimate, double lower, double upper) =>
            $"{MetaAnalysisText.Natural(m.Measure, estimate)} [{MetaAnalysisText.Natural(m.Measure, lower)}, {MetaAnalysisText.Natural(m.Measure, upper)}]";
        var rows = Enumerable.Range(0, m.StudyCount).Select(i =>
        {
            var (lower, upper) = m.Studies[i].ConfidenceInterval(m.Options.Level);
            return (Label: _labels[i], m.Studies[i].Estimate, Lower: lower, Upper: upper, Text: Interval(m.Studies[i].Estimate, lower, upper),
                Weight: m.Weights[i].ToString("0.0", CultureInfo.InvariantCulture) + "%");
        }).ToArray();
        string pooledLabel = m.Estimator == TauSquaredEstimator.EqualEffects ? "Pooled (equal effects)" : "Pooled (random effects)";
        string pooledText = Interval(m.Estimate, m.Lower, m.Upper);

        double labelWidth = Math.Min(260, rows.Select(r => TextMetrics.Width(r.Label, small)).Append(TextMetrics.Width(pooledLabel, small, true)).Max()) + 10;
        string textHeader = Invariant($"{m.Measure.Label()} [{m.Options.Level:0%} CI]");
        double textWidth = rows.Select(r => TextMetrics.Width(r.Text, small)).Append(TextMetrics.Width(pooledText, small, true))
            .Append(TextMetrics.Width(textHeader, small, true)).Max() + 12;
        double weightWidth = TextMetrics.Width("100.0%", small) + 12;
        double plotWidth = Math.Max(200, width - 2 * margin - labelWidth - textWidth - weightWidth);
        width = Math.Max(width, 2 * margin + labelWidth + plotWidth + textWidth + weightWidth);
        double xPlot = margin + labelWidth, xText = xPlot + plotWidth + 8, xWeight = xText + textWidth + weightWidth - 6;

        var axis = ForestAxis.For(m.Measure, rows.Select(r => r.Lower).Concat(rows.Select(r => r.Estimate))
            .Append(m.PredictionLower ?? m.Lower).Append(m.Lower).Append(m.Estimate),
            rows.Select(r => r.Upper).Concat(rows.Select(r => r.Estimate)).Append(m.PredictionUpper ?? m.Upper).Append(m.Upper).Append(m.Estimate));
        var scale = new LinearScale(axis.Min, axis.Max, xPlot + 6, xPlot + plotWidth - 6);

        // Column headers.
        var headerStyle = new TextStyle(small, Bold: true);
        var header = SvgBuilder.Group(svg.Body, "column-headers");
        double baselineHeader = y + small;
        SvgBuilder.Text(header, margin, baselineHeader, "Study", headerStyle);
        SvgBuilder.Text(header, xText, baselineHeader, textHeader, headerStyle);
        SvgBuilder.Text(header, xWeight, baselineHeader, "Weight", headerStyle with { Anchor = Anchor.End });
        y = baselineHeader + 6;
        SvgBuilder.Add(header, "line", ("x1", margin), ("x2", xWeight), ("y1", y), ("y2", y), ("stroke", Palette.Ink), ("stroke-width", 1));

        double rowHeight = Math.Max(20, SvgBuilder.BlockHeight(1, small) + 5);
        double top = y + 4;
        double maxWeight = m.Weights.Max();
        var body = SvgBuilder.Group(svg.Body, "studies");
        var cell = new TextStyle(small);
        for (int i = 0; i < rows.Length; i++)
        {
            var r = rows[i];
            double cy = top + (i + 0.5) * rowHeight, baseline = cy + 0.35 * small;
            var row = SvgBuilder.Group(body, "study-row", ("data-estimate", r.Estimate.ToString("R", CultureInfo.InvariantCulture)),
                ("data-weight", m.Weights[i].ToString("R", CultureInfo.InvariantCulture)));
            SvgBuilder.Text(row, margin, baseline, TextMetrics.Wrap(r.Label, labelWidth - 10, small, maxLines: 1)[0], cell);
            DrawInterval(row, scale, axis, r.Lower, r.Upper, cy, Palette.Ink);
            double side = Math.Max(3, (rowHeight - 4) * Math.Sqrt(m.Weights[i] / maxWeight));
            if (r.Estimate >= axis.Min && r.Estimate <= axis.Max)
            {
                var square = SvgBuilder.Add(row, "rect", ("class", "study-weight"), ("x", scale[r.Estimate] - side / 2), ("y", cy - side / 2),
                    ("width", side), ("height", side), ("fill", Palette.Blue));
                SvgBuilder.Tooltip(square, $"{r.Label}: {r.Text}, weight {r.Weight}");
            }
            SvgBuilder.Text(row, xText, baseline, r.Text, cell);
            SvgBuilder.Text(row, xWeight, baseline, r.Weight, cell with { Anchor = Anchor.End });
        }
        double bodyBottom = top + rows.Length * rowHeight;

        // Pooled diamond and prediction interval.
        var pooled = SvgBuilder.Group(svg.Body, "pooled", ("data-estimate", m.Estimate.ToString("R", CultureInfo.InvariantCulture)));
        double py = bodyBottom + 4 + rowHeight / 2, h = rowHeight * 0.35;
        double left = scale[Math.Max(axis.Min, m.Lower)], right = scale[Math.Min(axis.Max, m.Upper)], centre = scale[m.Estimate];
        var diamond = SvgBuilder.Add(pooled, "path", ("class", "pooled-diamond"),
            ("d", $"M{P(left, py)}L{P(centre, py - h)}L{P(right, py)}L{P(centre, py + h)}Z"), ("fill", Palette.Ink));
        SvgBuilder.Tooltip(diamond, $"{pooledLabel}: {pooledText}");
        SvgBuilder.Text(pooled, margin, py + 0.35 * small, pooledLabel, cell with { Bold = true });
        SvgBuilder.Text(pooled, xText, py + 0.35 * small, pooledText, cell with { Bold = true });
        SvgBuilder.Text(pooled, xWeight, py + 0.35 * small, "100%", cell with { Anchor = Anchor.End, Bold = true });
        double afterPooled = py + rowHeight / 2;
        if (m.PredictionLower is { } pl && m.PredictionUpper is { } pu)
        {
            double piY = afterPooled + rowHeight / 2;
            var pi = SvgBuilder.Group(svg.Body, "prediction-interval");
            DrawInterval(pi, scale, axis, pl, pu, piY, Palette.Vermillion, whiskers: true);
            string piText = $"[{MetaAnalysisText.Natural(m.Measure, pl)}, {MetaAnalysisText.Natural(m.Measure, pu)}]";
            SvgBuilder.Text(pi, margin, piY + 0.35 * small, "Prediction interval", cell with { Fill = Palette.Vermillion });
            SvgBuilder.Text(pi, xText, piY + 0.35 * small, piText, cell);
            afterPooled = piY + rowHeight / 2;
        }

        // Axis, reference lines and ticks.
        var axisGroup = SvgBuilder.Group(svg.Body, "axis");
        double axisY = afterPooled + 6;
        double noEffect = m.Measure.NoEffect();
        if (!double.IsNaN(noEffect) && noEffect >= axis.Min && noEffect <= axis.Max)
            SvgBuilder.Add(axisGroup, "line", ("class", "no-effect"), ("x1", scale[noEffect]), ("x2", scale[noEffect]), ("y1", top), ("y2", axisY), ("stroke", Palette.Ink), ("stroke-width", 1));
        SvgBuilder.Add(axisGroup, "line", ("class", "pooled-line"), ("x1", centre), ("x2", centre), ("y1", top), ("y2", axisY),
            ("stroke", Palette.Muted), ("stroke-width", 1), ("stroke-dasharray", "4 3"));
        SvgBuilder.Add(axisGroup, "line", ("x1", scale[axis.Min]), ("x2", scale[axis.Max]), ("y1", axisY), ("y2", axisY), ("stroke", Palette.Ink), ("stroke-width", 1));
        foreach (var (value, label) in axis.Ticks)
        {
            double tx = scale[value];
            SvgBuilder.Add(axisGroup, "line", ("x1", tx), ("x2", tx), ("y1", axisY), ("y2", axisY + 4), ("stroke", Palette.Ink), ("stroke-width", 1));
            SvgBuilder.Text(axisGroup, tx, axisY + 5 + small, label, new TextStyle(small, Anchor.Middle), "tick-label");
        }
        double axisLabelBaseline = axisY + 8 + 2 * small;
        SvgBuilder.Text(axisGroup, scale[(axis.Min + axis.Max) / 2], axisLabelBaseline,
            m.Measure.IsLogRatio() ? m.Measure.Label() + " (log scale)" : m.Measure.Label(), new TextStyle(small, Anchor.Middle, Fill: Palette.Muted));

        y = DrawNote(svg, width, axisLabelBaseline + size * 0.8, MetaAnalysisText.HeterogeneityLine(m) + "; " + MetaAnalysisText.TestLine(m) + ".");
        return (width, y + margin);
    }

    private static void DrawInterval(XElement parent, LinearScale scale, ForestAxis axis, double lower, double upper, double cy, string colour, bool whiskers = false)
    {
        double x1 = scale[Math.Max(axis.Min, lower)], x2 = scale[Math.Min(axis.Max, upper)];
        SvgBuilder.Add(parent, "line", ("class", "interval"), ("x1", x1), ("x2", x2), ("y1", cy), ("y2", cy), ("stroke", colour), ("stroke-width", whiskers ? 2 : 1.2));
        foreach (var (x, clipped, direction) in new[] { (x1, lower < axis.Min, -1), (x2, upper > axis.Max, 1) })
        {
            if (clipped)
                SvgBuilder.Add(parent, "path", ("class", "clipped"), ("d", $"M{P(x + direction * 5, cy)}L{P(x, cy - 3.5)}L{P(x, cy + 3.5)}Z"), ("fill", colour));
            else if (whiskers)
                SvgBuilder.Add(parent, "line", ("x1", x), ("x2", x), ("y1", cy - 4), ("y2", cy + 4), ("stroke", colour), ("stroke-width", 2));
        }
    }

    private static string P(double x, double y) => SvgBuilder.Num(x) + "," + SvgBuilder.Num(y);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A forest or funnel plot's effect axis: its range on the analysis scale and ticks labelled on the natural one.</summary>
internal sealed record ForestAxis(double Min, double Max, IReadOnlyList<(double Value, string Label)> Ticks)
{
    private static readonly double[] RatioTicks = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

    /// <summary>An axis covering the values, with the measure's no-effect line inside it.</summary>
    public static ForestAxis For(EffectMeasure measure, IEnumerable<double> lows, IEnumerable<double> highs)
    {
        double min = lows.Where(double.IsFinite).DefaultIfEmpty(0).Min(), max = highs.Where(double.IsFinite).DefaultIfEmpty(1).Max();
        double noEffect = measure.NoEffect();
        if (!double.IsNaN(noEffect))
        {
            min = Math.Min(min, noEffect);
            max = Math.Max(max, noEffect);
        }
        if (!(max > min)) (min, max) = (min - 1, max + 1);
        if (measure.IsLogRatio())
        {
            // From the largest 1-2-5 ratio at or below the lowest value to the smallest at or above the highest; only the
            // powers of ten when that makes more than 9 ticks.
            double lo = RatioTicks.LastOrDefault(t => Math.Log(t) <= min, RatioTicks[0]), hi = RatioTicks.FirstOrDefault(t => Math.Log(t) >= max, RatioTicks[^1]);
            var ticks = RatioTicks.Where(t => t >= lo && t <= hi).ToList();
            if (ticks.Count > 9) ticks = ticks.Where(IsPowerOfTen).ToList();
            return new ForestAxis(Math.Log(lo), Math.Log(hi), ticks.Select(t => (Math.Log(t), Format(t))).ToList());
        }
        if (measure is EffectMeasure.FisherZ or EffectMeasure.LogitProportion)
        {
            // Ticks at nice correlations or proportions, placed at their z or logit.
            Func<double, double> toAnalysis = measure == EffectMeasure.FisherZ ? Math.Atanh : p => Math.Log(p / (1 - p));
            var inside = LinearScale.NiceTicks(measure.ToNaturalScale(min), measure.ToNaturalScale(max), 6)
                .Where(t => Math.Abs(t) < 1 - 1e-9 && (measure == EffectMeasure.FisherZ || t > 1e-9)).ToList();
            double lo = Math.Min(min, inside.Count > 0 ? toAnalysis(inside[0]) : min), hi = Math.Max(max, inside.Count > 0 ? toAnalysis(inside[^1]) : max);
            return new ForestAxis(lo, hi, inside.Select(t => (toAnalysis(t), Format(t))).ToList());
        }
        var linear = LinearScale.NiceTicks(min, max, 6);
        return new ForestAxis(linear[0], linear[^1], linear.Select(t => (t, Format(t))).ToList());
    }

    private static bool IsPowerOfTen(double value) => Math.Abs(Math.Log10(value) - Math.Round(Math.Log10(value))) < 1e-9;

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture).Replace("-", "−", StringComparison.Ordinal);
}
