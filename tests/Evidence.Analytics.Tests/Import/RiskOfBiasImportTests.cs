using Xunit;

namespace Evidence.Analytics.Tests.Import;

/// <summary>The Risk of bias sheet: one row per study and tool, each domain judged in the tool's own words, checked with
/// located errors, and its overall judgement in agreement with the Studies sheet's Risk of bias column.</summary>
public sealed class RiskOfBiasImportTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rob-import-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    /// <summary>A CSV folder with studies S1–S4 (Studies' Risk of bias as given), one intervention, one finding each, and
    /// the Risk of bias sheet's lines.</summary>
    internal static string Review(string folder, string riskOfBiasCsv, string s1Risk = "", string s2Risk = "")
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "studies.csv"),
            "Study ID,Authors,Year,Title,Design,Interventions,Risk of bias\n" +
            $"S1,Ames A,2019,One,RCT,I1,{s1Risk}\nS2,Bell B,2020,Two,RCT,I1,{s2Risk}\nS3,Cole C,2021,Three,Cohort,I1,\nS4,Dunn D,2022,Four,Cohort,I1,\n");
        File.WriteAllText(Path.Combine(folder, "interventions.csv"), "Intervention ID,Name,Types\nI1,Peer support,Social support\n");
        File.WriteAllText(Path.Combine(folder, "findings.csv"),
            "Study ID,Outcome domain,Direction\nS1,Mental health,Improved\nS2,Mental health,Improved\nS3,Mental health,No difference\nS4,Mental health,Improved\n");
        File.WriteAllText(Path.Combine(folder, "risk-of-bias.csv"), riskOfBiasCsv);
        return folder;
    }

    private ImportResult Read(string csv, string s1Risk = "", string s2Risk = "") => EvidenceWorkbook.Read(Review(_folder, csv, s1Risk, s2Risk));

    [Fact]
    public void Read_EachBuiltInTool_ImportsOneJudgementPerDomainInTheToolsWords()
    {
        var result = Read(
            "Study ID,Tool,D1,D1b,D2,D3,D4,D5,D6,D7,Overall,Weight\n" +
            "S1,RoB 2,Low,,Some concerns,High,No information,low risk,,,High,12.5\n" +
            "S2,rob2 cluster,Low,Not applicable,Low,Low,Low,Low,,,Low,\n" +
            "S3,ROBINS-I,Low,,Moderate,Serious,Critical,No information,Low,Moderate,Critical,\n" +
            "S4,ROBINS-E,Low,,Some concerns,High,Very high,No information,Low,Low,Very high,\n" +
            "S3,QUADAS 2,Low,,Unclear,High,No information,,,,High,\n" +
            "S4,ROBINS-I V2,Low,,Low,Low,Low,Low,Low,Serious,Serious,\n");

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var assessments = result.Evidence!.RiskOfBiasAssessments;
        Assert.Equal(6, assessments.Length);
        Assert.Equal([5, 6, 7, 7, 4, 7], assessments.Select(a => a.Tool.Domains.Length));
        Assert.Equal(["RoB 2", "RoB 2 cluster", "ROBINS-I", "ROBINS-E", "QUADAS-2", "ROBINS-I V2"], assessments.Select(a => a.Tool.Name));
        Assert.Equal([RiskOfBiasJudgement.Low, RiskOfBiasJudgement.SomeConcerns, RiskOfBiasJudgement.High, RiskOfBiasJudgement.NoInformation, RiskOfBiasJudgement.Low],
            assessments[0].Judgements.ToArray());
        Assert.Equal(12.5, assessments[0].Weight);
        Assert.Equal(["D1", "D1b", "D2", "D3", "D4", "D5"], assessments[1].Tool.Domains.Select(d => d.Code));
        Assert.Equal(RiskOfBiasJudgement.NotApplicable, assessments[1].Judgements[1]);
        Assert.Equal(RiskOfBiasJudgement.Critical, assessments[2].Judgements[3]);
        Assert.Equal(RiskOfBiasJudgement.VeryHigh, assessments[3].Overall);
        // QUADAS-2's own "Unclear" is its middle level, drawn as Some concerns (robvis).
        Assert.Equal(RiskOfBiasJudgement.SomeConcerns, assessments[4].Judgements[1]);
        Assert.Equal("Bias in classification of interventions", assessments[5].Tool.Domains[1].Name);
        Assert.Equal("Bias due to selection of participants", assessments[2].Tool.Domains[1].Name);
    }

    [Fact]
    public void Read_GenericTool_TakesItsDomainsFromItsFirstRow()
    {
        var result = Read(
            "Study ID,Tool,Domains,D1,D2,D3,D4,D5,D6,D7,D8,Overall\n" +
            "S1,RoB 1,Random sequence generation;Allocation concealment;Blinding of participants;Blinding of assessors;Incomplete outcome data;Selective reporting;Other bias;Funding,Low,Unclear,High,Low,Low,Low,Unclear,Low,High\n" +
            "S2,rob 1,,Low,Low,Low,Low,Low,Low,Low,Not applicable,Low\n");

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var assessments = result.Evidence!.RiskOfBiasAssessments;
        Assert.Equal(8, assessments[0].Tool.Domains.Length);
        Assert.True(assessments[0].Tool.IsGeneric);
        Assert.Same(assessments[0].Tool, assessments[1].Tool);
        Assert.Equal("D8: Funding", assessments[0].Tool.Domains[7].ToString());
        Assert.Equal(RiskOfBiasJudgement.Unclear, assessments[0].Judgements[1]);
    }

    [Fact]
    public void Read_BadCells_AreEachReportedAtTheirSheetRowColumnAndValue()
    {
        var result = Read(
            "Study ID,Tool,Domains,D1,D2,D3,D4,D5,D6,Overall,Weight\n" +
            "S1,RoB 2,,Low,Serious,Low,Low,Low,,Low,\n" +       // row 2: Serious is ROBINS-I's word
            "S2,RoB 2,,Low,,Low,Low,Low,,Low,\n" +              // row 3: D2 missing
            "S3,RoB 2,,Low,Low,Low,Low,Low,Low,Low,\n" +        // row 4: RoB 2 has no D6
            "S4,JBI checklist,,Low,,,,,,Low,\n" +               // row 5: an unknown tool without its domains
            "S1,rob 2,,Low,Low,Low,Low,Low,,Low,\n" +           // row 6: S1 assessed twice with RoB 2
            "S9,RoB 2,,Low,Low,Low,Low,Low,,Low,\n" +           // row 7: no study S9
            "S4,RoB 2,,Low,Low,Low,Low,Low,,Low,-2\n" +         // row 8: a negative weight
            "S2,ROBINS-I,,Low,Low,Low,Low,Low,Low,Not applicable,\n" + // row 9: too few domains (D7) and an overall of Not applicable
            "S3,QUADAS-2,Patient selection,Low,Low,Low,Low,,,Low,\n"); // row 10: a built-in tool's domains are fixed

        Assert.False(result.IsValid);
        var problems = result.Problems.Where(p => p.IsError).Select(p => (p.Kind, p.Sheet, p.Row, p.Column, p.Value)).ToList();
        Assert.Contains((ProblemKind.UnknownVocabulary, "Risk of bias", 2, "D2", "Serious"), problems);
        Assert.Contains((ProblemKind.MissingValue, "Risk of bias", 3, "D2", null), problems);
        Assert.Contains((ProblemKind.InvalidValue, "Risk of bias", 4, "D6", "Low"), problems);
        Assert.Contains((ProblemKind.UnknownVocabulary, "Risk of bias", 5, "Tool", "JBI checklist"), problems);
        Assert.Contains((ProblemKind.DuplicateId, "Risk of bias", 6, "Tool", "RoB 2"), problems);
        Assert.Contains((ProblemKind.UnknownReference, "Risk of bias", 7, "Study ID", "S9"), problems);
        Assert.Contains((ProblemKind.InvalidValue, "Risk of bias", 8, "Weight", "-2"), problems);
        Assert.Contains((ProblemKind.MissingValue, "Risk of bias", 9, null, null), problems);   // the sheet has no D7 column
        Assert.Contains((ProblemKind.UnknownVocabulary, "Risk of bias", 9, "Overall", "Not applicable"), problems); // not a ROBINS-I word
        Assert.Contains((ProblemKind.InvalidValue, "Risk of bias", 10, "Domains", "Patient selection"), problems);
        Assert.All(result.Problems.Where(p => p.Row is not null), p => Assert.EndsWith("risk-of-bias.csv", p.File, StringComparison.Ordinal));
        // Every row of the sheet is read, and each rejected row is reported.
        var counts = result.Sheets.Single(c => c.Sheet == "Risk of bias");
        Assert.Equal(9, counts.RowsRead);
        Assert.Equal(0, counts.RowsImported);
    }

    [Fact]
    public void Read_OverallDisagreeingWithStudiesSheet_IsAnErrorNamingBothRows()
    {
        // S1 is Low on the Studies sheet but High on the Risk of bias sheet; S2's "Moderate" (ROBINS-I) amounts to Some concerns, which agrees.
        var result = Read(
            "Study ID,Tool,D1,D2,D3,D4,D5,D6,D7,Overall\n" +
            "S1,RoB 2,Low,Low,High,Low,Low,,,High\n" +
            "S2,ROBINS-I,Low,Moderate,Low,Low,Low,Low,Low,Moderate\n",
            s1Risk: "Low", s2Risk: "Some concerns");

        var error = Assert.Single(result.Problems, p => p.IsError);
        Assert.Equal((ProblemKind.InvalidValue, 2, "Overall", "High"), (error.Kind, error.Row, error.Column, error.Value));
        Assert.Contains("row 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Low'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TwoToolsWhoseOverallJudgementsDisagree_IsAnError()
    {
        var result = Read(
            "Study ID,Tool,D1,D2,D3,D4,D5,D6,D7,Overall\n" +
            "S3,ROBINS-I,Low,Low,Low,Low,Low,Low,Low,Low\n" +
            "S3,ROBINS-E,Low,Low,High,Low,Low,Low,Low,High\n");

        var error = Assert.Single(result.Problems, p => p.IsError);
        Assert.Equal((ProblemKind.InvalidValue, 3, "Overall"), (error.Kind, error.Row, error.Column));
    }

    [Fact]
    public void Filter_RiskOfBias_KeepsStudiesByTheirOverallJudgementCountedByHand()
    {
        // S1 Low and S2 Some concerns on the Studies sheet; S3 High only on the Risk of bias sheet; S4 has none.
        var evidence = Read(
            "Study ID,Tool,D1,D2,D3,D4,D5,D6,D7,Overall\n" +
            "S3,ROBINS-I,Low,Serious,Low,Low,Low,Low,Low,Serious\n",
            s1Risk: "Low", s2Risk: "Some concerns").GetEvidenceOrThrow();

        int Studies(params RiskOfBias[] risks) => evidence.Map(filter: EvidenceFilter.All with { RisksOfBias = [.. risks] }).TotalStudies;

        Assert.Equal(4, evidence.Map().TotalStudies);
        Assert.Equal(2, Studies(RiskOfBias.Low, RiskOfBias.SomeConcerns));
        Assert.Equal(1, Studies(RiskOfBias.High));
        Assert.Equal(3, Studies(RiskOfBias.Low, RiskOfBias.SomeConcerns, RiskOfBias.High));
        Assert.Equal(RiskOfBias.High, evidence.OverallRiskOfBias(evidence.Study("S3")));
        Assert.Null(evidence.OverallRiskOfBias(evidence.Study("S4")));
    }

    [Fact]
    public async Task MapCommand_RiskOfBiasOption_CountsTheSampleStudiesWithThoseJudgements()
    {
        string sample = Path.Combine(AppContext.BaseDirectory, "data-samples", "postpartum-social-prescribing");
        // Counted from the Studies file's Risk of bias column, independently of the importer.
        var lines = File.ReadAllLines(Path.Combine(sample, "studies.csv"));
        int low = lines.Skip(1).Count(l => l.EndsWith(",Low", StringComparison.Ordinal));
        int concerns = lines.Skip(1).Count(l => l.EndsWith(",Some concerns", StringComparison.Ordinal));

        var (exit, output, error) = await Cli.CliRunner.Run("map", sample, "--risk-of-bias", "low,some-concerns", "--json");

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        Assert.Equal(low + concerns, json.RootElement.GetProperty("totalStudies").GetInt32());
    }

    [Fact]
    public async Task MapCommand_UnknownRiskOfBias_IsAUsageError()
    {
        string sample = Path.Combine(AppContext.BaseDirectory, "data-samples", "postpartum-social-prescribing");
        var (exit, _, error) = await Cli.CliRunner.Run("map", sample, "--risk-of-bias", "lowish");

        Assert.NotEqual(0, exit);
        Assert.Contains("--risk-of-bias", error, StringComparison.Ordinal);
        Assert.Contains("lowish", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Sample_RiskOfBiasSheet_AssessesEveryRctAndAgreesWithTheStudiesSheet()
    {
        var evidence = EvidenceWorkbook.Read(SampleDataTests.SampleFolder).GetEvidenceOrThrow();
        var rcts = evidence.Studies.Where(s => s.DesignGroup == DesignGroup.Rct).ToList();

        Assert.Equal(15, evidence.RiskOfBiasAssessments.Length);
        Assert.Equal(rcts.Select(s => s.Id), evidence.RiskOfBiasAssessments.Select(a => a.StudyId));
        Assert.All(evidence.RiskOfBiasAssessments, a => Assert.Equal(evidence.Study(a.StudyId).RiskOfBias, a.Overall!.Value.Overall()));
        Assert.Equal(rcts.Where(s => s.Design == StudyDesign.ClusterRct).Select(s => s.Id),
            evidence.RiskOfBiasAssessments.Where(a => a.Tool == RiskOfBiasTool.Rob2Cluster).Select(a => a.StudyId));
        Assert.Contains("risk-of-bias judgements", evidence.Review.Notes, StringComparison.Ordinal);
    }
}
