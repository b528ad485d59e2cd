using Xunit;
using static Evidence.Analytics.Tests.Import.TestWorkbooks;

namespace Evidence.Analytics.Tests.Import;

/// <summary>Spellings that map a distinct construct onto a broader term ("Loneliness" counted as Social connection) are
/// listed as related constructs, reported on import, and give way to a term the review declares itself (issue 12, item 3).</summary>
public sealed class RelatedConstructTests
{
    private static ImportResult Read(string findings, string? vocabulary = null)
    {
        var files = Valid();
        files["findings.csv"] = FindingsHeader + "\n" + findings;
        if (vocabulary is not null) files["vocabulary.csv"] = "Field,Term,Synonyms\n" + vocabulary;
        return EvidenceWorkbook.Read(CsvFolder(files));
    }

    [Fact]
    public void Loneliness_WithoutDeclaration_IsSocialConnectionWithOneWarningPerColumn()
    {
        var result = Read("S01,,Loneliness,UCLA,Improved,,,,\nS02,I02,loneliness,,Improved,,,,\nS02,I01,Social isolation,,No difference,,,,\n");

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.All(result.Evidence!.Findings, f => Assert.Equal(OutcomeDomain.SocialConnection, f.Domain));
        var warnings = result.Problems.Where(p => p.Kind == ProblemKind.RelatedConstruct).ToList();
        Assert.Equal([("C2", "Loneliness"), ("C4", "Social isolation")], warnings.Select(p => (p.Cell!, p.Value!)));
        Assert.All(warnings, p => Assert.Equal(ProblemSeverity.Warning, p.Severity));
        Assert.Contains("counts it as the outcome domain 'Social connection'", warnings[0].Message, StringComparison.Ordinal);
        Assert.Contains("declare 'Loneliness' as an outcome domain on the Vocabulary sheet", warnings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void VocabularySheet_DeclaresLoneliness_AsItsOwnOutcomeDomain()
    {
        var result = Read(
            "S01,,Loneliness,UCLA,Improved,,,,\nS02,I02,feeling lonely,,Improved,,,,\nS02,I01,Social isolation,,No difference,,,,\n",
            "Outcome domain,Loneliness,feeling lonely\n");

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var evidence = result.Evidence!;
        Assert.Equal(["Loneliness", "Loneliness", "Social connection"], evidence.Findings.Select(f => f.Domain.Name));
        // The declared term wins; the built-in mapping of the other construct still stands and is still reported.
        Assert.Equal([("C4", "Social isolation")], result.Problems.Where(p => p.Kind == ProblemKind.RelatedConstruct).Select(p => (p.Cell!, p.Value!)));
        Assert.Equal("Loneliness", evidence.Vocabularies.OutcomeDomains.Parse("LONELINESS").Name);
        Assert.DoesNotContain("loneliness", evidence.Vocabularies.OutcomeDomains.Terms[0].RelatedConstructs);
        // Only the review's vocabulary changed.
        Assert.Equal(OutcomeDomain.SocialConnection, Vocabularies.OutcomeDomain.Parse("Loneliness"));
    }

    [Theory]
    [InlineData("Outcome domain,Wellbeing measures,Mental health\n", "Synonyms", "Mental health")]
    [InlineData("Outcome domain,Life quality,QoL\n", "Synonyms", "QoL")]
    [InlineData("Outcome domain,Social connection,\n", "Term", "Social connection")]
    public void VocabularySheet_SpellingOfAnExistingTermOrSynonym_IsStillAnError(string vocabulary, string column, string value)
    {
        var result = Read("S01,,Social connection,,Improved,,,,\n", vocabulary);

        Assert.False(result.IsValid);
        var problem = Assert.Single(result.Errors);
        Assert.Equal(("Vocabulary", 2, column), (problem.Sheet!, problem.Row!.Value, problem.Column!));
        Assert.Contains(value, problem.Value!, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryRelatedConstruct_IsListedApartFromSynonyms()
    {
        foreach (var vocabulary in Vocabularies.All)
        {
            foreach (var term in vocabulary.Terms)
                Assert.Empty(term.Synonyms.Intersect(term.RelatedConstructs, StringComparer.OrdinalIgnoreCase));
        }
        Assert.Contains("loneliness", Vocabularies.OutcomeDomain.Terms.Single(t => t.Label == "Social connection").RelatedConstructs);
        Assert.Contains("social isolation", Vocabularies.OutcomeDomain.Terms.Single(t => t.Label == "Social connection").RelatedConstructs);
    }
}
