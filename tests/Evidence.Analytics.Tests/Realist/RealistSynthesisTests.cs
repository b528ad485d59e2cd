using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace Evidence.Analytics.Tests.Realist;

/// <summary>The analysis of configurations, checked against <see cref="HandMadeReview"/>, whose counts are worked out by
/// hand in its remarks.</summary>
public sealed class RealistSynthesisTests
{
    private static readonly RealistSynthesis Synthesis = HandMadeReview.Create().RealistSynthesis();

    private static string[] Ids(IEnumerable<Study> studies) => [.. studies.Select(s => s.Id)];
    private static string[] Ids(IEnumerable<Intervention> programmes) => [.. programmes.Select(p => p.Id)];

    [Fact]
    public void Configuration_TwoStudiesOfOneProgramme_CountsTwoStudiesOneProgramme()
    {
        // NI2 lists S1, s6 and S6: S6 once (ids ignore case), and S1 and S6 both evaluate P1.
        var support = Synthesis["NI2"];

        Assert.Equal(["S1", "S6"], Ids(support.Studies));
        Assert.Equal(2, support.StudyCount);
        Assert.Equal(["P1"], Ids(support.Programmes));
        Assert.Equal(1, support.ProgrammeCount);
    }

    [Fact]
    public void Configuration_OneStudyOfTwoProgrammes_CountsOneStudyTwoProgrammes()
    {
        var support = Synthesis["pi2"];

        Assert.Equal(1, support.StudyCount);
        Assert.Equal(["P6", "P2"], Ids(support.Programmes));
    }

    [Fact]
    public void Configuration_Designs_CountEachStudyOnceInDesignOrder()
    {
        // TU1: S2 RCT, S1 qualitative, S4 mixed methods; NI2: S1 and S6, both qualitative.
        Assert.Equal([new DesignCount(StudyDesign.Rct, 1), new DesignCount(StudyDesign.Qualitative, 1), new DesignCount(StudyDesign.MixedMethods, 1)],
            Synthesis["TU1"].Designs.ToArray());
        Assert.Equal([new DesignCount(StudyDesign.Qualitative, 2)], Synthesis["NI2"].Designs.ToArray());
        Assert.Equal("NI2 (Negative impact): 2 studies (Qualitative 2) of 1 programme", Synthesis["NI2"].ToString());
    }

    [Fact]
    public void FamilyTallies_CountDistinctStudiesAndProgrammesAcrossConfigurations()
    {
        // Negative impact: NI1 (S1, S3) and NI2 (S1, S6) → studies S1, S3, S6; programmes P1, P3.
        Assert.Equal(
        [
            new FamilyTally(ConfigurationFamily.TakeUp, 1, 3, 3),
            new FamilyTally(ConfigurationFamily.PositiveImpact, 2, 4, 4),
            new FamilyTally(ConfigurationFamily.NegativeImpact, 2, 3, 2),
        ], Synthesis.FamilyTallies.ToArray());
        Assert.Equal("Negative impact: 2 configurations from 3 studies of 2 programmes", Synthesis.Tally(ConfigurationFamily.NegativeImpact).ToString());
    }

