using Xunit;
using static Evidence.Analytics.Tests.Import.TestWorkbooks;

namespace Evidence.Analytics.Tests.Import;

/// <summary>The .xlsx reader: shared and inline strings, numbers, formulas (cached value used, with a warning), error
/// values, merged cells, and refusal of absurd packages. Workbooks are written by hand in <see cref="TestWorkbooks"/>
/// so each test controls the exact XML.</summary>
public sealed class XlsxImportTests
{
    private static List<Sheet> With(string sheet, params Cell[] extra)
    {
        var sheets = ValidSheets();
        int index = sheets.FindIndex(s => s.Name == sheet);
        var cells = sheets[index].Cells.Where(c => extra.All(e => e.Reference != c.Reference)).Concat(extra).ToList();
        sheets[index] = sheets[index] with { Cells = cells };
        return sheets;
    }

    [Fact]
    public void Read_ValidWorkbook_MatchesCsvImport()
    {
        var fromXlsx = ReadXlsx(ValidSheets());
        var fromCsv = EvidenceWorkbook.Read(CsvFolder(Valid()));

        Assert.True(fromXlsx.IsValid, string.Join("\n", fromXlsx.Problems));
        Assert.Equal(fromCsv.Evidence!.Studies.Select(s => s.ToString()), fromXlsx.Evidence!.Studies.Select(s => s.ToString()));
        Assert.Equal(fromCsv.Evidence.Findings.Select(f => f.ToString()), fromXlsx.Evidence.Findings.Select(f => f.ToString()));
        Assert.Equal(2019, fromXlsx.Evidence.Study("S01").Citation.Year);
        Assert.Equal(new EffectEstimate("MD", -3.2, -5.8, -0.6), fromXlsx.Evidence.Findings[0].Estimate);
    }

    [Fact]
    public void Read_InlineString_IsRead()
    {
        var result = ReadXlsx(With("Studies", new Cell("D2", "An inline title", Inline: true)));

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal("An inline title", result.Evidence!.Study("S01").Citation.Title);
    }

    [Fact]
    public void Read_FormulaCell_UsesCachedValueAndWarns()
    {
        var result = ReadXlsx(With("Studies", new Cell("K2", Number: 120, Formula: "60*2")));

        var problem = Single(result, ProblemKind.Formula);
        Assert.Equal((ProblemSeverity.Warning, "Studies", 2, "Sample size", "K2", "120"),
            (problem.Severity, problem.Sheet!, problem.Row!.Value, problem.Column!, problem.Cell!, problem.Value!));
        Assert.True(result.IsValid);
        Assert.Equal(120, result.Evidence!.Study("S01").SampleSize);
    }

    [Fact]
    public void Read_StringFormula_UsesCachedText()
    {
        var result = ReadXlsx(With("Studies", new Cell("F2", "RCT", Formula: "\"R\"&\"CT\"")));

        Assert.Equal(ProblemSeverity.Warning, Single(result, ProblemKind.Formula).Severity);
        Assert.Equal(StudyDesign.Rct, result.Evidence!.Study("S01").Design);
    }

    [Fact]
    public void Read_ErrorValue_ReportedAsCellError()
    {
        var result = ReadXlsx(With("Studies", new Cell("K2", Formula: "1/0", Error: "#DIV/0!")));

        var problem = Single(result, ProblemKind.CellError);
        Assert.Equal((2, "Sample size", "K2", "#DIV/0!"), (problem.Row!.Value, problem.Column!, problem.Cell!, problem.Value!));
        Assert.DoesNotContain(result.Problems, p => p.Kind == ProblemKind.NotANumber);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void Read_MergedCells_ReportedAndCoveredRowsNotImported()
    {
        var sheets = ValidSheets();
        int findings = sheets.FindIndex(s => s.Name == "Findings");
        // A3's study ID was merged down from A2: the cell of row 3 is empty, as Excel stores it.
        sheets[findings] = sheets[findings] with
        {
            Cells = sheets[findings].Cells.Where(c => c.Reference != "A3").ToList(),
            Merged = ["A2:A3"],
        };
        var result = ReadXlsx(sheets);

        var problems = result.Problems.Where(p => p.Kind == ProblemKind.MergedCells).ToList();
        Assert.Equal(
            [("Findings", 2, "Study ID", "A2", "A2:A3"), ("Findings", 3, "Study ID", "A3", "A2:A3")],
            problems.Select(p => (p.Sheet!, p.Row!.Value, p.Column!, p.Cell!, p.Value!)));
        var counts = result.Sheets.Single(s => s.Sheet == "Findings");
        Assert.Equal((3, 1), (counts.RowsRead, counts.RowsImported));
    }

    [Fact]
    public void Read_YearStoredAsDecimalNumber_IsWholeYear()
    {
        var result = ReadXlsx(With("Studies", new Cell("C2", Number: 2019.0)));

        Assert.Equal(2019, result.Evidence!.Study("S01").Citation.Year);
    }

    [Fact]
    public void Read_SheetNamesInOtherCase_AreMatched()
    {
        var sheets = ValidSheets().Select(s => s with { Name = s.Name.ToUpperInvariant() }).ToList();
        var result = ReadXlsx(sheets);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal("STUDIES", result.Sheets.Single(s => s.Sheet == "STUDIES").Sheet);
    }

    [Fact]
    public void Read_ZipBomb_RefusedBeforeDecompressing()
    {
        using var buffer = new MemoryStream(DamagedCopies.ZipBomb());
        var result = EvidenceWorkbook.Read(buffer, "bomb.xlsx");

        var problem = Single(result, ProblemKind.TooLarge);
        Assert.Contains("expands", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MoreCellsThanLimit_Refused()
    {
        var result = ReadXlsx(ValidSheets(), new ImportOptions { MaxCells = 20 });

        Assert.Contains("more than 20", Single(result, ProblemKind.TooLarge).Message, StringComparison.Ordinal);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void Read_TotalUncompressedSizeOverLimit_Refused()
    {
        var result = ReadXlsx(ValidSheets(), new ImportOptions { MaxUncompressedBytes = 500 });

        Assert.Equal(ProblemSeverity.Error, Single(result, ProblemKind.TooLarge).Severity);
    }

    [Fact]
    public void Read_CorruptZip_IsUnreadable()
    {
        byte[] bytes = Xlsx(ValidSheets());
        using var stream = new MemoryStream(bytes[..(bytes.Length / 2)]);
        var result = EvidenceWorkbook.Read(stream, "broken.xlsx");

        Assert.Equal(ProblemSeverity.Error, Single(result, ProblemKind.UnreadableFile).Severity);
    }

    [Fact]
    public void Read_UnknownSheet_IgnoredButRealistLinksWithoutConfigurations_Reported()
    {
        var sheets = ValidSheets();
        sheets.Add(SheetFromLines("README", "Anything,at all"));
        var readmeOnly = ReadXlsx(sheets);
        sheets.Add(SheetFromLines("Configuration links", "Configuration ID,Study ID", "TU1,S01"));
        var withLinks = ReadXlsx(sheets);

        Assert.True(readmeOnly.IsValid);
        Assert.Empty(readmeOnly.Problems);
        var problem = Single(withLinks, ProblemKind.UnknownReference);
        Assert.Equal((ProblemSeverity.Error, "Configuration links", "A2"), (problem.Severity, problem.Sheet!, problem.Cell!));
    }
}
