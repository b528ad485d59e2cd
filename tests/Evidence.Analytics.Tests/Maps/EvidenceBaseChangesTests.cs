using Evidence.Analytics.Tests.Charts;
using Evidence.Analytics.Tests.Import;
using Xunit;

namespace Evidence.Analytics.Tests.Maps;

/// <summary>Issue 17 part 4, the living map's diff: the bundled sample against its next version (<see cref="UpdatedSample"/>:
/// S34–S36 added, S05 removed, S12 and S27 recoded), every change listed and worked out by hand from the two CSV folders.</summary>
public sealed class EvidenceBaseChangesTests
{
    private static readonly Lazy<EvidenceBaseChanges> Update = new(() =>
        EvidenceBaseChanges.Between(EvidenceWorkbook.Read(SampleDataTests.SampleFolder).GetEvidenceOrThrow(),
            EvidenceWorkbook.Read(UpdatedSample.Folder()).GetEvidenceOrThrow()));

    [Fact]
    public void Between_UpdatedSample_ListsTheStudiesAddedRemovedAndRecoded()
    {
        var changes = Update.Value;

        Assert.Equal(["S34", "S35", "S36"], changes.Added.Select(s => s.Id));
        Assert.Equal(["S05"], changes.Removed.Select(s => s.Id));
        Assert.Equal(32, changes.Matched.Length);
        Assert.All(changes.Matched, m => Assert.Equal(StudyMatchRule.Id, m.MatchedBy));
        Assert.Equal(["S12", "S27"], changes.Changed.Select(m => m.Current.Id));
        Assert.Equal<StudyFieldChange>([new StudyFieldChange("Findings: Social connection", "MSPSS: No difference", "MSPSS: Improved")], changes.Changed[0].Changes);
        Assert.Equal<StudyFieldChange>(
            [
                new StudyFieldChange("Risk of bias", "Some concerns", "Low"),
                new StudyFieldChange("Findings: Parenting confidence", "Maternal Self-Efficacy Scale: No difference", null),
                new StudyFieldChange("Findings: Quality of life", null, "SF-12: No difference"),
            ],
            changes.Changed[1].Changes);
        Assert.True(changes.HasChanges);
    }

    [Fact]
    public void Between_UpdatedSample_ListsTheMapCellsWhoseStudiesChanged()
    {
        // Intervention type × outcome domain. S34 (I08: social support, education/information, service navigation) enters
        // those types' mental health and quality of life cells; S35 (I16: creative/recreational) creative × social
        // connection; S36 (I29: creative/recreational, therapeutic support, service navigation) those types' mother-infant
        // bonding cells. S05 (I05: social support, physical wellbeing) leaves those types' mental health and physical health
        // cells; S27 (I23: therapeutic support, education/information) moves from their parenting confidence cells to their
        // quality of life cells. Previous counts are the distinct studies of studies.csv, interventions.csv and findings.csv
        // in each cell (e.g. social support × mental health: S01–S03, S05, S08, S10, S15, S16, S19, S21, S22, S25, S26, S31 = 14).
        (string Row, string Column, int Before, int Now, string[] New, string[] Left)[] expected =
        [
            ("Social support", "Mental health", 14, 14, ["S34"], ["S05"]),
            ("Social support", "Physical health", 3, 2, [], ["S05"]),
            ("Social support", "Quality of life", 1, 2, ["S34"], []),
            ("Education/information", "Mental health", 9, 10, ["S34"], []),
            ("Education/information", "Parenting confidence", 11, 10, [], ["S27"]),
            ("Education/information", "Quality of life", 2, 4, ["S27", "S34"], []),
            ("Physical wellbeing", "Mental health", 6, 5, [], ["S05"]),
            ("Physical wellbeing", "Physical health", 8, 7, [], ["S05"]),
            ("Creative/recreational", "Social connection", 6, 7, ["S35"], []),
            ("Creative/recreational", "Mother-infant bonding", 3, 4, ["S36"], []),
            ("Therapeutic support", "Parenting confidence", 2, 1, [], ["S27"]),
            ("Therapeutic support", "Mother-infant bonding", 2, 3, ["S36"], []),
            ("Therapeutic support", "Quality of life", 0, 1, ["S27"], []),
            ("Service navigation", "Mental health", 6, 7, ["S34"], []),
            ("Service navigation", "Mother-infant bonding", 1, 2, ["S36"], []),
            ("Service navigation", "Quality of life", 1, 2, ["S34"], []),
        ];

        var cells = Update.Value.Cells;

        Assert.Equal(expected.Select(e => (e.Row, e.Column, e.Before, e.Now, string.Join(",", e.New), string.Join(",", e.Left))),
            cells.Select(c => (c.Row, c.Column, c.PreviousStudies, c.CurrentStudies, string.Join(",", c.NewStudyIds), string.Join(",", c.LeftStudyIds))));
        Assert.Equal(["Therapeutic support × Quality of life"], cells.Where(c => c.GapFilled).Select(c => $"{c.Row} × {c.Column}"));
        Assert.DoesNotContain(cells, c => c.GapOpened);
    }

