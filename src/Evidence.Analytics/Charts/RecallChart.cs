using System.Globalization;
using System.Text;

namespace Evidence.Analytics;

/// <summary>A screening simulation's recall against records screened (ASReview Insights' recall plot): the model's
/// curve, the random-screening diagonal and the best possible order, with the point where 95% recall is reached and the
/// work saved there (WSS@95), and the point where the last relevant record is found.</summary>
/// <remarks>Records screened count from the end of the prior knowledge, as the metrics do; the curve steps up at each
/// relevant record found. The chart's root group carries the numbers drawn as data attributes (<c>data-records</c>,
/// <c>data-relevant</c>, <c>data-wss95</c>, <c>data-wss95-screened</c>, <c>data-wss95-random-screened</c>,
/// <c>data-last-relevant</c>, <c>data-recall-at-10</c>), so a test or a script reads them without parsing paths.</remarks>
public sealed class RecallChart : Chart
{
    private const double TargetRecall = 0.95;

    internal RecallChart(ScreeningSimulation simulation, ChartOptions? options)
        : base(TitleFor(simulation), options ?? ChartOptions.Default)
    {
        Simulation = simulation;
    }

    /// <summary>The simulation drawn.</summary>
    public ScreeningSimulation Simulation { get; }

    private static string TitleFor(ScreeningSimulation? simulation)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        return "Recall against records screened";
    }

    private int Records => Simulation.Labels.Length;

    private int Relevant => Simulation.Curve.Relevant;

    private string Subtitle
    {
        get
        {
            string text = Invariant($"{Simulation.Options.Model.Name}, seed {Simulation.Options.Seed}; {Records:N0} records after {Simulation.Priors.Length} prior, {Simulation.Relevant - Simulation.Options.PriorIncluded} of them relevant.");
            return Simulation.Stop is { } stop
                ? text + Invariant($" Stopped by {stop.Rule} after {stop.Screened:N0} records, prior knowledge included (recall {stop.Recall:0.00}); the curve's recall is of the {Relevant} relevant records found by then.")
                : text;
        }
    }

    /// <inheritdoc />
    public override string Description
    {
        get
        {
            var (_, screened, random) = ScreeningMetrics.WorkSavedPoints(Simulation.Labels, TargetRecall);
            var text = new StringBuilder(Title).Append(". ").Append(Subtitle).Append(' ');
            text.Append(Invariant($"The model's order reached 95% recall after {screened:N0} records, where random screening needs {random:N0}: work saved {Simulation.Wss95:0.000}. "));
            text.Append(Invariant($"Recall after 10% of the records: {Simulation.RecallAt10:0.00}. The last relevant record was found after {Simulation.StepsToLastRelevant:N0} records."));
            return text.ToString();
        }
    }

    private protected override string Kind => "recall";

    private protected override (double Width, double Height) Render(SvgBuilder svg, double width)
    {
        double margin = Options.Margin, size = Options.FontSize, small = size * 0.9;
        var (_, screened95, random95) = ScreeningMetrics.WorkSavedPoints(Simulation.Labels, TargetRecall);
        int last = Simulation.StepsToLastRelevant;
        double y = DrawHeading(svg, width, Subtitle);
        var root = SvgBuilder.Group(svg.Body, "recall-chart", ("data-records", Records), ("data-relevant", Relevant),
            ("data-wss95", Simulation.Wss95.ToString("R", CultureInfo.InvariantCulture)), ("data-wss95-screened", screened95),
            ("data-wss95-random-screened", random95), ("data-last-relevant", last),
            ("data-recall-at-10", Simulation.RecallAt10.ToString("R", CultureInfo.InvariantCulture)));

        string[] percent = ["0%", "20%", "40%", "60%", "80%", "100%"];
        double yAxisWidth = TextMetrics.Width("Recall", size) + TextMetrics.Width("100%", small) + 14;
        double plotLeft = margin + yAxisWidth, plotRight = width - margin;
        double plotTop = y + small / 2, plotBottom = plotTop + Math.Min(420, (plotRight - plotLeft) * 0.6);
        var x = new LinearScale(0, Records, plotLeft, plotRight);
        var r = new LinearScale(0, 1, plotBottom, plotTop);

        var grid = SvgBuilder.Group(root, "grid");
        var xTicks = LinearScale.NiceTicks(0, Records, 7, integers: true).Where(t => t <= Records).ToList();
        for (int i = 0; i <= 5; i++)
            SvgBuilder.Add(grid, "line", ("x1", plotLeft), ("x2", plotRight), ("y1", r[i / 5.0]), ("y2", r[i / 5.0]), ("stroke", Palette.Grid), ("stroke-width", 1));
        foreach (double tick in xTicks)
            SvgBuilder.Add(grid, "line", ("x1", x[tick]), ("x2", x[tick]), ("y1", plotTop), ("y2", plotBottom), ("stroke", Palette.Grid), ("stroke-width", 1));

        // The reference orders: random screening (the diagonal) and the best possible order.
        SvgBuilder.Add(root, "line", ("class", "random"), ("x1", x[0]), ("y1", r[0]), ("x2", x[Records]), ("y2", r[1]),
            ("stroke", Palette.Muted), ("stroke-width", 1.5), ("stroke-dasharray", "6 4"));
        SvgBuilder.Add(root, "polyline", ("class", "optimal"), ("points", Points([(0, 0), (Relevant, 1), (Records, 1)], x, r)),
            ("fill", "none"), ("stroke", Palette.BluishGreen), ("stroke-width", 1.5), ("stroke-dasharray", "2 3"));

        // The model's order: a step up at each relevant record found.
        var steps = new List<(double, double)> { (0, 0) };
        int found = 0;
        for (int k = 0; k < Records; k++)
        {
            if (!Simulation.Labels[k]) continue;
            steps.Add((k + 1, found / (double)Relevant));
            steps.Add((k + 1, ++found / (double)Relevant));
        }
        steps.Add((Records, 1));
        SvgBuilder.Add(root, "polyline", ("class", "model"), ("points", Points(steps, x, r)), ("fill", "none"), ("stroke", Palette.Blue), ("stroke-width", 2));

        // WSS@95: 95% recall, where the model reached it and where random screening does; the gap is the work saved.
        var wss = SvgBuilder.Group(root, "wss", ("data-recall", TargetRecall), ("data-screened", screened95), ("data-random-screened", random95));
        SvgBuilder.Tooltip(wss, Invariant($"WSS@95 = {Simulation.Wss95:0.000}: 95% recall after {screened95:N0} records instead of {random95:N0}"));
        double y95 = r[TargetRecall];
        SvgBuilder.Add(wss, "line", ("x1", x[screened95]), ("x2", x[random95]), ("y1", y95), ("y2", y95), ("stroke", Palette.Vermillion), ("stroke-width", 2));
        foreach (int at in (int[])[screened95, random95])
            SvgBuilder.Add(wss, "line", ("x1", x[at]), ("x2", x[at]), ("y1", y95 - 5), ("y2", y95 + 5), ("stroke", Palette.Vermillion), ("stroke-width", 2));
        SvgBuilder.Add(wss, "circle", ("cx", x[screened95]), ("cy", y95), ("r", 4.5), ("fill", Palette.Vermillion), ("stroke", "#ffffff"), ("stroke-width", 1.5));
        string wssLabel = Invariant($"WSS@95 = {Simulation.Wss95:0.00}");
        double wssX = (x[screened95] + x[random95]) / 2;
        SvgBuilder.Halo(SvgBuilder.Text(wss, wssX, y95 + 6 + small, wssLabel, new TextStyle(small, Anchor.Middle, Bold: true, Fill: Palette.Vermillion), "value-label"));

        // The last relevant record found.
        var lastGroup = SvgBuilder.Group(root, "last-relevant", ("data-screened", last));
        SvgBuilder.Tooltip(lastGroup, Invariant($"Last relevant record found after {last:N0} records"));
        SvgBuilder.Add(lastGroup, "rect", ("x", x[last] - 4.5), ("y", r[1] - 4.5), ("width", 9), ("height", 9), ("fill", Palette.ReddishPurple), ("stroke", "#ffffff"), ("stroke-width", 1.5));
        string lastLabel = Invariant($"last relevant: {last:N0}");
        bool right = x[last] + 8 + TextMetrics.Width(lastLabel, small) <= plotRight;
        SvgBuilder.Halo(SvgBuilder.Text(lastGroup, right ? x[last] + 8 : x[last] - 8, r[1] + 6 + small, lastLabel,
            new TextStyle(small, right ? Anchor.Start : Anchor.End, Fill: Palette.Ink), "value-label"));

        var axis = SvgBuilder.Group(root, "axis");
        SvgBuilder.Add(axis, "line", ("x1", plotLeft), ("x2", plotRight), ("y1", plotBottom), ("y2", plotBottom), ("stroke", Palette.Ink), ("stroke-width", 1));
        SvgBuilder.Add(axis, "line", ("x1", plotLeft), ("x2", plotLeft), ("y1", plotTop), ("y2", plotBottom), ("stroke", Palette.Ink), ("stroke-width", 1));
        var tickStyle = new TextStyle(small, Anchor.Middle, Fill: Palette.Muted);
        foreach (double tick in xTicks)
        {
            SvgBuilder.Add(axis, "line", ("x1", x[tick]), ("x2", x[tick]), ("y1", plotBottom), ("y2", plotBottom + 4), ("stroke", Palette.Ink), ("stroke-width", 1));
            SvgBuilder.Text(axis, x[tick], SvgBuilder.Baseline(plotBottom + 5, small), tick.ToString("N0", CultureInfo.InvariantCulture), tickStyle, "tick-label");
        }
        for (int i = 0; i <= 5; i++)
            SvgBuilder.Text(axis, plotLeft - 6, r[i / 5.0] + 0.35 * small, percent[i], tickStyle with { Anchor = Anchor.End }, "tick-label");
        var recallTitle = SvgBuilder.Text(axis, margin, 0, "Recall", new TextStyle(size, Anchor.Middle), "axis-title");
        double recallX = margin + size * 0.8, recallY = (plotTop + plotBottom) / 2;
        recallTitle.SetAttributeValue("x", SvgBuilder.Num(recallX));
        recallTitle.SetAttributeValue("y", SvgBuilder.Num(recallY));
        recallTitle.SetAttributeValue("transform", $"rotate(-90 {SvgBuilder.Num(recallX)} {SvgBuilder.Num(recallY)})");
        double titleTop = plotBottom + 6 + SvgBuilder.BlockHeight(1, small);
        SvgBuilder.Text(axis, (plotLeft + plotRight) / 2, SvgBuilder.Baseline(titleTop, size), "Records screened after the prior knowledge",
            new TextStyle(size, Anchor.Middle), "axis-title");
        y = titleTop + SvgBuilder.BlockHeight(1, size) + size * 0.5;

        var items = new List<LegendItem>
        {
            Line("Model's order", Palette.Blue, null, 2),
            Line("Random screening", Palette.Muted, "6 4", 1.5),
            Line("Best possible order", Palette.BluishGreen, "2 3", 1.5),
            new("Work saved at 95% recall", (parent, box) => SvgBuilder.Add(parent, "circle", ("cx", box.X + box.Width / 2), ("cy", box.Y + box.Height / 2), ("r", 4.5), ("fill", Palette.Vermillion))),
            new("Last relevant record", (parent, box) => SvgBuilder.Add(parent, "rect", ("x", box.X + 1.5), ("y", box.Y + 1.5), ("width", 9), ("height", 9), ("fill", Palette.ReddishPurple))),
        };
        y += Legend.Draw(root, margin, y, width - 2 * margin, items, small) + size * 0.5;
        y = DrawNote(svg, width, y, Invariant(
            $"Recall is the share of the {Relevant} relevant records found. Work saved at 95% recall (WSS@95) is the share of all {Records:N0} records that random screening would read beyond the model's order before reaching 95% recall, as ASReview Insights measures it; random screening finds relevant records in proportion to the records read."));
        return (width, y + margin);
    }

    private static LegendItem Line(string label, string colour, string? dashes, double stroke) =>
        new(label, (parent, box) => SvgBuilder.Add(parent, "line", ("x1", box.X), ("x2", box.Right), ("y1", box.Y + box.Height / 2), ("y2", box.Y + box.Height / 2),
            ("stroke", colour), ("stroke-width", stroke), ("stroke-dasharray", dashes)), 16);

    private static string Points(IEnumerable<(double X, double Y)> points, LinearScale x, LinearScale y) =>
        string.Join(' ', points.Select(p => SvgBuilder.Num(x[p.X]) + "," + SvgBuilder.Num(y[p.Y])));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The charts of a screening simulation.</summary>
public static class ScreeningCharts
{
    /// <summary>The simulation's recall against records screened, with the random and best possible orders, WSS@95 and
    /// the last relevant record (see <see cref="Analytics.RecallChart"/>).</summary>
    public static RecallChart RecallChart(this ScreeningSimulation simulation, ChartOptions? options = null) => new(simulation, options);
}