    [Fact]
    public void Totals_CountDistinctStudiesAndProgrammes_AndListUnlinkedStudies()
    {
        Assert.Equal(6, Synthesis.StudyCount);
        Assert.Equal(5, Synthesis.ProgrammeCount);
        Assert.Equal(["S5"], Ids(Synthesis.UnlinkedStudies));
        Assert.StartsWith(
            "5 CMO configurations (1 Take-up, 2 Positive impact, 2 Negative impact) supported by 6 studies of 5 programmes; 1 study supports none\n" +
            "Take-up: 1 configuration from 3 studies of 3 programmes",
            Synthesis.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Programmes_ListDistinctConfigurationsPerProgramme_IncludingProgrammesWithNone()
    {
        var byId = Synthesis.Programmes.ToDictionary(p => p.Programme.Id);

        Assert.Equal(["P1", "P2", "P3", "P4", "P5", "P6"], Synthesis.Programmes.Select(p => p.Programme.Id));
        Assert.Equal(["TU1", "PI1", "NI1", "NI2"], byId["P1"].Configurations.Select(c => c.Id));
        Assert.Equal(2, byId["P1"].CountIn(ConfigurationFamily.NegativeImpact));
        Assert.Equal(["TU1", "PI1", "PI2"], byId["P2"].Configurations.Select(c => c.Id));
        Assert.Equal(["S2", "S7"], Ids(byId["P2"].SupportingStudies));
        Assert.Empty(byId["P5"].Configurations);
        Assert.Equal("P5 Helpline: 0 configurations from 0 of 1 study", byId["P5"].ToString());
        Assert.Equal("P1 Mothers' group: 4 configurations (1 Take-up, 1 Positive impact, 2 Negative impact) from 2 of 2 studies", byId["P1"].ToString());
    }

    [Fact]
    public void Themes_CountConfigurationsAndDistinctStudiesPerFamily_IgnoringCase()
    {
        var themes = Synthesis.Themes;

        Assert.Equal(["Use of volunteers", "Format of the support", "Meaningful relationships", "Culture of negativity"], themes.Themes.ToArray());
        Assert.Equal(1, themes.Count("Use of volunteers", ConfigurationFamily.TakeUp));
        Assert.Equal(1, themes.Count("USE OF VOLUNTEERS", ConfigurationFamily.NegativeImpact));
        Assert.Equal(0, themes.Count("Use of volunteers", ConfigurationFamily.PositiveImpact));
        Assert.Equal(2, themes.Count("Meaningful relationships", ConfigurationFamily.PositiveImpact));
        Assert.Equal(4, themes.StudyCount("Meaningful relationships", ConfigurationFamily.PositiveImpact)); // S2, S3, S6, S7
        Assert.Equal(["NI2"], themes.Untagged.Select(c => c.Id));
        Assert.Throws<KeyNotFoundException>(() => themes.Count("Distress at endings", ConfigurationFamily.NegativeImpact));
        Assert.Contains("Use of volunteers | 1 | 0 | 1\n", themes.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Themes_StudyCountOfATheme_IsDistinctStudiesAcrossFamilies()
    {
        var themes = Synthesis.Themes;

        // Use of volunteers: TU1 (S1, S2, S4) and NI1 (S1, S3) are four studies, though the two cells count 3 + 2.
        Assert.Equal(4, themes.StudyCount("use of volunteers"));
        Assert.Equal(5, themes.StudyCount("Use of volunteers", ConfigurationFamily.TakeUp) + themes.StudyCount("Use of volunteers", ConfigurationFamily.NegativeImpact));
        Assert.Equal(4, themes.StudyCount("Meaningful relationships")); // PI1 and PI2: S2, S3, S6, S7
        Assert.Throws<KeyNotFoundException>(() => themes.StudyCount("Distress at endings"));
    }

    [Fact]
    public void Families_IncludeSeededFamiliesWithZeroCounts_AndDeclaredFamiliesAfterThem()
    {
        var sustainment = new ConfigurationFamily("Sustainment");
        var evidence = new EvidenceBase(
            [new Study("S1", new Citation("A B", 2021, "T"), StudyDesign.Qualitative)],
            configurations: [new CmoConfiguration("SU1", sustainment, "c", "m", "o", ["S1"])]);

        var synthesis = RealistSynthesis.Of(evidence);

        Assert.Equal([ConfigurationFamily.TakeUp, ConfigurationFamily.PositiveImpact, ConfigurationFamily.NegativeImpact, sustainment], synthesis.Families.ToArray());
        Assert.Equal(new FamilyTally(ConfigurationFamily.NegativeImpact, 0, 0, 0), synthesis.Tally(ConfigurationFamily.NegativeImpact));
        Assert.Equal(new FamilyTally(sustainment, 1, 1, 0), synthesis.Tally(sustainment));
    }

    [Fact]
    public void Indexer_UnknownConfiguration_ThrowsNamingIt()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => Synthesis["XX9"]);
        Assert.Contains("XX9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Counts_DoNotDependOnTheOrderOfSupportingStudies_AndEqualANaiveRecount()
    {
        // Property: for random links between 12 studies (of 6 programmes, some studies of two) and 8 configurations,
        // each configuration's study and programme counts equal a set-based recount, and reversing every list of
        // supporting studies changes no count.
        var programmes = Enumerable.Range(1, 6).Select(i => new Intervention($"P{i}", $"Programme {i}")).ToArray();
        var studies = Enumerable.Range(1, 12).Select(i => new Study(
            $"S{i}", new Citation("A B", 2020, "T"), StudyDesign.Qualitative,
            interventionIds: i % 4 == 0 ? [$"P{i % 6 + 1}", $"P{(i + 1) % 6 + 1}"] : [$"P{i % 6 + 1}"])).ToArray();
        var links = Gen.ListOf(Gen.ListOf(Gen.Choose(1, 12)).Select(l => l.ToArray()), 8).Select(l => l.ToArray()).ToArbitrary();

        Prop.ForAll(links, supports =>
        {
            EvidenceBase Build(bool reversed) => new(studies, programmes, configurations: supports.Select((ids, c) => new CmoConfiguration(
                $"C{c}", ConfigurationFamily.Seeded[c % 3], "c", "m", "o",
                (reversed ? ids.Reverse() : ids).Select(i => $"S{i}"))));
            var forward = Build(false).RealistSynthesis();
            var backward = Build(true).RealistSynthesis();
            for (int c = 0; c < supports.Length; c++)
            {
                var ids = supports[c].Distinct().ToArray();
                int expectedProgrammes = ids.SelectMany(i => studies[i - 1].InterventionIds).Distinct().Count();
                if (forward.Configurations[c].StudyCount != ids.Length || forward.Configurations[c].ProgrammeCount != expectedProgrammes ||
                    backward.Configurations[c].StudyCount != ids.Length || backward.Configurations[c].ProgrammeCount != expectedProgrammes)
                    return false;
            }
            return forward.FamilyTallies.SequenceEqual(backward.FamilyTallies) && forward.StudyCount == backward.StudyCount;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void ToString_UnderATurkishCulture_IsUnchanged()
    {
        var previous = CultureInfo.CurrentCulture;
        string invariant = Synthesis.ToString() + Synthesis.Features + Synthesis.Themes;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("tr-TR");
            Assert.Equal(invariant, Synthesis.ToString() + Synthesis.Features + Synthesis.Themes);
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Assert.Equal(invariant, Synthesis.ToString() + Synthesis.Features + Synthesis.Themes);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
