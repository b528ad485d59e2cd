using static Evidence.Analytics.Tests.Import.TestWorkbooks;

namespace Evidence.Analytics.Tests.Realist;

/// <summary>Importing the Configurations and Configuration links sheets: supporting studies from either sheet, and each
/// kind of problem at its exact file, sheet, row, column, cell and value (the header is row 1).</summary>
public sealed class ConfigurationImportTests
{
    private const string ConfigurationsHeader = "Configuration ID,Family,Context,Mechanism,Outcome,Themes,Studies,Strength";
    private const string LinksHeader = "Configuration ID,Study ID";

    private static ImportResult Read(string configurations, string? links = null, string? vocabulary = null)
    {
        var files = Valid();
        files["configurations.csv"] = ConfigurationsHeader + "\n" + configurations;
        if (links is not null) files["configuration-links.csv"] = LinksHeader + "\n" + links;
        if (vocabulary is not null) files["vocabulary.csv"] = "Field,Term,Synonyms\n" + vocabulary;
        return EvidenceWorkbook.Read(CsvFolder(files));
    }

    [Fact]
    public void Read_StudiesInCellAndOnLinksSheet_AreMergedOnceEach()
    {
        var result = Read(
            "TU1,Take-up,Feels judged,Expects acceptance,Takes up support,Empathy; Use of volunteers,S01,Moderate\n" +
            "NI1,negative,Group of coping mothers,Upward comparison,Self-criticism,,,\n",
            "NI1,S01; S02\nTU1,s01\nTU1,S02\n");

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Empty(result.Problems);
        var evidence = result.GetEvidenceOrThrow();
        Assert.Equal(["TU1", "NI1"], evidence.Configurations.Select(c => c.Id));
        Assert.Equal(["S01", "S02"], evidence.Configurations[0].SupportingStudyIds.ToArray());
        Assert.Equal(["S01", "S02"], evidence.Configurations[1].SupportingStudyIds.ToArray());
        Assert.Equal(ConfigurationFamily.NegativeImpact, evidence.Configurations[1].Family);
        Assert.Equal(["Empathy", "Use of volunteers"], evidence.Configurations[0].Themes.ToArray());
        Assert.Equal("Moderate", evidence.Configurations[0].Strength);
        Assert.Equal(result.RowsRead, result.RowsImported);
    }

