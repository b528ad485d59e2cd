using System.Globalization;
using Xunit;

namespace Evidence.Analytics.Tests.Charts;

/// <summary>What every chart must do: accessible SVG, labels inside the canvas and not overlapping, invariant culture,
/// deterministic bytes, and an approved rendering.</summary>
public sealed class ChartConventionTests
{
    public static TheoryData<string> ChartNames()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in ChartGallery.All()) data.Add(name);
        return data;
    }

    private static Chart ChartNamed(string name) => ChartGallery.All().Single(c => c.Name == name).Chart;

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void ToSvg_AnyChart_IsAccessibleScalableSvg(string name)
    {
        var chart = ChartNamed(name);
        var svg = new SvgInspector(chart.ToSvg());

        Assert.Equal("img", SvgInspector.Attr(svg.Root, "role"));
        Assert.Equal(chart.Title, svg.Root.Element(SvgInspector.Svg + "title")!.Value);
        Assert.False(string.IsNullOrWhiteSpace(svg.Root.Element(SvgInspector.Svg + "desc")!.Value));
        Assert.NotNull(SvgInspector.Attr(svg.Root, "viewBox"));
        Assert.Contains(chart.Title.Split(' ')[0], svg.Texts()[0]);
    }

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void ToSvg_AnyChart_NoTwoLabelsOverlap(string name)
    {
        var overlaps = new SvgInspector(ChartNamed(name).ToSvg()).Overlaps();

        Assert.True(overlaps.Count == 0, string.Join("\n", overlaps));
    }

    [Fact]
    public void Overlaps_TwoLabelsAtTheSamePlace_AreFound()
    {
        // The overlap check above must be able to fail: two 12px labels 5px apart horizontally collide.
        const string svg = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><text x="10" y="20" font-size="12">Hello</text><text x="15" y="22" font-size="12">World</text><text x="10" y="60" font-size="12">Alone</text></svg>""";

        var overlaps = new SvgInspector(svg).Overlaps();

        string overlap = Assert.Single(overlaps);
        Assert.StartsWith("'Hello'", overlap);
        Assert.Contains("'World'", overlap);
    }

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void ToSvg_AnyChart_EveryLabelInsideTheCanvas(string name)
    {
        var svg = new SvgInspector(ChartNamed(name).ToSvg());

        var outside = svg.Lines().Where(l => l.Box.X < -0.5 || l.Box.Y < -0.5 || l.Box.Right > svg.Width + 0.5 || l.Box.Bottom > svg.Height + 0.5)
            .Select(l => $"'{l.Text}' {l.Box}").ToList();

        Assert.True(outside.Count == 0, $"Outside {svg.Width}×{svg.Height}:\n" + string.Join("\n", outside));
    }

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void ToSvg_GermanAndTurkishCultures_SameBytesAsInvariant(string name)
    {
        string invariant = WithCulture(CultureInfo.InvariantCulture, () => ChartNamed(name).ToSvg());

        Assert.Equal(invariant, WithCulture(new CultureInfo("de-DE"), () => ChartNamed(name).ToSvg()));
        Assert.Equal(invariant, WithCulture(new CultureInfo("tr-TR"), () => ChartNamed(name).ToSvg()));
    }

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void ToSvg_CalledTwiceOnFreshInputs_SameBytes(string name) =>
        Assert.Equal(ChartNamed(name).ToSvg(), ChartNamed(name).ToSvg());

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void ToSvg_SampleEvidence_MatchesApprovedFile(string name) =>
        Approvals.Verify(name, ChartNamed(name).ToSvg());

    [Fact]
    public void SaveSvg_NewFolder_WritesUtf8WithoutBom()
    {
        string folder = Path.Combine(Path.GetTempPath(), "evidence-charts-" + Guid.NewGuid().ToString("N"));
        try
        {
            var chart = ChartSamples.ScopingReview().DesignGroupChart();
            string path = Path.Combine(folder, "nested", "designs.svg");

            chart.SaveSvg(path);

            byte[] bytes = File.ReadAllBytes(path);
            Assert.NotEqual(0xEF, bytes[0]);
            Assert.Equal(chart.ToSvg(), File.ReadAllText(path));
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    private static T WithCulture<T>(CultureInfo culture, Func<T> action)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
            CultureInfo.CurrentUICulture = beforeUi;
        }
    }
}
