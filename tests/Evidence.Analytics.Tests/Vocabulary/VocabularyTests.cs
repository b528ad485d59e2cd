using Xunit;

namespace Evidence.Analytics.Tests.Vocabulary;

/// <summary>Vocabularies map the spellings people type (case, punctuation, UK/US spelling, abbreviations) to canonical
/// values, and reject anything unknown with the accepted list rather than turning it into "Other".</summary>
public sealed class VocabularyTests
{
    [Theory]
    [InlineData("RCT", StudyDesign.Rct)]
    [InlineData("rct", StudyDesign.Rct)]
    [InlineData("Randomised controlled trial", StudyDesign.Rct)]
    [InlineData("randomized controlled trial", StudyDesign.Rct)]
    [InlineData("RANDOMISED CONTROLLED TRIAL", StudyDesign.Rct)]
    [InlineData("  randomised-controlled trial ", StudyDesign.Rct)]
    [InlineData("Cluster randomised trial", StudyDesign.ClusterRct)]
    [InlineData("cRCT", StudyDesign.ClusterRct)]
    [InlineData("quasi-experimental", StudyDesign.QuasiExperimental)]
    [InlineData("Pre-post", StudyDesign.CohortPrePost)]
    [InlineData("Cross-sectional survey", StudyDesign.CrossSectionalSurvey)]
    [InlineData("Mixed-methods", StudyDesign.MixedMethods)]
    [InlineData("Programme evaluation", StudyDesign.ServiceEvaluation)]
    [InlineData("program evaluation", StudyDesign.ServiceEvaluation)]
    [InlineData("MixedMethods", StudyDesign.MixedMethods)]
    public void Design_TryParse_AcceptsCommonSpellings(string text, StudyDesign expected)
    {
        Assert.True(Vocabularies.Design.TryParse(text, out var design));
        Assert.Equal(expected, design);
    }

    [Theory]
    [InlineData("Social connection")]
    [InlineData("social isolation")]
    [InlineData("Loneliness")]
    [InlineData("social_connection")]
    [InlineData("Social connectedness")]
    public void OutcomeDomain_TryParse_MapsSynonymsAndRelatedConstructsToSocialConnection(string text)
    {
        Assert.True(Vocabularies.OutcomeDomain.TryParse(text, out var domain));
        Assert.Equal(OutcomeDomain.SocialConnection, domain);
    }

    [Theory]
    [InlineData("Counselling", "Therapeutic support")]
    [InlineData("counseling", "Therapeutic support")]
    [InlineData("Education & information", "Education/information")]
    [InlineData("creative and recreational", "Creative/recreational")]
    public void InterventionType_TryParse_FoldsUkUsAndPunctuation(string text, string expected)
    {
        Assert.True(Vocabularies.InterventionType.TryParse(text, out var type));
        Assert.Equal(expected, type.Name);
    }

    [Theory]
    [InlineData("Improved", Direction.Improved)]
    [InlineData("▲", Direction.Improved)]
    [InlineData("▼", Direction.Worsened)]
    [InlineData("no change", Direction.NoDifference)]
    [InlineData("◄►", Direction.NoDifference)]
    [InlineData("favours control", Direction.Worsened)]
    [InlineData("NR", Direction.NotReported)]
    public void Direction_TryParse_AcceptsWordsAndEffectDirectionSymbols(string text, Direction expected)
    {
        Assert.True(Vocabularies.Direction.TryParse(text, out var direction));
        Assert.Equal(expected, direction);
    }

    [Theory]
    [InlineData("Randomised contrlled trial")]
    [InlineData("Case-control")]
    [InlineData("")]
    [InlineData(null)]
    public void Design_UnknownText_IsRejectedNotMappedToOther(string? text)
    {
        Assert.False(Vocabularies.Design.TryParse(text, out _));
    }

    [Fact]
    public void Parse_UnknownText_ThrowsListingAcceptedValues()
    {
        var exception = Assert.Throws<FormatException>(() => Vocabularies.Design.Parse("Case-control"));

        Assert.Equal(
            "'Case-control' is not a known design; expected one of: RCT; Cluster RCT; Quasi-experimental; Cohort / pre-post; " +
            "Cross-sectional / survey; Qualitative; Mixed methods; Service evaluation; Case study; Other.",
            exception.Message);
    }

    [Fact]
    public void With_NewTerm_AcceptsItsSynonymsAndKeepsSeededOrder()
    {
        var extended = Vocabularies.InterventionType.With(new InterventionType("Financial advice", 100), "Financial advice", "welfare rights", "money advice");

        Assert.True(extended.TryParse("Welfare-rights", out var type));
        Assert.Equal("Financial advice", type.Name);
        Assert.Equal("Financial advice", extended.Accepted[^1]);
        Assert.False(Vocabularies.InterventionType.TryParse("welfare rights", out _));
    }

    [Fact]
    public void With_SpellingThatIsATermOrSynonym_Throws()
    {
        Assert.Throws<InvalidOperationException>(() =>
            Vocabularies.InterventionType.With(new InterventionType("Peer mentoring", 100), "Peer mentoring", "therapy"));
        Assert.Throws<InvalidOperationException>(() =>
            Vocabularies.InterventionType.With(new InterventionType("Peer mentoring", 100), "Peer mentoring", "Service navigation"));
    }

    [Fact]
    public void With_SpellingThatIsARelatedConstruct_MovesToTheNewTerm()
    {
        var extended = Vocabularies.InterventionType.With(new InterventionType("Peer mentoring", 100), "Peer mentoring", "peer support");

        Assert.Equal("Peer mentoring", extended.Parse("Peer support").Name);
        Assert.Empty(extended.Terms[0].RelatedConstructs);
        Assert.Equal(["peer support"], Vocabularies.InterventionType.Terms[0].RelatedConstructs.ToArray());
    }

    [Theory]
    [InlineData("N/A")]
    [InlineData("none")]
    [InlineData("-")]
    public void With_BlankMarkerAsSynonym_Throws(string synonym)
    {
        var exception = Assert.Throws<InvalidOperationException>(() =>
            Vocabularies.OutcomeDomain.With(new OutcomeDomain("Financial security", 100), "Financial security", synonym));
        Assert.Contains("blank marker", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_AmbiguousWordAsSynonym_Throws()
    {
        var exception = Assert.Throws<InvalidOperationException>(() =>
            new Vocabulary<Direction>("direction of effect", [(Direction.Improved, "Improved", ["positive"], [])], [("positive", "a sign, not a direction")]));
        Assert.Contains("ambiguous", exception.Message, StringComparison.Ordinal);
    }
}