    [Fact]
    public void Read_UnknownFamily_ReportsCellAndListsAcceptedFamilies()
    {
        var result = Read("TU1,Take-up,c,m,o,,S01,\nSU1,Sustainment,c,m,o,,S02,\n");

        var problem = Single(result, ProblemKind.UnknownVocabulary);
        Assert.Null(result.Evidence);
        Assert.EndsWith("configurations.csv", problem.File, StringComparison.Ordinal);
        Assert.Equal(("Configurations", 3, "Family", "B3", "Sustainment"), (problem.Sheet, problem.Row!.Value, problem.Column, problem.Cell, problem.Value));
        Assert.Contains("expected one of: Take-up; Positive impact; Negative impact", problem.Message, StringComparison.Ordinal);
        Assert.Contains("Vocabulary sheet", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FamilyDeclaredOnVocabularySheet_IsAccepted()
    {
        var result = Read("SU1,Sustainment,c,m,o,,S02,\n", vocabulary: "Configuration family,Sustainment,Maintenance\n");

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal("Sustainment", result.GetEvidenceOrThrow().Configurations[0].Family.Name);
    }

    [Fact]
    public void Read_UnknownStudyInStudiesCell_ReportsTheStudy()
    {
        var result = Read("TU1,Take-up,c,m,o,,S01; S99,\n");

        var problem = Single(result, ProblemKind.UnknownReference);
        Assert.Equal(("Configurations", 2, "Studies", "G2", "S99"), (problem.Sheet, problem.Row!.Value, problem.Column, problem.Cell, problem.Value));
        Assert.Contains("not on the Studies sheet", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_LinkToUnknownStudy_ReportsTheLinkRow()
    {
        var result = Read("TU1,Take-up,c,m,o,,,\n", "TU1,S01\nTU1,S01; S77\n");

        var problem = Single(result, ProblemKind.UnknownReference);
        Assert.EndsWith("configuration-links.csv", problem.File, StringComparison.Ordinal);
        Assert.Equal(("Configuration links", 3, "Study ID", "B3", "S77"), (problem.Sheet, problem.Row!.Value, problem.Column, problem.Cell, problem.Value));
    }

    [Fact]
    public void Read_LinkToUnknownConfiguration_ReportsTheLinkRow()
    {
        var result = Read("TU1,Take-up,c,m,o,,S01,\n", "TU1,S02\nZZ9,S01\n");

        var problem = Single(result, ProblemKind.UnknownReference);
        Assert.Equal(("Configuration links", 3, "Configuration ID", "A3", "ZZ9"), (problem.Sheet, problem.Row!.Value, problem.Column, problem.Cell, problem.Value));
        Assert.Contains("not on the Configurations sheet", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_LinksWithoutConfigurationsSheet_ReportEachLink()
    {
        var files = Valid();
        files["configuration-links.csv"] = LinksHeader + "\nTU1,S01\n";
        var result = EvidenceWorkbook.Read(CsvFolder(files));

        var problem = Single(result, ProblemKind.UnknownReference);
        Assert.Equal(("Configuration links", 2, "A2"), (problem.Sheet, problem.Row!.Value, problem.Cell));
        Assert.Contains("no Configurations sheet", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ConfigurationNoStudySupports_ReportsItsStudiesCell()
    {
        var result = Read("TU1,Take-up,c,m,o,,S01,\nPI1,Positive impact,c,m,o,Theme,,\n", "TU1,S02\n");

        var problem = Single(result, ProblemKind.MissingValue);
        Assert.Null(result.Evidence);
        Assert.Equal(("Configurations", 3, "Studies", "G3"), (problem.Sheet, problem.Row!.Value, problem.Column, problem.Cell));
        Assert.Contains("No study supports configuration 'PI1'", problem.Message, StringComparison.Ordinal);
        Assert.Equal(result.RowsRead - 1, result.RowsImported);
    }

    [Fact]
    public void Read_ConfigurationNoStudySupports_WithoutStudiesColumn_StillNamesTheColumn()
    {
        var files = Valid();
        files["configurations.csv"] = "Configuration ID,Family,Context,Mechanism,Outcome\nTU1,Take-up,c,m,o\n";
        var result = EvidenceWorkbook.Read(CsvFolder(files));

        var problem = Single(result, ProblemKind.MissingValue);
        Assert.Equal(("Configurations", 2, "Studies"), (problem.Sheet, problem.Row!.Value, problem.Column));
        Assert.Null(problem.Cell);
    }

    [Fact]
    public void Read_DuplicateConfigurationId_ReportsSecondRowNamingFirst()
    {
        var result = Read("TU1,Take-up,c,m,o,,S01,\nTU2,Take-up,c,m,o,,S01,\ntu1,Take-up,c,m,o,,S02,\n");

        var problem = Single(result, ProblemKind.DuplicateId);
        Assert.Equal(("Configurations", 4, "Configuration ID", "A4", "tu1"), (problem.Sheet, problem.Row!.Value, problem.Column, problem.Cell, problem.Value));
        Assert.Contains("row 2", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ConfigurationRowWithErrors_DoesNotAlsoReportItsLinksOrSupport()
    {
        // The row is rejected for its family; its links resolve (the id is defined) and it is not reported as unsupported.
        var result = Read("TU1,Nonsense,c,m,o,,,\n", "TU1,S01\n");

        Assert.Equal([ProblemKind.UnknownVocabulary], result.Problems.Select(p => p.Kind));
    }

    [Fact]
    public void Read_XlsxSheetsWithSpacesInNames_ImportConfigurationsAndLinks()
    {
        var sheets = ValidSheets();
        sheets.Add(SheetFromLines("Configurations", ConfigurationsHeader, "TU1,Take-up,c,m,o,Theme,,"));
        sheets.Add(SheetFromLines("Configuration links", LinksHeader, "TU1,S02"));

        var result = ReadXlsx(sheets);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(["S02"], result.GetEvidenceOrThrow().Configurations.Single().SupportingStudyIds.ToArray());
    }
}
