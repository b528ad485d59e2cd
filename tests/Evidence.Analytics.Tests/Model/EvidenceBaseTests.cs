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

    /// <summary>An evidence base with every kind of integrity problem the constructor checks, each only when asked for:
    /// a duplicate study id, a duplicate intervention id, a duplicate configuration id, a study naming an unknown
    /// intervention and a finding naming an unknown study; <paramref name="findings"/> findings in all (a large evidence
    /// base is indexed side by side).</summary>
    private static EvidenceBase WithProblems(int findings, bool studyIds, bool interventionIds, bool configurationIds, bool studyReferences, bool findingReferences)
    {
        var studies = Enumerable.Range(1, 100).Select(i => new Study($"S{i}", AnyCitation, StudyDesign.Rct, interventionIds: [$"I{i % 10}"])).ToList();
        if (studyIds) studies.Add(new Study("s7", AnyCitation, StudyDesign.Rct, interventionIds: ["I1"]));
        if (studyReferences) studies.Add(new Study("S999", AnyCitation, StudyDesign.Rct, interventionIds: ["I99"]));
        var interventions = Enumerable.Range(0, 10).Select(i => Programme($"I{i}")).ToList();
        if (interventionIds) interventions.Add(Programme("i3"));
        var found = Enumerable.Range(0, findings).Select(i => new Finding($"S{1 + i % 100}", null, OutcomeDomain.MentalHealth, Direction.Improved)).ToList();
        if (findingReferences) found.Add(new Finding("S404", null, OutcomeDomain.MentalHealth, Direction.Improved));
        CmoConfiguration Configuration(string id) => new(id, ConfigurationFamily.TakeUp, "Context", "Mechanism", "Outcome", ["S1"]);
        List<CmoConfiguration> configurations = configurationIds ? [Configuration("C1"), Configuration("c1")] : [];
        return new EvidenceBase(studies, interventions, found, configurations: configurations);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(20_000)]
    public void Constructor_SeveralProblems_ThrowsTheFirstInTheOrderOfTheChecks(int findings)
    {
        string Message(bool studyIds, bool interventionIds, bool configurationIds, bool studyReferences, bool findingReferences) =>
            Assert.Throws<ArgumentException>(() => WithProblems(findings, studyIds, interventionIds, configurationIds, studyReferences, findingReferences)).Message;

        Assert.Equal("Two study records have the id 's7'.", Message(true, true, true, true, true));
        Assert.Equal("Two intervention records have the id 'i3'.", Message(false, true, true, true, true));
        Assert.Equal("Two configuration records have the id 'c1'.", Message(false, false, true, true, true));
        Assert.StartsWith("Study S999 names intervention 'I99', which is not in the evidence base.", Message(false, false, false, true, true), StringComparison.Ordinal);
        Assert.StartsWith("A finding names study 'S404', which is not in the evidence base.", Message(false, false, false, false, true), StringComparison.Ordinal);
        Assert.Equal(findings, WithProblems(findings, false, false, false, false, false).Findings.Length);
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
