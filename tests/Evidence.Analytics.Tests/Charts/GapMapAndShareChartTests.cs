using System.Globalization;

namespace Evidence.Analytics.Tests.Charts;

/// <summary>What the evidence gap map and the share chart encode, read back from their SVG and compared with the
/// library's own map and shares.</summary>
public sealed class GapMapAndShareChartTests
{
    private static readonly EvidenceBase Sample = ChartSamples.ScopingReview();

    [Fact]
    public void GapMapChart_ScopingSample_OneBubblePerNonEmptyCellWithItsStudies()
    {
        var map = Sample.Map();
        var svg = new SvgInspector(map.Chart().ToSvg());

        var bubbles = svg.ByClass("bubble").ToList();
        Assert.Equal(map.Cells.Count(c => !c.IsEmpty), bubbles.Count);
        foreach (var bubble in bubbles)
        {
            var cell = map[SvgInspector.Str(bubble, "data-row"), SvgInspector.Str(bubble, "data-column")];
            Assert.Equal(cell.Studies, (int)SvgInspector.Num(bubble, "data-studies"));
        }
        Assert.Equal(map.AbsoluteGaps.Count(), svg.ByClass("gap-cell").Count());
    }

    [Fact]
    public void GapMapChart_ScopingSample_BubbleAreaProportionalToStudies()
    {
        var svg = new SvgInspector(Sample.GapMapChart().ToSvg());

        // Area ∝ studies means r² / studies is the same for every bubble (up to the 2-decimal rounding of r).
        var ratios = svg.ByClass("bubble").Select(b =>
        {
            double r = SvgInspector.Num(b.Descendants().Single(e => SvgInspector.Str(e, "class") == "bubble-outline"), "r");
            return r * r / SvgInspector.Num(b, "data-studies");
        }).ToList();
        Assert.All(ratios, ratio => Assert.Equal(ratios[0], ratio, ratios[0] * 0.01));
    }

    [Fact]
    public void GapMapChart_ScopingSample_TotalsAreTheMapsDistinctStudyTotals()
    {
        var map = Sample.Map();
        var svg = new SvgInspector(map.Chart().ToSvg());

        Assert.Equal(map.RowTotals.Select(Text), svg.ByClass("row-total").Select(e => e.Value));
        Assert.Equal(map.ColumnTotals.Select(Text), svg.ByClass("column-total").Select(e => e.Value));
        Assert.Equal(Text(map.TotalStudies), svg.ByClass("grand-total").Single().Value);
        Assert.True(map.TotalStudies < map.RowTotals.Sum(), "the sample has multi-label studies, so the distinct total is below the sum");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(30)]
    public void GapMapChart_ManyTermsWithLongLabels_EveryLabelShownAndNoneOverlap(int size)
    {
        var evidence = Square(size);
        var map = evidence.Map();
        var svg = new SvgInspector(map.Chart().ToSvg());

        // The seeded vocabulary is always shown (empty seeded rows and columns are gaps too), so a 30-term review draws 36 × 37.
        Assert.Equal(size + InterventionType.Seeded.Count, map.RowLabels.Length);
        Assert.Equal(size + OutcomeDomain.Seeded.Count, map.ColumnLabels.Length);
        Assert.Equal(map.Cells.Count(c => !c.IsEmpty), svg.ByClass("bubble").Count());
        var overlaps = svg.Overlaps();
        Assert.True(overlaps.Count == 0, string.Join("\n", overlaps));
        string text = string.Join(" ", svg.Texts());
        foreach (string word in map.RowLabels.Concat(map.ColumnLabels).SelectMany(l => l.Split(' ')).Distinct())
            Assert.Contains(word, text);
    }

    [Fact]
    public void ShareChart_ScopingSample_OneRowPerRankedOutcomeWithTheLibrarysNumbers()
    {
        var ranking = Sample.RankOutcomes(design: DesignGroup.Rct);
        var svg = new SvgInspector(Sample.ShareChart(DesignGroup.Rct).ToSvg());

        var rows = svg.ByClass("share").ToList();
        Assert.Equal(ranking.Entries.Select(e => e.Label), rows.Select(r => SvgInspector.Str(r, "data-label")));
        foreach (var (row, entry) in rows.Zip(ranking.Entries))
        {
            Assert.Equal(entry.Share.Numerator, (int)SvgInspector.Num(row, "data-numerator"));
            Assert.Equal(entry.Share.Denominator, (int)SvgInspector.Num(row, "data-denominator"));
            Assert.Equal(entry.Share.Lower!.Value, SvgInspector.Num(row, "data-lower"), 12);
            Assert.Equal(entry.Share.Upper!.Value, SvgInspector.Num(row, "data-upper"), 12);
            Assert.Contains($"{entry.Share.Numerator}/{entry.Share.Denominator}", string.Concat(row.Descendants().Select(e => e.Value)));
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A review with <paramref name="size"/> intervention types and outcome domains, all with long names, where
    /// study i evaluates types i and i+1 and reports on domains i and i+2: a sparse diagonal map with many gaps.</summary>
    private static EvidenceBase Square(int size)
    {
        var types = Enumerable.Range(1, size).Select(i => new InterventionType($"Community programme variant {i} delivered by trained peers")).ToArray();
        var domains = Enumerable.Range(1, size).Select(i => new OutcomeDomain($"Outcome domain {i} measured after birth")).ToArray();
        var interventions = Enumerable.Range(0, size).Select(i => new Intervention($"I{i}", $"Programme {i}", [types[i], types[(i + 1) % size]])).ToArray();
        var studies = Enumerable.Range(0, size).Select(i => new Study($"S{i}", new Citation("Example A, Sample B", 2020, $"Illustrative study {i}"),
            i % 3 == 0 ? StudyDesign.Rct : i % 3 == 1 ? StudyDesign.Qualitative : StudyDesign.CohortPrePost, interventionIds: [$"I{i}"])).ToArray();
        var findings = Enumerable.Range(0, size).SelectMany(i => new[]
        {
            new Finding($"S{i}", null, domains[i], Direction.Improved),
            new Finding($"S{i}", null, domains[(i + 2) % size], Direction.NoDifference),
        });
        return new EvidenceBase(studies, interventions, findings);
    }
}