    [Fact]
    public void Between_UpdatedSample_ListsTheSharesWhoseEstimateOrHeadlineChanged()
    {
        // One finding per study and domain, so each study's vote is its finding. Quantitative studies (not S16–S21, S35):
        // social connection 13/16 → 14/16 (S12 improved; S35 is qualitative, beside); parenting confidence 7/10 → 7/9 (S27
        // left); mother-infant bonding 3/6 → 4/7 (S36); physical health 5/7 → 4/6 (S05); quality of life 1/3 → 2/5 (S34
        // improved, S27 no difference). Mental health stays 11/19 (S05 improved out, S34 improved in), so it is not listed.
        // RCTs: social connection 7/9 → 8/9; physical health 3/4 → 2/3; quality of life 0/2 → 1/3; mental health stays 6/10.
        (DesignGroup? Design, string Outcome, int X0, int N0, int X1, int N1)[] expected =
        [
            (null, "Social connection", 13, 16, 14, 16),
            (null, "Parenting confidence", 7, 10, 7, 9),
            (null, "Mother-infant bonding", 3, 6, 4, 7),
            (null, "Physical health", 5, 7, 4, 6),
            (null, "Quality of life", 1, 3, 2, 5),
            (DesignGroup.Rct, "Social connection", 7, 9, 8, 9),
            (DesignGroup.Rct, "Physical health", 3, 4, 2, 3),
            (DesignGroup.Rct, "Quality of life", 0, 2, 1, 3),
        ];

        var shares = Update.Value.Shares;

        Assert.Equal(expected, shares.Select(s => (s.Design, s.Outcome.Name, s.Previous.Numerator, s.Previous.Denominator, s.Current.Numerator, s.Current.Denominator)));
        Assert.All(shares, s => Assert.True(s.EstimateChanged && s.IntervalChanged && s.HeadlineChanged, s.ToString()));
        foreach (var (share, (_, _, x0, n0, x1, n1)) in shares.Zip(expected))
        {
            var (lower0, upper0) = Wilson(x0, n0);
            var (lower1, upper1) = Wilson(x1, n1);
            Assert.Equal(lower0, share.Previous.Lower!.Value, Tolerance);
            Assert.Equal(upper0, share.Previous.Upper!.Value, Tolerance);
            Assert.Equal(lower1, share.Current.Lower!.Value, Tolerance);
            Assert.Equal(upper1, share.Current.Upper!.Value, Tolerance);
        }
        // The Summary sheet's sentences; the 6 qualitative studies beside become 7 with S35.
        Assert.Equal("13 of 16 quantitative studies that reported a direction of effect on social connection found improvement (81%, 95% CI 57–93%), plus 6 qualitative studies describing improvement.", shares[0].PreviousHeadline);
        Assert.Equal("14 of 16 quantitative studies that reported a direction of effect on social connection found improvement (88%, 95% CI 64–97%), plus 7 qualitative studies describing improvement.", shares[0].CurrentHeadline);
        Assert.Equal("1 of 3 RCTs that reported a direction of effect on quality of life found improvement (33%, 95% CI 6–79%).", shares[7].CurrentHeadline);
    }

