using Xunit;
namespace Evidence.Analytics.Tests.Import;

/// <summary>The bundled sample reproduces every count the scoping review published (conference abstract B1,
/// "It Takes a Village", shared/domain/000_a634b5c37354ef85.txt): 33 studies, 15 RCTs, 6 qualitative, 12 other; intervention
/// types 23/16/11/10/9/7 counted once per study; 13,851 screened and 33 included.</summary>
public sealed class SampleDataTests
{
    internal static string SampleFolder => Path.Combine(AppContext.BaseDirectory, "data-samples", "postpartum-social-prescribing");

    private static EvidenceBase Sample => EvidenceWorkbook.Read(SampleFolder).GetEvidenceOrThrow();

    [Fact]
    public void Read_SampleWorkbook_EqualsItsCsvSource()
    {
        // data-samples/postpartum-social-prescribing.xlsx is generated from the CSV folder by the workbook writer;
        // this keeps the checked-in workbook from drifting away from its reviewable source.
        var workbook = EvidenceWorkbook.Read(Path.Combine(AppContext.BaseDirectory, "data-samples", "postpartum-social-prescribing.xlsx"));

        Assert.True(workbook.IsValid, string.Join("\n", workbook.Problems));
        Assert.Empty(workbook.Problems);
        Assert.Equal(EvidenceDump.Of(Sample), EvidenceDump.Of(workbook.Evidence!));
        Assert.Equal(Sample.Review, workbook.Evidence!.Review);
    }

    [Fact]
    public void Read_SampleCsvFolder_IsValidWithoutWarnings()
    {
        var result = EvidenceWorkbook.Read(SampleFolder);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Empty(result.Problems);
        Assert.Equal(result.RowsRead, result.RowsImported);
    }

    [Fact]
    public void Sample_StudiesByDesignGroup_MatchPublishedCounts()
    {
        var evidence = Sample;
        Assert.Equal(33, evidence.Studies.Length);
        Assert.Equal(15, evidence.Studies.Count(s => s.DesignGroup == DesignGroup.Rct));
        Assert.Equal(6, evidence.Studies.Count(s => s.DesignGroup == DesignGroup.Qualitative));
        Assert.Equal(12, evidence.Studies.Count(s => s.DesignGroup == DesignGroup.Other));
    }

    [Fact]
    public void Sample_InterventionTypesCountedOncePerStudy_MatchPublishedCounts()
    {
        var evidence = Sample;
        int Count(InterventionType type) => evidence.Studies.Count(s => evidence.InterventionTypesOf(s).Contains(type));

        Assert.Equal(23, Count(InterventionType.SocialSupport));
        Assert.Equal(16, Count(InterventionType.EducationInformation));
        Assert.Equal(11, Count(InterventionType.PhysicalWellbeing));
        Assert.Equal(10, Count(InterventionType.CreativeRecreational));
        Assert.Equal(9, Count(InterventionType.TherapeuticSupport));
        Assert.Equal(7, Count(InterventionType.ServiceNavigation));
    }

    [Fact]
    public void Sample_Flow_EndsInPublishedCountsAndAddsUp()
    {
        var flow = Sample.Flow!;
        Assert.Equal(13_851, flow.Screened);
        Assert.Equal(33, flow.StudiesIncluded);
        Assert.Empty(flow.Inconsistencies);
    }

    [Fact]
    public void Sample_Countries_MainlyUkAustraliaUsa()
    {
        var counts = Sample.Studies.SelectMany(s => s.Countries).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        var top3 = counts.OrderByDescending(p => p.Value).Take(3).Select(p => p.Key).Order().ToArray();
        Assert.Equal(["Australia", "UK", "USA"], top3);
        Assert.True(counts["UK"] + counts["Australia"] + counts["USA"] > 33 / 2);
    }

    [Fact]
    public void Sample_Typology_MostlyLightWithFewLinkWorkers()
    {
        var evidence = Sample;
        var levels = evidence.Studies.SelectMany(evidence.InterventionsOf).Select(i => i.Typology.Level).ToList();
        Assert.True(levels.Count(l => l == TypologyLevel.Light) > levels.Count / 2);
        Assert.True(evidence.Interventions.Count(i => i.HasLinkWorker == true) <= 3);
    }

    [Fact]
    public void Sample_Postnatal_WithinTwelveMonths()
    {
        Assert.All(Sample.Studies, s => Assert.InRange(s.MonthsAfterBirth!.Value, 1, 12));
    }

    [Fact]
    public void Sample_SocialConnection_IsMostConsistentlyImprovedAmongRcts()
    {
        var evidence = Sample;
        var rcts = evidence.Studies.Where(s => s.DesignGroup == DesignGroup.Rct).ToList();
        (int Improved, int Measured) Share(OutcomeDomain domain)
        {
            var measured = rcts.Where(s => evidence.FindingsOf(s).Any(f => f.Domain == domain)).ToList();
            return (measured.Count(s => evidence.FindingsOf(s).Any(f => f.Domain == domain && f.Direction == Direction.Improved)), measured.Count);
        }

        Assert.Equal((7, 9), Share(OutcomeDomain.SocialConnection));
        double social = 7.0 / 9;
        foreach (var domain in new[] { OutcomeDomain.MentalHealth, OutcomeDomain.ParentingConfidence, OutcomeDomain.MotherInfantBonding })
        {
            var (improved, measured) = Share(domain);
            Assert.True(improved > 0 && (double)improved / measured < social, $"{domain}: {improved}/{measured}");
        }
    }

    [Fact]
    public void Sample_Review_SaysRowsAreIllustrative()
    {
        var review = Sample.Review;
        Assert.Contains("illustrative", review.Notes, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("match the published", review.Notes, StringComparison.OrdinalIgnoreCase);
        Assert.All(Sample.Studies, s => Assert.True(s.Citation.Doi is null || s.Citation.Doi.StartsWith("10.5555/", StringComparison.Ordinal)));
    }
}
