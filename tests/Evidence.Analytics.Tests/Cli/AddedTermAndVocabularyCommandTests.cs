using System.Text.Json;
using Evidence.Analytics.Cli;
using Evidence.Analytics.Tests.Charts;
using Evidence.Analytics.Tests.Import;
using static Evidence.Analytics.Tests.Import.TestWorkbooks;

namespace Evidence.Analytics.Tests.Cli;

/// <summary>Options that take a vocabulary value accept the review's added terms and their synonyms (issue 12, item 4),
/// and <c>evidence vocabulary</c> prints every vocabulary from the definitions the import uses.</summary>
public sealed class AddedTermAndVocabularyCommandTests
{
    private static Task<(int Exit, string Output, string Error)> Run(params string[] args) => CliRunner.Run(args);

    /// <summary>The valid test review, with Financial advice (an intervention type), Financial security and Loneliness
    /// (outcome domains) declared on its Vocabulary sheet. By hand: S01 (RCT, I01) and S02 (qualitative, I01 and I02, where
    /// I02 is financial advice). Financial security: S01 improved, S02 worsened. Loneliness: S02 improved.</summary>
    private static string ReviewWithAddedTerms()
    {
        var files = Valid();
        files["vocabulary.csv"] = "Field,Term,Synonyms\nIntervention type,Financial advice,money advice; welfare rights\nOutcome domain,Financial security,money worries\nOutcome domain,Loneliness,\n";
        files["interventions.csv"] = InterventionsHeader + "\n" +
            "I01,Peer group,Social support; Education/information,Group,In person,Peer volunteer,Self-referral,No,Single need,Time-limited,Postnatal,Centre,\n" +
            "I02,Advice service,Financial advice,One-to-one,In person,Link worker,Formal referral,Yes,Holistic,Ongoing,Postnatal,GP practice,\n";
        files["findings.csv"] = FindingsHeader + "\n" +
            "S01,,Social connection,UCLA Loneliness Scale,Improved,MD,-3.2,-5.8,-0.6\n" +
            "S01,,Money worries,,Improved,,,,\n" +
            "S02,I02,Financial security,,Worsened,,,,\n" +
            "S02,I02,Loneliness,,Improved,,,,\n";
        return CsvFolder(files);
    }