    [Fact]
    public void Between_OnlyAQualitativeStudyAdded_ChangesTheHeadlineButNotTheEstimate()
    {
        string folder = SampleCopies.Copy();
        UpdatedSample.Edit(folder, "studies.csv", lines => lines.Add(UpdatedSample.S35));
        UpdatedSample.Edit(folder, "findings.csv", lines => lines.Add("S35,,Social connection,Interviews,Improved,,,,"));

        var changes = EvidenceBaseChanges.Between(EvidenceWorkbook.Read(SampleDataTests.SampleFolder).GetEvidenceOrThrow(), EvidenceWorkbook.Read(folder).GetEvidenceOrThrow());

        var share = Assert.Single(changes.Shares);
        Assert.Equal((null, "Social connection"), (share.Design, share.Outcome.Name));
        Assert.False(share.EstimateChanged);
        Assert.False(share.IntervalChanged);
        Assert.True(share.HeadlineChanged);
    }

    [Fact]
    public void Between_UpdatedSample_CountsPreviousNewAndTotalStudies()
    {
        var counts = Update.Value.Counts;

        Assert.Equal((33, 3, 1, 35), (counts.PreviousStudies, counts.NewStudies, counts.RemovedStudies, counts.TotalStudies));
        Assert.Equal((33, 33), (counts.PreviousReports, counts.TotalReports)); // both Flow sheets give 33 reports
        Assert.Null(counts.NewReports); // a study was removed, so the difference is not the new reports
        Assert.Equal("Studies: 33 previous + 3 new − 1 removed = 35 total; reports: 33 previous, 33 total", counts.ToString());
    }

    [Fact]
    public void Between_TheSameEvidence_HasNoChanges()
    {
        var evidence = EvidenceWorkbook.Read(SampleDataTests.SampleFolder).GetEvidenceOrThrow();

        var changes = EvidenceBaseChanges.Between(evidence, EvidenceWorkbook.Read(SampleDataTests.SampleFolder).GetEvidenceOrThrow());

        Assert.False(changes.HasChanges);
        Assert.Equal(33, changes.Matched.Length);
        Assert.True(changes.Added.IsEmpty && changes.Removed.IsEmpty && changes.Changed.IsEmpty && changes.Cells.IsEmpty && changes.Shares.IsEmpty);
        Assert.Equal((33, 0, 0, 33), (changes.Counts.PreviousStudies, changes.Counts.NewStudies, changes.Counts.RemovedStudies, changes.Counts.TotalStudies));
    }

    [Fact]
    public void Between_IdsDiffer_MatchesByDoiThenByTitleAndYear()
    {
        var previous = Review(
            ("P1", "Telephone peer support", 2020, "10.1000/ABC.1"),
            ("P2", "Peer support: a trial", 2020, null),
            ("P3", "Same title", 2021, "10.1000/x1"),
            ("S9", "Ninth study", 2019, null),
            ("P5", "Dup", 2019, "10.1000/dup"));
        var current = Review(
            ("N1", "Telephone peer-support", 2020, "https://doi.org/10.1000/abc.1"), // DOI in another case, with its resolver
            ("N2", "PEER SUPPORT — a trial", 2020, null),                           // title in other case and punctuation
            ("N3", "Same title", 2021, "10.1000/x2"),                               // same title and year, another DOI: not the same study
            ("s9", "Ninth study", 2019, null),                                      // the id in other case
            ("N5", "Dup", 2019, null));                                             // title and year, the DOI dropped

        var changes = EvidenceBaseChanges.Between(previous, current);

        Assert.Equal(
            [("P1", "N1", StudyMatchRule.Doi), ("P2", "N2", StudyMatchRule.TitleAndYear), ("S9", "s9", StudyMatchRule.Id), ("P5", "N5", StudyMatchRule.TitleAndYear)],
            changes.Matched.Select(m => (m.Previous.Id, m.Current.Id, m.MatchedBy)));
        Assert.Equal(["N3"], changes.Added.Select(s => s.Id));
        Assert.Equal(["P3"], changes.Removed.Select(s => s.Id));
        // The DOI is compared as matched (N1's is the same); titles as written.
        Assert.Equal(["N1: Title", "N2: Title", "N5: DOI"], changes.Changed.SelectMany(m => m.Changes.Select(f => $"{m.Current.Id}: {f.Field}")));
        Assert.Equal(new StudyFieldChange("DOI", "10.1000/dup", null), changes.Changed[2].Changes[0]);
        // A study found under another id is the same study in every cell: only N3 and P3 change cells.
        Assert.Equal([("Social support", "Mental health", 5, 5, "N3", "P3")],
            changes.Cells.Select(c => (c.Row, c.Column, c.PreviousStudies, c.CurrentStudies, string.Join(",", c.NewStudyIds), string.Join(",", c.LeftStudyIds))));
    }

