using Xunit;
using static Evidence.Analytics.Tests.Import.TestWorkbooks;

namespace Evidence.Analytics.Tests.Import;

/// <summary>Blank markers ("NULL", "N/A", "-") and ambiguous words ("negative", "0") never become values: a marker is
/// an empty cell (an error where the column is required, a warning naming the cell where not), an ambiguous word is an
/// error listing the accepted values and saying why. Found by issue 12: one NULL in the Direction column moved "RCTs
/// improving mental health" from 6/10 to 5/10 without a message.</summary>
public sealed class BlankMarkerAndAmbiguityTests
{
    private const string AcceptedDirections = "Improved; No difference; Worsened; Mixed; Not reported";

    /// <summary>The sample as a CSV folder, with row <paramref name="row"/> (as Excel numbers it) of findings.csv changed.</summary>
    private static string SampleWithFinding(int row, Func<string, string> change)
    {
        var files = Directory.GetFiles(SampleDataTests.SampleFolder, "*.csv").ToDictionary(f => Path.GetFileName(f), File.ReadAllText);
        var lines = files["findings.csv"].Split('\n');
        lines[row - 1] = change(lines[row - 1]);
        files["findings.csv"] = string.Join('\n', lines);
        return CsvFolder(files);
    }

    private static ImportResult ReadFindings(string findings)
    {
        var files = Valid();
        files["findings.csv"] = FindingsHeader + "\n" + findings;
        return EvidenceWorkbook.Read(CsvFolder(files));
    }

    [Fact]
    public void Direction_NullMarker_IsBlankNotNoDifference()
    {
        // findings.csv row 6 is S02 (an RCT), Mental health, Improved. By hand from the sample's CSV files, the RCTs
        // (RCT or cluster RCT) with a mental-health finding are S01 S02 S03 S05 S06 S08 S09 S10 S13 S15, one finding
        // each: improved S02 S03 S05 S08 S09 S15 (6); no difference S01 S06 S13; mixed S10. So 6 of 10.
        var sample = EvidenceWorkbook.Read(SampleDataTests.SampleFolder).GetEvidenceOrThrow();
        var share = sample.Share(design: DesignGroup.Rct, outcome: OutcomeDomain.MentalHealth);
        Assert.Equal((6, 10), (share.Numerator, share.Denominator));

        string folder = SampleWithFinding(6, line => line.Replace(",Improved,", ",NULL,", StringComparison.Ordinal));
        var result = EvidenceWorkbook.Read(folder);

        // Before the fix NULL read as "No difference" and the headline became 5 of 10; now the row is refused.
        Assert.False(result.IsValid);
        var problem = Single(result, ProblemKind.MissingValue);
        Assert.Equal(("Findings", 6, "Direction", "E6", "NULL"), (problem.Sheet!, problem.Row!.Value, problem.Column!, problem.Cell!, problem.Value!));
        Assert.Contains("blank marker 'NULL'", problem.Message, StringComparison.Ordinal);
        Assert.Contains(AcceptedDirections, problem.Message, StringComparison.Ordinal);
        Assert.Equal(1, result.RowsReported);
    }

    /// <summary>The fifteen probes of issue 12, every one accepted as a vote before: blank markers and ambiguous words.</summary>
    public static TheoryData<string, ProblemKind, string> DirectionProbes => new()
    {
        { "NULL", ProblemKind.MissingValue, "blank marker 'NULL'" },
        { "null", ProblemKind.MissingValue, "blank marker 'null'" },
        { "none", ProblemKind.MissingValue, "blank marker 'none'" },
        { "NA", ProblemKind.MissingValue, "blank marker 'NA'" },
        { "N/A", ProblemKind.MissingValue, "blank marker 'N/A'" },
        { "n/a", ProblemKind.MissingValue, "blank marker 'n/a'" },
        { "-", ProblemKind.MissingValue, "blank marker '-'" },
        { ".", ProblemKind.MissingValue, "blank marker '.'" },
        { "?", ProblemKind.MissingValue, "blank marker '?'" },
        { "nil", ProblemKind.MissingValue, "blank marker 'nil'" },
        { "0", ProblemKind.UnknownVocabulary, "'0' is ambiguous as a direction of effect: it may mean no difference" },
        { "negative", ProblemKind.UnknownVocabulary, "'negative' is ambiguous as a direction of effect: a negative effect estimate can mean improvement (e.g. lower depression scores)" },
        { "positive", ProblemKind.UnknownVocabulary, "'positive' is ambiguous as a direction of effect: a positive effect estimate can mean harm" },
        { "yes", ProblemKind.UnknownVocabulary, "'yes' is ambiguous as a direction of effect: it does not say which way the effect went" },
        { "no", ProblemKind.UnknownVocabulary, "'no' is ambiguous as a direction of effect" },
    };

