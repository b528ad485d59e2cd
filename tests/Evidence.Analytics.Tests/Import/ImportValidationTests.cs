using System.Text;
using Xunit;
using static Evidence.Analytics.Tests.Import.TestWorkbooks;

namespace Evidence.Analytics.Tests.Import;

/// <summary>Each kind of import problem, with the exact file, sheet, row, column, cell and value it is reported at.
/// Rows are numbered as Excel shows them: the header is row 1, so the first data row is row 2.</summary>
public sealed class ImportValidationTests
{
    private static ImportResult ReadCsv(string file, string text) => EvidenceWorkbook.Read(CsvFolderWith(file, text));

    [Fact]
    public void Read_LinkWorkerColumn_ReadsEachSpellingAsOftenAsItComesAndReportsEveryRowOfAnUnknownOne()
    {
        // Rows 2-7: Yes, maybe, NR, maybe, no, YES. "maybe" is neither yes, no nor a not-reported spelling, on both rows.
        string[] linkWorker = ["Yes", "maybe", "NR", "maybe", "no", "YES"];
        var result = ReadCsv("interventions.csv", InterventionsHeader + "\n" + string.Concat(linkWorker.Select((value, i) =>
            $"I0{i + 1},Programme {i + 1},Social support,Group,In person,Peer volunteer,Self-referral,{value},Single need,Time-limited,Postnatal,Centre,\n")));

        var problems = result.Problems.Where(p => p.Kind == ProblemKind.InvalidValue).ToList();
        Assert.Equal([(3, "H3", "maybe"), (5, "H5", "maybe")], problems.Select(p => (p.Row!.Value, p.Cell!, p.Value!)));
        Assert.All(problems, p => Assert.Equal("Link worker", p.Column));

        // Without the unknown spelling, each row reads as written, the repeated ones too.
        linkWorker = ["Yes", "NR", "no", "YES", "Yes", "NR"];
        var evidence = ReadCsv("interventions.csv", InterventionsHeader + "\n" + string.Concat(linkWorker.Select((value, i) =>
            $"I0{i + 1},Programme {i + 1},Social support,Group,In person,Peer volunteer,Self-referral,{value},Single need,Time-limited,Postnatal,Centre,\n")))
            .GetEvidenceOrThrow();
        Assert.Equal([true, null, false, true, true, null], evidence.Interventions.Select(i => i.HasLinkWorker));
    }

    [Fact]
    public void Read_ValidCsvFolder_ReturnsEvidenceWithCounts()
    {
        var result = EvidenceWorkbook.Read(CsvFolder(Valid()));

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var evidence = result.GetEvidenceOrThrow();
        Assert.Equal(2, evidence.Studies.Length);
        Assert.Equal(3, evidence.Findings.Length);
        Assert.Equal(["Australia", "USA"], evidence.Study("S02").Countries.ToArray());
        Assert.Equal(new EffectEstimate("MD", -3.2, -5.8, -0.6), evidence.Findings[0].Estimate);
        Assert.Equal(7, result.RowsRead);
        Assert.Equal(7, result.RowsImported);
    }

