namespace Evidence.Analytics.Tests.Model;

public sealed class EvidenceBaseTests
{
    private static readonly Citation AnyCitation = new("Example A, Example B, Example C", 2020, "An illustrative study");

    private static Intervention Programme(string id, params InterventionType[] types) => new(id, "Programme " + id, types);

    [Fact]
    public void StudiesOf_InterventionEvaluatedByTwoStudies_ReturnsBoth()
    {
        var group = Programme("I1", InterventionType.SocialSupport);
        var evidence = new EvidenceBase(
            [new Study("S1", AnyCitation, StudyDesign.Rct, interventionIds: ["I1"]), new Study("S2", AnyCitation, StudyDesign.Qualitative, interventionIds: ["i1"])],
            [group]);

        Assert.Equal(["S1", "S2"], evidence.StudiesOf(group).Select(s => s.Id));
    }

    [Fact]
    public void InterventionTypesOf_StudyOfTwoInterventions_IsTheUnionInDisplayOrder()
    {
        var evidence = new EvidenceBase(
            [new Study("S1", AnyCitation, StudyDesign.Rct, interventionIds: ["I1", "I2"])],
            [Programme("I1", InterventionType.ServiceNavigation, InterventionType.SocialSupport), Programme("I2", InterventionType.SocialSupport, InterventionType.CreativeRecreational)]);

        Assert.Equal(
            [InterventionType.SocialSupport, InterventionType.CreativeRecreational, InterventionType.ServiceNavigation],
            evidence.InterventionTypesOf(evidence.Study("S1")));
    }

    [Fact]
    public void InterventionsOf_FindingWithoutIntervention_MeansAllTheStudysInterventions()
    {
        var evidence = new EvidenceBase(
            [new Study("S1", AnyCitation, StudyDesign.Rct, interventionIds: ["I1", "I2"])],
            [Programme("I1"), Programme("I2")],
            [new Finding("S1", null, OutcomeDomain.MentalHealth, Direction.Improved), new Finding("S1", "I2", OutcomeDomain.MentalHealth, Direction.Mixed)]);

        Assert.Equal(["I1", "I2"], evidence.InterventionsOf(evidence.Findings[0]).Select(i => i.Id));
        Assert.Equal(["I2"], evidence.InterventionsOf(evidence.Findings[1]).Select(i => i.Id));
    }

    [Fact]
    public void Constructor_DuplicateStudyId_ThrowsNamingTheId()
    {
        var error = Assert.Throws<ArgumentException>(() => new EvidenceBase(
            [new Study("S1", AnyCitation, StudyDesign.Rct), new Study("s1", AnyCitation, StudyDesign.Rct)]));

        Assert.Contains("'s1'", error.Message);
    }

    [Fact]
    public void Constructor_FindingOfUnknownStudy_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new EvidenceBase(
            [new Study("S1", AnyCitation, StudyDesign.Rct)], findings: [new Finding("S9", null, OutcomeDomain.MentalHealth, Direction.Improved)]));

        Assert.Contains("'S9'", error.Message);
    }

    [Fact]
    public void Constructor_FindingOfInterventionTheStudyDoesNotEvaluate_Throws()
    {
        Assert.Throws<ArgumentException>(() => new EvidenceBase(
            [new Study("S1", AnyCitation, StudyDesign.Rct, interventionIds: ["I1"])],
            [Programme("I1"), Programme("I2")],
            [new Finding("S1", "I2", OutcomeDomain.MentalHealth, Direction.Improved)]));
    }

    [Fact]
    public void Constructor_ConfigurationSupportedByUnknownStudy_Throws()
    {
        Assert.Throws<ArgumentException>(() => new EvidenceBase(
            [new Study("S1", AnyCitation, StudyDesign.Qualitative)],
            configurations: [new CmoConfiguration("TU1", ConfigurationFamily.TakeUp, "c", "m", "o", ["S2"])]));
    }

    [Theory]
    [InlineData(StudyDesign.Rct, DesignGroup.Rct)]
    [InlineData(StudyDesign.ClusterRct, DesignGroup.Rct)]
    [InlineData(StudyDesign.Qualitative, DesignGroup.Qualitative)]
    [InlineData(StudyDesign.MixedMethods, DesignGroup.Other)]
    [InlineData(StudyDesign.ServiceEvaluation, DesignGroup.Other)]
    [InlineData(StudyDesign.CohortPrePost, DesignGroup.Other)]
    public void Group_Design_IsTheScopingReviewsGroup(StudyDesign design, DesignGroup expected) =>
        Assert.Equal(expected, design.Group());
}
