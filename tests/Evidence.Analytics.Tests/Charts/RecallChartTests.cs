using System.Globalization;

namespace Evidence.Analytics.Tests.Charts;

/// <summary>The recall chart of a screening simulation: its numbers, read back from the SVG's data attributes and
/// shapes, against the simulation's labels worked out here by the metric definitions.</summary>
public sealed class RecallChartTests
{
    /// <summary>200 labelled records, 20 relevant; a quarter of the relevant ones share their words with irrelevant
    /// records, so the model's order is good but not perfect.</summary>
    internal static ScreeningSimulation Sample()
    {
        string[] topics = ["hospital costs", "bed occupancy", "staff rotas", "drug prices", "waiting lists"];
        var records = Enumerable.Range(0, 200).Select(i => new Record
        {
            Id = (i + 1).ToString(CultureInfo.InvariantCulture),
            Title = i % 10 == 0
                ? (i % 40 == 0 ? $"{topics[i % 5]} audit {i}" : $"Nudging doctors with default options {i}")
                : $"{topics[i % 5]} in region {i % 7}",
            Abstract = i % 10 == 0 && i % 40 != 0 ? "A reminder nudge changed prescribing." : $"We describe {topics[(i / 5) % 5]} over {i % 11} years.",
            Included = i % 10 == 0,
        });
        return ScreeningSimulation.Run(records, new SimulationOptions { Seed = 3 });
    }

    [Fact]
    public void RecallChart_DataAttributes_AreTheSimulationsNumbers()
    {
        var simulation = Sample();
        bool[] labels = [.. simulation.Labels];
        int n = labels.Length, p = labels.Count(l => l);
        // WSS@95 by its definition: the floor(0.95 p)-th relevant record (the last at or under 95% recall), where the
        // order finds it, and where random screening (round(linspace(0, p, n)), half to even) reaches it.
        int target = Enumerable.Range(1, p).Last(k => k / (double)p <= 0.95);
        int screened = 0;
        for (int k = 0, found = 0; k < n; k++) if (labels[k] && ++found == target) { screened = k + 1; break; }
        int random = 1 + Enumerable.Range(0, n).First(i => Math.Round(i == n - 1 ? p : i * (p / (double)(n - 1)), MidpointRounding.ToEven) >= target);
        int lastRelevant = Array.LastIndexOf(labels, true) + 1;

        var svg = new SvgInspector(simulation.RecallChart().ToSvg());
        var root = svg.ByClass("recall-chart").Single();

        Assert.Equal((198, 19), (n, p)); // 200 records, 1 + 1 priors
        Assert.Equal(n.ToString(CultureInfo.InvariantCulture), SvgInspector.Str(root, "data-records"));
        Assert.Equal(p.ToString(CultureInfo.InvariantCulture), SvgInspector.Str(root, "data-relevant"));
        Assert.Equal(screened, SvgInspector.Num(root, "data-wss95-screened"));
        Assert.Equal(random, SvgInspector.Num(root, "data-wss95-random-screened"));
        Assert.Equal((random - screened) / (double)n, SvgInspector.Num(root, "data-wss95"), 12);
        Assert.Equal(simulation.Wss95, SvgInspector.Num(root, "data-wss95"), 12);
        Assert.Equal(lastRelevant, SvgInspector.Num(root, "data-last-relevant"));
        Assert.Equal(simulation.StepsToLastRelevant, lastRelevant);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"WSS@95 = {simulation.Wss95:0.00}"), svg.Texts());
    }

    [Fact]
    public void RecallChart_Curves_StepAtEachRelevantRecordAndSpanThePlot()
    {
        var simulation = Sample();
        var svg = new SvgInspector(simulation.RecallChart().ToSvg());
        var model = Points(svg.ByClass("model").Single());
        var randomLine = svg.ByClass("random").Single();

        // (0, 0), two vertices per relevant record (the step), and the end at (all records, 100%).
        Assert.Equal(2 * simulation.Curve.Relevant + 2, model.Count);
        Assert.Equal((SvgInspector.Num(randomLine, "x1"), SvgInspector.Num(randomLine, "y1")), model[0]);
        Assert.Equal((SvgInspector.Num(randomLine, "x2"), SvgInspector.Num(randomLine, "y2")), model[^1]);
        // Recall never falls: y (downwards in SVG) never increases along the curve, x never decreases.
        Assert.All(model.Zip(model.Skip(1)), pair => Assert.True(pair.Second.X >= pair.First.X && pair.Second.Y <= pair.First.Y, pair.ToString()));
        // The last relevant marker sits on the curve's last step.
        var last = svg.ByClass("last-relevant").Single().Elements(SvgInspector.Svg + "rect").Single();
        Assert.Equal(model[^2].X, SvgInspector.Num(last, "x") + 4.5, 1);
    }

    private static List<(double X, double Y)> Points(System.Xml.Linq.XElement polyline) =>
        [.. SvgInspector.Str(polyline, "points").Split(' ').Select(p => p.Split(',')).Select(p =>
            (double.Parse(p[0], CultureInfo.InvariantCulture), double.Parse(p[1], CultureInfo.InvariantCulture)))];
}