    [Fact]
    public void Read_UnknownDesign_ReportsCellAndListsAcceptedValues()
    {
        string studies = StudiesHeader + "\nS01,Example A,2019,Trial,,Randomised contrlled trial,UK,I01,,,,,\nS02,Example C,2021,Interviews,,Qualitative,UK,I01; I02,,,,,\n";
        var result = ReadCsv("studies.csv", studies);

        var problem = Single(result, ProblemKind.UnknownVocabulary);
        Assert.False(result.IsValid);
        Assert.Null(result.Evidence);
        Assert.Equal(ProblemSeverity.Error, problem.Severity);
        Assert.EndsWith("studies.csv", problem.File, StringComparison.Ordinal);
        Assert.Equal("Studies", problem.Sheet);
        Assert.Equal(2, problem.Row);
        Assert.Equal("Design", problem.Column);
        Assert.Equal("F2", problem.Cell);
        Assert.Equal("Randomised contrlled trial", problem.Value);
        Assert.Contains("expected one of: RCT; Cluster RCT; Quasi-experimental", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingRequiredValue_ReportsColumn()
    {
        var result = ReadCsv("studies.csv", StudiesHeader + "\nS01,,2019,Trial,,RCT,UK,I01,,,,,\nS02,Example C,2021,Interviews,,Qualitative,UK,I01; I02,,,,,\n");

        var problem = Single(result, ProblemKind.MissingValue);
        Assert.Equal((2, "Authors", "B2"), (problem.Row!.Value, problem.Column!, problem.Cell!));
        Assert.Null(problem.Value);
    }

    [Fact]
    public void Read_DuplicateStudyId_ReportsSecondRowNamingFirst()
    {
        var result = ReadCsv("studies.csv", StudiesHeader + "\nS01,Example A,2019,Trial,,RCT,UK,I01,,,,,\nS02,Example C,2021,Interviews,,Qualitative,UK,I01; I02,,,,,\ns01,Example D,2020,Again,,RCT,UK,I01,,,,,\n");

        var problem = Single(result, ProblemKind.DuplicateId);
        Assert.Equal((4, "Study ID", "s01"), (problem.Row!.Value, problem.Column!, problem.Value!));
        Assert.Contains("row 2", problem.Message, StringComparison.Ordinal);
        Assert.Equal(3, result.Sheets.Single(s => s.Sheet == "Studies").RowsRead);
        Assert.Equal(2, result.Sheets.Single(s => s.Sheet == "Studies").RowsImported);
    }

    [Fact]
    public void Read_FindingOfUnknownStudy_ReportsDanglingReference()
    {
        var files = Valid();
        files["findings.csv"] = FindingsHeader + "\nS01,,Social connection,,Improved,,,,\nS99,,Mental health,,Improved,,,,\n";
        var result = EvidenceWorkbook.Read(CsvFolder(files));

        var problem = Single(result, ProblemKind.UnknownReference);
        Assert.Equal(("Findings", 3, "Study ID", "A3", "S99"), (problem.Sheet!, problem.Row!.Value, problem.Column!, problem.Cell!, problem.Value!));
    }

    [Fact]
    public void Read_StudyNamingUnknownIntervention_ReportsDanglingReference()
    {
        var result = ReadCsv("studies.csv", StudiesHeader + "\nS01,Example A,2019,Trial,,RCT,UK,I01; I07,,,,,\nS02,Example C,2021,Interviews,,Qualitative,UK,I01; I02,,,,,\n");

        var problem = Single(result, ProblemKind.UnknownReference);
        Assert.Equal((2, "Interventions", "H2", "I07"), (problem.Row!.Value, problem.Column!, problem.Cell!, problem.Value!));
    }

    [Fact]
    public void Read_FindingInterventionNotEvaluatedByStudy_ReportsReference()
    {
        var files = Valid();
        files["findings.csv"] = FindingsHeader + "\nS01,I02,Social connection,,Improved,,,,\n";
        var result = EvidenceWorkbook.Read(CsvFolder(files));

        var problem = Single(result, ProblemKind.UnknownReference);
        Assert.Equal((2, "Intervention ID", "B2", "I02"), (problem.Row!.Value, problem.Column!, problem.Cell!, problem.Value!));
        Assert.Contains("does not evaluate", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1899")]
    [InlineData("2101")]
    public void Read_YearOutOfRange_Reported(string year)
    {
        var result = ReadCsv("studies.csv", StudiesHeader + $"\nS01,Example A,{year},Trial,,RCT,UK,I01,,,,,\nS02,Example C,2021,Interviews,,Qualitative,UK,I01; I02,,,,,\n");

        var problem = Single(result, ProblemKind.YearOutOfRange);
        Assert.Equal((2, "Year", "C2", year), (problem.Row!.Value, problem.Column!, problem.Cell!, problem.Value!));
    }

    [Fact]
    public void Read_NonNumbers_ReportedInEachNumberColumn()
    {
        var result = ReadCsv("studies.csv", StudiesHeader + "\nS01,Example A,twenty19,Trial,,RCT,UK,I01,,six,12.5,,\nS02,Example C,2021,Interviews,,Qualitative,UK,I01; I02,,,,,\n");

        var problems = result.Problems.Where(p => p.Kind == ProblemKind.NotANumber).ToList();
        Assert.Equal([("Year", "twenty19"), ("Months after birth", "six"), ("Sample size", "12.5")], problems.Select(p => (p.Column!, p.Value!)));
        Assert.All(problems, p => Assert.Equal(2, p.Row));
        Assert.Equal(1, result.RowsReported);
        Assert.Equal(1, result.Sheets.Single(s => s.Sheet == "Studies").RowsReported);
    }

    [Fact]
    public void Read_NegativeCount_Reported()
    {
        var result = ReadCsv("studies.csv", StudiesHeader + "\nS01,Example A,2019,Trial,,RCT,UK,I01,,,-40,,\nS02,Example C,2021,Interviews,,Qualitative,UK,I01; I02,,,,,\n");

        var problem = Single(result, ProblemKind.NegativeCount);
        Assert.Equal((2, "Sample size", "K2", "-40"), (problem.Row!.Value, problem.Column!, problem.Cell!, problem.Value!));
    }

    [Fact]
    public void Read_BadNumberInFindings_ReportedAtEffectCell()
    {
        var files = Valid();
        files["findings.csv"] = FindingsHeader + "\nS01,,Social connection,,Improved,SMD,large,,\n";
        var result = EvidenceWorkbook.Read(CsvFolder(files));

        var problem = Single(result, ProblemKind.NotANumber);
        Assert.Equal((2, "Effect", "G2", "large"), (problem.Row!.Value, problem.Column!, problem.Cell!, problem.Value!));
    }

    [Fact]
    public void Read_IntervalNotContainingEstimate_ReportedAsInvalid()
    {
        var files = Valid();
        files["findings.csv"] = FindingsHeader + "\nS01,,Social connection,,Improved,MD,-3.2,-0.6,-5.8\n";
        var result = EvidenceWorkbook.Read(CsvFolder(files));

        var problem = Single(result, ProblemKind.InvalidValue);
        Assert.Equal(2, problem.Row);
        Assert.Contains("swapped", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_StandardError_ImportedWithTheEstimate()
    {
        var files = Valid();
        files["findings.csv"] = FindingsHeader + ",SE\nS01,,Social connection,,Improved,OR,0.6,,,0.25\n";
        var result = EvidenceWorkbook.Read(CsvFolder(files));

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(new EffectEstimate("OR", 0.6, standardError: 0.25), result.GetEvidenceOrThrow().Findings[0].Estimate);
    }

    [Theory]
    [InlineData("SMD,-0.3,,,0", ProblemKind.InvalidValue, "SE", "J2")]
    [InlineData("SMD,-0.3,,,-0.1", ProblemKind.InvalidValue, "SE", "J2")]
    [InlineData(",,,,0.1", ProblemKind.MissingValue, "Effect", "G2")]
    public void Read_BadStandardError_ReportedAtItsCell(string cells, ProblemKind kind, string column, string cell)
    {
        var files = Valid();
        files["findings.csv"] = FindingsHeader + ",SE\nS01,,Social connection,,Improved," + cells + "\n";
        var result = EvidenceWorkbook.Read(CsvFolder(files));

        var problem = Single(result, kind);
        Assert.Equal((2, column, cell), (problem.Row!.Value, problem.Column!, problem.Cell!));
        Assert.Equal("findings.csv", Path.GetFileName(problem.File));
    }

    [Fact]
    public void Read_MissingSheet_Reported()
    {
        var files = Valid();
        files.Remove("findings.csv");
        var result = EvidenceWorkbook.Read(CsvFolder(files));

        var problem = Single(result, ProblemKind.MissingSheet);
        Assert.Equal("Findings", problem.Sheet);
        Assert.Null(problem.Row);
        Assert.Contains("findings.csv", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingRequiredColumn_ReportedOnceOnHeaderRow()
    {
        var files = Valid();
        files["findings.csv"] = "Study ID,Outcome domain,Measure\nS01,Social connection,UCLA\nS02,Mental health,EPDS\n";
        var result = EvidenceWorkbook.Read(CsvFolder(files));

        var problem = Single(result, ProblemKind.MissingColumn);
        Assert.Equal(("Findings", 1, "Direction"), (problem.Sheet!, problem.Row!.Value, problem.Column!));
        Assert.DoesNotContain(result.Problems, p => p.Kind == ProblemKind.MissingValue);
    }

    [Fact]
    public void Read_UnknownColumn_IsWarningAndImportSucceeds()
    {
        var files = Valid();
        files["findings.csv"] = FindingsHeader + ",Reviewer notes\nS01,,Social connection,,Improved,,,,,check\n";
        var result = EvidenceWorkbook.Read(CsvFolder(files));

        var problem = Single(result, ProblemKind.UnknownColumn);
        Assert.Equal((ProblemSeverity.Warning, 1, "Reviewer notes", "J1"), (problem.Severity, problem.Row!.Value, problem.Column!, problem.Cell!));
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Read_HeadersInOtherCaseSpacingAndUnderscores_AreMatched()
    {
        var files = Valid();
        files["findings.csv"] = "study_id,INTERVENTION ID,outcomedomain,Measure,direction\nS01,,Social connection,,Improved\n";
        var result = EvidenceWorkbook.Read(CsvFolder(files));

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
    }

    [Fact]
    public void Read_EmptyRowsInsideAndAfterData_AreIgnored()
    {
        var files = Valid();
        files["findings.csv"] = FindingsHeader + "\nS01,,Social connection,,Improved,,,,\n,,,,,,,,\n\nS02,,Mental health,,Improved,,,,\n,,,,,,,,\n\n\n";
        var result = EvidenceWorkbook.Read(CsvFolder(files));

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(2, result.Sheets.Single(s => s.Sheet == "Findings").RowsRead);
    }

    [Fact]
    public void Read_ManyProblems_AllReportedAndRowsAccountedFor()
    {
        var files = Valid();
        files["findings.csv"] = FindingsHeader + "\n" +
            "S01,,Social connection,,Improved,,,,\n" +
            "S01,,Lonelyness,,Better-ish,,,,\n" +
            "S77,,Mental health,,Improved,,,,\n" +
            ",,,,Improved,,,,\n";
        var result = EvidenceWorkbook.Read(CsvFolder(files));

        var findings = result.Sheets.Single(s => s.Sheet == "Findings");
        Assert.Equal((4, 1, 3), (findings.RowsRead, findings.RowsImported, findings.RowsReported));
        Assert.Equal(result.RowsRead, result.RowsImported + result.RowsReported);
        Assert.Equal(
            [(3, "Outcome domain"), (3, "Direction"), (4, "Study ID"), (5, "Study ID"), (5, "Outcome domain")],
            result.Errors.Select(p => (p.Row!.Value, p.Column!)));
    }

    [Fact]
    public void Read_FlowThatDoesNotAddUp_WarnsOnFlowSheet()
    {
        var result = ReadCsv("flow.csv", "Stage,Label,Count\nIdentified,MEDLINE,100\nDuplicates removed,,10\nScreened,,80\nStudies included,,5\n");

        var problem = Single(result, ProblemKind.FlowInconsistency);
        Assert.Equal((ProblemSeverity.Warning, "Flow"), (problem.Severity, problem.Sheet!));
        Assert.Contains("records screened is 80 but identified − removed before screening is 90", problem.Message, StringComparison.Ordinal);
        Assert.True(result.IsValid);
        Assert.Equal(80, result.Evidence!.Flow!.Screened);
    }

    [Fact]
    public void Read_RepeatedSingleFlowStage_ReportedAsDuplicate()
    {
        var result = ReadCsv("flow.csv", "Stage,Label,Count\nScreened,,80\nrecords screened,,81\n");

        var problem = Single(result, ProblemKind.DuplicateId);
        Assert.Equal((3, "Stage"), (problem.Row!.Value, problem.Column!));
    }

    [Fact]
    public void Read_NegativeFlowCount_Reported()
    {
        var result = ReadCsv("flow.csv", "Stage,Label,Count\nScreened,,-80\n");

        Assert.Equal(2, Single(result, ProblemKind.NegativeCount).Row);
    }

    [Fact]
    public void Read_VocabularySheet_ExtendsInterventionTypesAndOutcomeDomains()
    {
        var files = Valid();
        files["vocabulary.csv"] = "Field,Term,Synonyms\nIntervention type,Financial advice,money advice; welfare rights\nOutcome domain,Financial security,money worries\n";
        files["interventions.csv"] = InterventionsHeader + "\nI01,Peer group,Social support; welfare rights,Group,,,,,,,,,\nI02,Advice,Financial advice,,,,,,,,,,\n";
        files["findings.csv"] = FindingsHeader + "\nS01,,Money worries,,Improved,,,,\n";
        var result = EvidenceWorkbook.Read(CsvFolder(files));

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var evidence = result.Evidence!;
        Assert.Equal(["Social support", "Financial advice"], evidence.Intervention("I01").Types.Select(t => t.Name));
        Assert.Equal("Financial security", evidence.Findings[0].Domain.Name);
    }

    [Fact]
    public void Read_UnknownInterventionType_SuggestsVocabularySheet()
    {
        var result = ReadCsv("interventions.csv", InterventionsHeader + "\nI01,Peer group,Social support; Money advice,,,,,,,,,,\nI02,Other,Service navigation,,,,,,,,,,\n");

        var problem = Single(result, ProblemKind.UnknownVocabulary);
        Assert.Equal((2, "Types", "C2", "Money advice"), (problem.Row!.Value, problem.Column!, problem.Cell!, problem.Value!));
        Assert.Contains("Vocabulary sheet", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SameListCellOnSeveralRows_ReadAlikeWithEachUnknownTermReportedOnEveryRow()
    {
        // Rows 2 and 4 repeat a clean list; rows 3 and 5 repeat a list with an unknown term, which must be reported on
        // both rows, not only the first.
        var result = ReadCsv("interventions.csv", InterventionsHeader + "\n" +
            "I01,A,Service navigation; Social support,,,,,,,,,,\n" +
            "I02,B,Social support; Money advice,,,,,,,,,,\n" +
            "I03,C,Service navigation; Social support,,,,,,,,,,\n" +
            "I04,D,Social support; Money advice,,,,,,,,,,\n");

        var unknown = result.Problems.Where(p => p.Kind == ProblemKind.UnknownVocabulary).Select(p => (p.Row!.Value, p.Cell!, p.Value!));
        Assert.Equal([(3, "C3", "Money advice"), (5, "C5", "Money advice")], unknown);
    }

    [Fact]
    public void Intervention_TypesGivenInOrderOrNot_AreTheDistinctTypesInTheirSeededOrder()
    {
        // Social support is seeded first (0), Service navigation sixth (5): that is the order whatever the order given.
        var support = InterventionType.SocialSupport;
        var navigation = InterventionType.ServiceNavigation;
        IEnumerable<InterventionType>[] given =
        [
            System.Collections.Immutable.ImmutableArray.Create(support, navigation),
            System.Collections.Immutable.ImmutableArray.Create(navigation, support),
            System.Collections.Immutable.ImmutableArray.Create(support, support, navigation),
            new List<InterventionType> { navigation, support, navigation },
        ];
        foreach (var types in given)
            Assert.Equal([support, navigation], new Intervention("I01", "Group", types).Types.ToArray());
    }

    [Fact]
    public void Read_InvalidYesNo_Reported()
    {
        var result = ReadCsv("interventions.csv", InterventionsHeader + "\nI01,Peer group,,,,,,sometimes,,,,,\nI02,Other,,,,,,not reported,,,,,\n");

        var problem = Single(result, ProblemKind.InvalidValue);
        Assert.Equal((2, "Link worker", "sometimes"), (problem.Row!.Value, problem.Column!, problem.Value!));
    }

    [Fact]
    public void Read_DuplicateColumn_Reported()
    {
        var files = Valid();
        files["findings.csv"] = "Study ID,Outcome domain,Direction,Outcome_Domain\nS01,Social connection,Improved,Mental health\n";
        var result = EvidenceWorkbook.Read(CsvFolder(files));

        var problem = Single(result, ProblemKind.DuplicateColumn);
        Assert.Equal((1, "D1"), (problem.Row!.Value, problem.Cell!));
    }

    [Fact]
    public void Read_MissingPath_IsUnreadable()
    {
        var result = EvidenceWorkbook.Read(Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid().ToString("N"), "x.xlsx"));

        Assert.Equal(ProblemKind.UnreadableFile, Single(result, ProblemKind.UnreadableFile).Kind);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void Read_TextFileNamedXlsx_IsUnreadable()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("Study ID,Authors\nS01,A\n"));
        var result = EvidenceWorkbook.Read(stream, "studies.xlsx");

        Assert.Contains("not an Excel workbook", Single(result, ProblemKind.UnreadableFile).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PathToOneCsvFile_ReadsItsFolder()
    {
        string folder = CsvFolder(Valid());
        var result = EvidenceWorkbook.Read(Path.Combine(folder, "studies.csv"));

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(2, result.Evidence!.Studies.Length);
    }

    [Fact]
    public void GetEvidenceOrThrow_WithErrors_ThrowsListingEveryError()
    {
        var result = ReadCsv("studies.csv", StudiesHeader + "\nS01,,1850,Trial,,RCT,UK,I01,,,,,\nS02,Example C,2021,Interviews,,Qualitative,UK,I01; I02,,,,,\n");

        var exception = Assert.Throws<EvidenceImportException>(() => result.GetEvidenceOrThrow());
        Assert.Equal(2, exception.Problems.Count(p => p.IsError));
        Assert.Contains("row 2, column 'Authors' (B2)", exception.Message, StringComparison.Ordinal);
        Assert.Contains("row 2, column 'Year' (C2)", exception.Message, StringComparison.Ordinal);
    }
}