    [Fact]
    public async Task Share_AcceptsAnAddedOutcomeDomain()
    {
        string review = ReviewWithAddedTerms();
        // S02 is qualitative, so it votes only with --include-qualitative (issue 16); by default it is reported beside.
        var (exit, output, error) = await Run("share", review, "--outcome", "money worries", "--include-qualitative", "--json");
        var (lonelyExit, lonelyOutput, _) = await Run("share", review, "--outcome", "Loneliness", "--include-qualitative", "--json");
        var (_, quantitativeOutput, _) = await Run("share", review, "--outcome", "money worries", "--json");

        Assert.True(exit == EvidenceCli.Success, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal((1, 2), (json.RootElement.GetProperty("numerator").GetInt32(), json.RootElement.GetProperty("denominator").GetInt32()));
        Assert.Equal(1, json.RootElement.GetProperty("worsened").GetInt32());
        Assert.Contains("Financial security", json.RootElement.GetProperty("description").GetString(), StringComparison.Ordinal);
        // Declared, Loneliness is its own domain rather than social connection.
        Assert.Equal(EvidenceCli.Success, lonelyExit);
        using var lonely = JsonDocument.Parse(lonelyOutput);
        Assert.Equal((1, 1), (lonely.RootElement.GetProperty("numerator").GetInt32(), lonely.RootElement.GetProperty("denominator").GetInt32()));
        Assert.Contains("Loneliness", lonely.RootElement.GetProperty("description").GetString(), StringComparison.Ordinal);
        using var quantitative = JsonDocument.Parse(quantitativeOutput);
        Assert.Equal((1, 1), (quantitative.RootElement.GetProperty("numerator").GetInt32(), quantitative.RootElement.GetProperty("denominator").GetInt32()));
        Assert.Equal(1, quantitative.RootElement.GetProperty("qualitativeNotCounted").GetProperty("worsened").GetInt32());
    }

    [Fact]
    public async Task Map_AcceptsAnAddedInterventionTypeAndOutcomeBySynonym()
    {
        var (exit, output, error) = await Run("map", ReviewWithAddedTerms(), "--intervention-type", "welfare rights", "--outcome", "money worries", "--json");

        Assert.True(exit == EvidenceCli.Success, error);
        using var json = JsonDocument.Parse(output);
        // Only I02 is financial advice, so only S02's finding about I02 in Financial security counts.
        Assert.Equal(1, json.RootElement.GetProperty("totalStudies").GetInt32());
        var cell = json.RootElement.GetProperty("cells").EnumerateArray()
            .Single(c => c.GetProperty("row").GetString() == "Financial advice" && c.GetProperty("column").GetString() == "Financial security");
        Assert.Equal(["S02"], cell.GetProperty("studyIds").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Share_UnknownTerm_ListsTheReviewsAddedTerms()
    {
        var (exit, _, error) = await Run("share", ReviewWithAddedTerms(), "--outcome", "money", "--intervention-type", "cash");

        Assert.Equal(EvidenceCli.UsageError, exit);
        Assert.Contains("'money' is not a known outcome domain; expected one of: Social connection;", error, StringComparison.Ordinal);
        Assert.Contains("Service use; Financial security; Loneliness.", error, StringComparison.Ordinal);
        Assert.Contains("--intervention-type: 'cash' is not a known intervention type; expected one of: Social support;", error, StringComparison.Ordinal);
        Assert.Contains("Service navigation; Financial advice.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Share_DesignWithDots_IsRct()
    {
        var (exit, output, error) = await Run("share", SampleDataTests.SampleFolder, "--outcome", "mental health", "--design", "R.C.T.", "--json");

        Assert.True(exit == EvidenceCli.Success, error);
        using var json = JsonDocument.Parse(output);
        // 6 of the 10 RCTs with a mental-health finding improved (worked out in BlankMarkerAndAmbiguityTests).
        Assert.Equal((6, 10), (json.RootElement.GetProperty("numerator").GetInt32(), json.RootElement.GetProperty("denominator").GetInt32()));
    }

    [Fact]
    public async Task Share_AmbiguousDirection_IsAUsageErrorSayingWhy()
    {
        var (exit, _, error) = await Run("share", SampleDataTests.SampleFolder, "--outcome", "mental health", "--direction", "positive");

        Assert.Equal(EvidenceCli.UsageError, exit);
        Assert.Contains("--direction: 'positive' is ambiguous as a direction of effect: a positive effect estimate can mean harm", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vocabulary_Text_IsTheApprovedOne()
    {
        var (exit, output, error) = await Run("vocabulary");

        Assert.Equal((EvidenceCli.Success, ""), (exit, error));
        Approvals.Verify(Path.Combine("Cli", "Approved"), "vocabulary.approved.txt", output.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("direction", "direction of effect")]
    [InlineData("Types", "intervention type")]
    [InlineData("Outcome_Domain", "outcome domain")]
    [InlineData("typology", "typology level")]
    [InlineData("link worker", "yes/no value")]
    public async Task Vocabulary_Field_ByNameOrColumn_PrintsThatVocabularyAsJson(string field, string expected)
    {
        var (exit, output, error) = await Run("vocabulary", field, "--json");

        Assert.Equal((EvidenceCli.Success, ""), (exit, error));
        using var json = JsonDocument.Parse(output);
        var vocabulary = Assert.Single(json.RootElement.GetProperty("vocabularies").EnumerateArray());
        Assert.Equal(expected, vocabulary.GetProperty("field").GetString());
        var definition = Vocabularies.All.Single(v => v.Field == expected);
        Assert.Equal(definition.Accepted, vocabulary.GetProperty("terms").EnumerateArray().Select(t => t.GetProperty("term").GetString()));
        Assert.Equal(definition.Terms.Select(t => t.RelatedConstructs.Length),
            vocabulary.GetProperty("terms").EnumerateArray().Select(t => t.GetProperty("relatedConstructs").GetArrayLength()));
    }

    [Fact]
    public async Task Vocabulary_Json_ListsAmbiguousWordsAndRelatedConstructs()
    {
        var (_, output, _) = await Run("vocabulary", "--json");

        using var json = JsonDocument.Parse(output);
        var all = json.RootElement.GetProperty("vocabularies").EnumerateArray().ToList();
        Assert.Equal(Vocabularies.All.Select(v => v.Field), all.Select(v => v.GetProperty("field").GetString()));
        var direction = all.Single(v => v.GetProperty("field").GetString() == "direction of effect");
        Assert.Equal(["Findings: Direction"], direction.GetProperty("columns").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("negative", direction.GetProperty("ambiguous").EnumerateArray().Select(a => a.GetProperty("spelling").GetString()));
        var social = all.Single(v => v.GetProperty("field").GetString() == "outcome domain").GetProperty("terms")[0];
        Assert.Contains("loneliness", social.GetProperty("relatedConstructs").EnumerateArray().Select(e => e.GetString()));
        Assert.DoesNotContain("loneliness", social.GetProperty("synonyms").EnumerateArray().Select(e => e.GetString()));
        var needs = all.Single(v => v.GetProperty("field").GetString() == "needs assessment");
        Assert.DoesNotContain("none", needs.GetProperty("blankMarkers").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Vocabulary_UnknownField_ExitsTwoListingTheFields()
    {
        var (exit, _, error) = await Run("vocabulary", "colour");

        Assert.Equal(EvidenceCli.UsageError, exit);
        Assert.Contains("'colour' is not a vocabulary; expected one of: design; timing;", error, StringComparison.Ordinal);
    }
}