    [Fact]
    public void GapMapChart_UpdatedSample_OutlinesTheCellsWithNewStudies()
    {
        var changes = Update.Value;

        var svg = new SvgInspector(changes.GapMapChart().ToSvg());

        // From the cell list above: 11 cells have new studies, 5 only lost studies.
        var marked = svg.ByClass("new-evidence").Select(g => (SvgInspector.Str(g, "data-row"), SvgInspector.Str(g, "data-column"), SvgInspector.Str(g, "data-new"), SvgInspector.Str(g, "data-left"))).ToList();
        Assert.Equal(
            [
                ("Social support", "Mental health", "1", "1"), ("Social support", "Quality of life", "1", "0"), ("Education/information", "Mental health", "1", "0"),
                ("Education/information", "Quality of life", "2", "0"), ("Creative/recreational", "Social connection", "1", "0"),
                ("Creative/recreational", "Mother-infant bonding", "1", "0"), ("Therapeutic support", "Mother-infant bonding", "1", "0"),
                ("Therapeutic support", "Quality of life", "1", "0"), ("Service navigation", "Mental health", "1", "0"),
                ("Service navigation", "Mother-infant bonding", "1", "0"), ("Service navigation", "Quality of life", "1", "0"),
            ],
            marked);
        Assert.Equal(11, svg.ByClass("new-outline").Count());
        Assert.Equal(["+1", "+1", "+1", "+2", "+1", "+1", "+1", "+1", "+1", "+1", "+1"], svg.ByClass("new-count").Select(t => t.Value));
        Assert.Equal(5, svg.ByClass("left-evidence").Count());
        Assert.Equal(6, svg.ByClass("left-count").Count()); // the 5, and social support × mental health (1 in, 1 out)
        Assert.Contains("New evidence since the previous version (+n new studies)", svg.Texts());
        Assert.Empty(svg.Overlaps());
    }

    [Fact]
    public void GapMapChart_WithoutChanges_DrawsNoMarks()
    {
        var evidence = EvidenceWorkbook.Read(UpdatedSample.Folder()).GetEvidenceOrThrow();

        string plain = evidence.Map().Chart().ToSvg();

        Assert.DoesNotContain("new-evidence", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("New evidence", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("previous version", plain, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_UpdatedSample_NamesEveryChange()
    {
        string text = Update.Value.ToString();

        Assert.Contains("3 added: S34, S35, S36", text, StringComparison.Ordinal);
        Assert.Contains("1 removed: S05", text, StringComparison.Ordinal);
        Assert.Contains("  S27 (matched by id): Risk of bias: Some concerns → Low; Findings: Parenting confidence: Maternal Self-Efficacy Scale: No difference → (blank); Findings: Quality of life: (blank) → SF-12: No difference", text, StringComparison.Ordinal);
        Assert.Contains("  Social support × Mental health: 14 → 14 studies (new: S34; left: S05)", text, StringComparison.Ordinal);
        Assert.Contains("  RCTs, Quality of life: 0/2 = 0.000 (0.000 to 0.658) → 1/3 = 0.333 (0.061 to 0.792); headline changed", text, StringComparison.Ordinal);
    }

    private const double Tolerance = 1e-12;

    /// <summary>The Wilson score interval at 95% (Wilson 1927): (x + z²/2 ± z√(x(n − x)/n + z²/4)) / (n + z²).</summary>
    private static (double Lower, double Upper) Wilson(int x, int n)
    {
        const double z = 1.959963984540054;
        double centre = x + z * z / 2, half = z * Math.Sqrt((double)x * (n - x) / n + z * z / 4), scale = n + z * z;
        return (Math.Max(0, (centre - half) / scale), Math.Min(1, (centre + half) / scale));
    }

    /// <summary>A review of RCTs of one social-support intervention, each with an improved mental-health finding.</summary>
    private static EvidenceBase Review(params (string Id, string Title, int Year, string? Doi)[] studies) => new(
        studies.Select(s => new Study(s.Id, new Citation("Author A", s.Year, s.Title, s.Doi), StudyDesign.Rct, interventionIds: ["I1"])),
        [new Intervention("I1", "Peer support", [InterventionType.SocialSupport])],
        studies.Select(s => new Finding(s.Id, null, OutcomeDomain.MentalHealth, Direction.Improved)));
}