    [Theory]
    [MemberData(nameof(DirectionProbes))]
    public void Direction_AmbiguousWords_AreErrorsListingAcceptedValues(string probe, ProblemKind kind, string why)
    {
        var result = ReadFindings($"S01,,Social connection,,{probe},,,,\nS02,I02,Social connection,,Improved,,,,\n");

        Assert.False(result.IsValid);
        var problem = Single(result, kind);
        Assert.Equal(ProblemSeverity.Error, problem.Severity);
        Assert.Equal((2, "Direction", "E2", probe), (problem.Row!.Value, problem.Column!, problem.Cell!, problem.Value!));
        Assert.Contains(why, problem.Message, StringComparison.Ordinal);
        Assert.Contains(AcceptedDirections, problem.Message, StringComparison.Ordinal);
        Assert.Single(result.Errors);
    }

    [Theory]
    [InlineData("no significant difference")]
    [InlineData("n.s.")]
    [InlineData("+")]
    [InlineData("up")]
    [InlineData("unclear")]
    public void Direction_SignificanceAndSignWords_AreRefused(string probe)
    {
        Assert.False(Vocabularies.Direction.TryParse(probe, out _));
        Assert.Contains("is ambiguous as a direction of effect", Vocabularies.Direction.UnknownMessage(probe), StringComparison.Ordinal);
    }

    [Fact]
    public void OptionalCells_BlankMarkers_ReadAsBlankWithAWarningNamingTheCell()
    {
        var files = Valid();
        files["studies.csv"] = StudiesHeader + "\n" +
            "S01,Example A,2019,Illustrative trial,N/A,RCT,UK,I01,-,NULL,N/A,Peer-reviewed,?\n" +
            "S02,Example C,2021,Illustrative interviews,,Qualitative,Australia; NA,I01; I02,Postnatal,12,20,Peer-reviewed,\n";
        var result = EvidenceWorkbook.Read(CsvFolder(files));

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var warnings = result.Problems.Where(p => p.Kind == ProblemKind.BlankMarker).Select(p => (p.Cell!, p.Value!)).ToList();
        Assert.Equal([("E2", "N/A"), ("I2", "-"), ("J2", "NULL"), ("K2", "N/A"), ("M2", "?"), ("G3", "NA")], warnings);
        Assert.All(result.Problems, p => Assert.Equal(ProblemSeverity.Warning, p.Severity));
        var s01 = result.Evidence!.Study("S01");
        Assert.Equal((null, null, null, null, null), (s01.Citation.Doi, s01.Timing, s01.MonthsAfterBirth, s01.SampleSize, s01.RiskOfBias));
        Assert.Equal(["Australia"], result.Evidence.Study("S02").Countries.ToArray());
    }

    [Fact]
    public void RequiredNumberCell_BlankMarker_IsMissingNotNotANumber()
    {
        var files = Valid();
        files["studies.csv"] = StudiesHeader + "\nS01,Example A,NULL,Trial,,RCT,UK,I01,,,,,\nS02,Example C,2021,Interviews,,Qualitative,UK,I01; I02,,,,,\n";
        var result = EvidenceWorkbook.Read(CsvFolder(files));

        var problem = Single(result, ProblemKind.MissingValue);
        Assert.Equal(("C2", "NULL"), (problem.Cell!, problem.Value!));
        Assert.Contains("'Year' is required, but the cell holds the blank marker 'NULL'", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Problems, p => p.Kind == ProblemKind.NotANumber);
    }

    [Fact]
    public void None_IsATermWhereTheVocabularyHasOne_AndABlankMarkerElsewhere()
    {
        var files = Valid();
        files["interventions.csv"] = InterventionsHeader + "\n" +
            "I01,Peer group,Social support; none,Group,,,,none,none,None,,,\n" +
            "I02,Link worker service,Service navigation,,,,,N/A,,,,,\n";
        var result = EvidenceWorkbook.Read(CsvFolder(files));

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var i01 = result.Evidence!.Intervention("I01");
        Assert.Equal((NeedsAssessment.None, FollowUp.None), (i01.NeedsAssessment, i01.FollowUp));
        // "none" in Link worker was read as No before; it is a blank marker there, as is N/A.
        Assert.Null(i01.HasLinkWorker);
        Assert.Null(result.Evidence.Intervention("I02").HasLinkWorker);
        Assert.Equal([InterventionType.SocialSupport], i01.Types.ToArray());
        Assert.Equal([("C2", "none"), ("H2", "none"), ("H3", "N/A")],
            result.Problems.Where(p => p.Kind == ProblemKind.BlankMarker).Select(p => (p.Cell!, p.Value!)));
    }

    [Fact]
    public void Design_RCTWithDots_IsRct()
    {
        // README: matching ignores punctuation. "R.C.T." used to key as "r c t" and was refused.
        Assert.True(Vocabularies.Design.TryParse("R.C.T.", out var design));
        Assert.Equal(StudyDesign.Rct, design);
        Assert.Equal(DesignGroup.Rct, Vocabularies.DesignGroup.Parse("r.c.t"));
        Assert.Equal(StudyDesign.ClusterRct, Vocabularies.Design.Parse("c.R.C.T."));

        var files = Valid();
        files["studies.csv"] = StudiesHeader + "\nS01,Example A,2019,Trial,,R.C.T.,UK,I01,,,,,\nS02,Example C,2021,Interviews,,Qualitative,UK,I01; I02,,,,,\n";
        var result = EvidenceWorkbook.Read(CsvFolder(files));
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(StudyDesign.Rct, result.Evidence!.Study("S01").Design);
    }
}
