namespace Evidence.Analytics.Tests.Realist;

/// <summary>The bundled realist sample reproduces the counts McLeish, Ayers &amp; McCourt (2023) published in their abstract
/// (shared/domain/002_54b2f45abe7150eb.txt): 29 studies of 22 programmes; 34 CMO configurations, 13 take-up, 13 positive
/// impact and 8 negative impact; and the themes it names for each family (7, 6 and 7).</summary>
public sealed class PerinatalPeerSupportSampleTests
{
    internal static string SampleFolder => Path.Combine(AppContext.BaseDirectory, "data-samples", "perinatal-peer-support");

    internal static string SampleWorkbook => Path.Combine(AppContext.BaseDirectory, "data-samples", "perinatal-peer-support.xlsx");

    private static readonly Lazy<EvidenceBase> Evidence = new(() => EvidenceWorkbook.Read(SampleFolder).GetEvidenceOrThrow());

    [Fact]
    public void Read_SampleCsvFolder_IsValidWithoutWarnings()
    {
        var result = EvidenceWorkbook.Read(SampleFolder);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Empty(result.Problems);
        Assert.Equal(result.RowsRead, result.RowsImported);
    }

    [Fact]
    public void Sample_StudiesProgrammesAndConfigurations_MatchPublishedCounts()
    {
        var evidence = Evidence.Value;
        var synthesis = evidence.RealistSynthesis();

        Assert.Equal(29, evidence.Studies.Length);
        Assert.Equal(22, evidence.Interventions.Length);
        Assert.Equal(34, evidence.Configurations.Length);
        Assert.Equal([13, 13, 8], synthesis.FamilyTallies.Select(t => t.Configurations));
        Assert.Equal(29, synthesis.StudyCount);      // every study supports at least one configuration
        Assert.Equal(22, synthesis.ProgrammeCount);  // every programme is behind at least one
        Assert.Empty(synthesis.UnlinkedStudies);
        Assert.All(synthesis.Configurations, c => Assert.True(c.StudyCount >= 1, c.ToString()));
    }

    [Fact]
    public void Sample_Themes_AreTheAbstractsThemesPerFamily()
    {
        var themes = Evidence.Value.RealistSynthesis().Themes;
        int ThemesIn(ConfigurationFamily family) => themes.Themes.Count(t => themes.Count(t, family) > 0);

        Assert.Equal(7, ThemesIn(ConfigurationFamily.TakeUp));
        Assert.Equal(6, ThemesIn(ConfigurationFamily.PositiveImpact));
        Assert.Equal(7, ThemesIn(ConfigurationFamily.NegativeImpact));
        Assert.Equal(2, themes.Count("Self-criticism from downward and upward social comparison", ConfigurationFamily.NegativeImpact));
        Assert.Empty(themes.Untagged);
    }

    [Fact]
    public void Sample_Programmes_AreOneToOneOrGroupInPersonOrByTelephone_MostlyVolunteers()
    {
        var programmes = Evidence.Value.Interventions;

        Assert.All(programmes, p => Assert.NotEmpty(p.Formats));
        Assert.All(programmes, p => Assert.DoesNotContain(DeliveryMode.Online, p.Modes));
        Assert.True(programmes.Count(p => p.Deliverers.Contains(Deliverer.PeerVolunteer)) > programmes.Length / 2);
        Assert.Equal(3, programmes.Select(p => p.Timing).Distinct().Count());
        // Several studies of one programme: 29 studies of 22 programmes.
        Assert.Equal(29, programmes.Sum(p => Evidence.Value.StudiesOf(p).Length));
    }

    [Fact]
    public void Sample_ReviewNotes_SayTheRowsAreIllustrativeAndCiteTheReview()
    {
        var review = Evidence.Value.Review;

        Assert.Contains("Illustrative", review.Notes, StringComparison.Ordinal);
        Assert.Contains("doi:10.1186/s12884-023-05843-8", review.Notes, StringComparison.Ordinal);
        Assert.All(Evidence.Value.Studies, s => Assert.Null(s.Citation.Doi));
        Assert.All(Evidence.Value.Studies, s => Assert.StartsWith("Illustrative study", s.Citation.Title, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_SampleWorkbook_EqualsItsCsvSource()
    {
        // data-samples/perinatal-peer-support.xlsx is made from the CSV folder with `evidence convert`; it must not drift.
        var result = EvidenceWorkbook.Read(SampleWorkbook);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Empty(result.Problems);
        var workbook = result.GetEvidenceOrThrow();
        Assert.Equal(EvidenceDump.Of(Evidence.Value), EvidenceDump.Of(workbook));
        Assert.Equal(Evidence.Value.Review, workbook.Review);
    }
}
