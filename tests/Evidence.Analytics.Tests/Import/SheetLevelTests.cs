using System.Text.Json;
using Evidence.Analytics.Cli;
using Evidence.Analytics.Import;
using Evidence.Analytics.Tests.Cli;
using Xunit;
using static Evidence.Analytics.Tests.Import.TestWorkbooks;

namespace Evidence.Analytics.Tests.Import;

/// <summary>Issue 12, finding 6: sheet-level gaps. Duplicate sheets, empty required sheets, duplicate headers and merged
/// cells, each the same in .xlsx and CSV.</summary>
public sealed class SheetLevelTests
{
    /// <summary>The sheets of a CSV folder's files as hand-written .xlsx sheets (the sheet each file is named after).</summary>
    private static List<Sheet> SheetsOf(IDictionary<string, string> files) =>
    [
        .. files.Select(f => SheetFromLines(
            WorkbookFormat.Sheets.Single(s => CsvWorkbookSource.FileNameOf(s.Name) == f.Key).Name,
            f.Value.Replace("\"Example A, Sample B\"", "Example A; Sample B", StringComparison.Ordinal).TrimEnd('\n').Split('\n'))),
    ];

    private static SheetImportCounts Counts(ImportResult result, string sheet) => result.Sheets.Single(s => s.Sheet == sheet);

    [Theory]
    [InlineData("findings ")]
    [InlineData("FINDINGS")]
    [InlineData("Find-ings")]
    public void DuplicateSheets_InXlsx_AreAnErrorNamingBoth(string name)
    {
        var sheets = ValidSheets();
        sheets.Add(sheets.Single(s => s.Name == "Findings") with { Name = name });
        var result = ReadXlsx(sheets);

        var problem = Single(result, ProblemKind.DuplicateSheet);
        Assert.Equal((ProblemSeverity.Error, name), (problem.Severity, problem.Sheet!));
        Assert.Contains($"The sheets 'Findings' and '{name}' are both the Findings sheet", problem.Message, StringComparison.Ordinal);
        Assert.Contains("3 rows are counted as reported", problem.Message, StringComparison.Ordinal);
        Assert.False(result.IsValid);
        Assert.Equal((3, 3), (Counts(result, "Findings").RowsRead, Counts(result, "Findings").RowsImported));
        Assert.Equal((3, 0), (Counts(result, name).RowsRead, Counts(result, name).RowsImported));
    }

    [Theory]
    [InlineData("Findings.CSV")]
    [InlineData("FINDINGS.csv")]
    [InlineData("findings .csv")]
    public void DuplicateSheets_InCsvFolder_AreAnErrorNamingBoth(string file)
    {
        var files = Valid();
        files[file] = files["findings.csv"];
        var result = EvidenceWorkbook.Read(CsvFolder(files));

        var problem = Single(result, ProblemKind.DuplicateSheet);
        Assert.Contains("findings.csv", problem.Message, StringComparison.Ordinal);
        Assert.Contains(file, problem.Message, StringComparison.Ordinal);
        Assert.Contains("are both the Findings sheet", problem.Message, StringComparison.Ordinal);
        Assert.False(result.IsValid);
        // Both files' rows are counted: 3 imported from the one read, 3 reported from the other.
        var findings = result.Sheets.Where(s => s.Sheet is not ("Studies" or "Interventions")).ToList();
        Assert.Equal(2, findings.Count);
        Assert.Equal((6, 3), (findings.Sum(s => s.RowsRead), findings.Sum(s => s.RowsImported)));
    }

    [Fact]
    public void CsvFolder_FileWithUpperCaseExtension_IsItsSheet()
    {
        var files = Valid();
        files["Findings.CSV"] = files["findings.csv"];
        files.Remove("findings.csv");
        var result = EvidenceWorkbook.Read(CsvFolder(files));

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(3, Counts(result, "Findings").RowsImported);
    }

    [Fact]
    public void CsvFolder_HiddenCopyOfASheet_IsNotASheet()
    {
        // macOS leaves "._findings.csv" (binary metadata) next to findings.csv on some drives.
        var files = Valid();
        files["._findings.csv"] = "\0\u0005\u0016\u0007Mac OS X";
        var result = EvidenceWorkbook.Read(CsvFolder(files));

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Empty(result.Problems);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void HeaderOnlyFindingsSheet_IsTheSameErrorInXlsxAndCsv(bool withHeader)
    {
        var files = Valid();
        files["findings.csv"] = withHeader ? FindingsHeader + "\n" : "";
        var csv = EvidenceWorkbook.Read(CsvFolder(files));
        var xlsx = ReadXlsx(SheetsOf(files));

        var fromCsv = Single(csv, ProblemKind.EmptySheet);
        var fromXlsx = Single(xlsx, ProblemKind.EmptySheet);
        foreach (var problem in new[] { fromCsv, fromXlsx })
        {
            Assert.Equal((ProblemSeverity.Error, "Findings", (int?)null), (problem.Severity, problem.Sheet!, problem.Row));
            Assert.StartsWith("The Findings sheet has no data rows, so the evidence base would have no findings; add one row per outcome result", problem.Message, StringComparison.Ordinal);
            Assert.Equal(!withHeader, problem.Message.Contains("no header row", StringComparison.Ordinal));
        }
        Assert.Equal(fromXlsx.Message, fromCsv.Message);
        Assert.False(csv.IsValid);
        Assert.False(xlsx.IsValid);
        Assert.DoesNotContain(csv.Problems.Concat(xlsx.Problems), p => p.Kind == ProblemKind.MissingColumn);
    }

    [Theory]
    [InlineData("studies.csv", "Studies")]
    [InlineData("interventions.csv", "Interventions")]
    public void HeaderOnlyRequiredSheet_IsAnEmptySheetError(string file, string sheet)
    {
        var files = Valid();
        files[file] = files[file][..files[file].IndexOf('\n', StringComparison.Ordinal)] + "\n";
        var csv = EvidenceWorkbook.Read(CsvFolder(files));
        var xlsx = ReadXlsx(SheetsOf(files));

        Assert.Equal(sheet, Single(csv, ProblemKind.EmptySheet).Sheet);
        Assert.Equal(Single(csv, ProblemKind.EmptySheet).Message, Single(xlsx, ProblemKind.EmptySheet).Message);
    }

    [Fact]
    public void HeaderOnlyFindingsSheet_InARealistReviewWithConfigurations_IsValid()
    {
        // A realist review explains through CMO configurations; the perinatal peer-support sample has no findings.
        var files = Valid();
        files["findings.csv"] = FindingsHeader + "\n";
        files["configurations.csv"] = "Configuration ID,Family,Context,Mechanism,Outcome,Themes,Studies,Strength\n" +
            "TU1,Take-up,Mothers new to an area,Feeling understood by a peer,Attend the group,Trust,S01; S02,\n";
        var result = EvidenceWorkbook.Read(CsvFolder(files));

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(0, Counts(result, "Findings").RowsRead);
    }

    public static TheoryData<string, bool> EverySheetInBothFormats()
    {
        var data = new TheoryData<string, bool>();
        foreach (var sheet in WorkbookFormat.Sheets)
        {
            data.Add(sheet.Name, true);
            data.Add(sheet.Name, false);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EverySheetInBothFormats))]
    public void DuplicateHeaders_AreAnErrorOnEverySheetAndFormat(string name, bool xlsx)
    {
        var format = WorkbookFormat.Sheets.Single(s => s.Name == name);
        string file = CsvWorkbookSource.FileNameOf(name);
        // The first column again, spelt as people type it: "STUDY_ID" for "Study ID".
        string again = format.Columns[0].Header.ToUpperInvariant().Replace(' ', '_');
        var files = Valid();
        if (files.TryGetValue(file, out string? text))
        {
            int end = text.IndexOf('\n', StringComparison.Ordinal);
            files[file] = text[..end] + "," + again + text[end..];
        }
        else
        {
            files[file] = string.Join(",", format.Columns.Select(c => c.Header)) + "," + again + "\n";
        }
        int column = files[file][..files[file].IndexOf('\n', StringComparison.Ordinal)].Count(c => c == ',');
        var result = xlsx ? ReadXlsx(SheetsOf(files)) : EvidenceWorkbook.Read(CsvFolder(files));

        var problem = Single(result, ProblemKind.DuplicateColumn);
        Assert.Equal((ProblemSeverity.Error, name, 1, CellReference.Of(1, column), again), (problem.Severity, problem.Sheet!, problem.Row!.Value, problem.Cell!, problem.Value!));
        Assert.Contains($"The column '{format.Columns[0].Header}' appears twice (also in column A)", problem.Message, StringComparison.Ordinal);
        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task Validate_DuplicateAndEmptySheets_AreListedWithTheirSheetsInJson()
    {
        var files = Valid();
        files["Studies.CSV"] = files["studies.csv"];
        files["interventions.csv"] = InterventionsHeader + "\n";
        string folder = CsvFolder(files);

        var (exit, output, _) = await CliRunner.Run("validate", folder, "--json");

        Assert.Equal(EvidenceCli.InputProblems, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        var problems = root.GetProperty("problems").EnumerateArray().ToList();
        var duplicate = problems.Single(p => p.GetProperty("kind").GetString() == "duplicateSheet");
        Assert.Equal(("error", "studies.csv"), (duplicate.GetProperty("severity").GetString(), duplicate.GetProperty("sheet").GetString()));
        Assert.Contains("Studies.CSV and studies.csv are both the Studies sheet", duplicate.GetProperty("message").GetString(), StringComparison.Ordinal);
        var empty = problems.Single(p => p.GetProperty("kind").GetString() == "emptySheet");
        Assert.Equal(("Interventions", JsonValueKind.Null), (empty.GetProperty("sheet").GetString(), empty.GetProperty("row").ValueKind));
        // The duplicate's two studies are counted as read and reported.
        var sheets = root.GetProperty("sheets").EnumerateArray().ToDictionary(s => s.GetProperty("sheet").GetString()!, s => (s.GetProperty("rowsRead").GetInt32(), s.GetProperty("rowsReported").GetInt32()));
        Assert.Equal((2, 2), sheets["studies.csv"]);
        Assert.Equal((0, 0), sheets["Interventions"]);
        Assert.Equal(root.GetProperty("rowsRead").GetInt32(), root.GetProperty("rowsImported").GetInt32() + root.GetProperty("rowsReported").GetInt32());

        var (textExit, text, _) = await CliRunner.Run("validate", folder);
        Assert.Equal(EvidenceCli.InputProblems, textExit);
        Assert.Contains("studies.csv: Studies.CSV and studies.csv are both the Studies sheet", text, StringComparison.Ordinal);
        Assert.Contains("Interventions: The Interventions sheet has no data rows", text, StringComparison.Ordinal);
    }

    [Fact]
    public void MergedCells_NameEveryRowTheyCover()
    {
        // Identified merged down over three rows of the Flow sheet, as people format a table for reading.
        var flow = SheetFromLines("Flow", "Stage,Label,Count", "Identified,MEDLINE,100", "Identified,CINAHL,50", "Identified,PsycINFO,25", "Duplicates removed,,25", "Screened,,150");
        flow = flow with { Cells = [.. flow.Cells.Where(c => c.Reference is not ("A3" or "A4"))], Merged = ["A2:A4"] };
        var result = ReadXlsx([.. ValidSheets(), flow]);

        var merged = result.Problems.Where(p => p.Kind == ProblemKind.MergedCells).ToList();
        Assert.Equal([(2, "A2"), (3, "A3"), (4, "A4")], merged.Select(p => (p.Row!.Value, p.Cell!)));
        Assert.All(merged, p => Assert.Equal(("Flow", "Stage", "A2:A4", ProblemSeverity.Error), (p.Sheet!, p.Column!, p.Value!, p.Severity)));
        Assert.Contains("A3 is blank although it shows A2's value", merged[1].Message, StringComparison.Ordinal);
        Assert.Equal((5, 2, 3), (Counts(result, "Flow").RowsRead, Counts(result, "Flow").RowsImported, Counts(result, "Flow").RowsReported));
    }

    [Fact]
    public void MergedCells_AcrossColumnsAndRows_NameEachRowOnce()
    {
        // B2:C3 on the Findings sheet: rows 2 and 3, each named once at its cell in column B.
        var sheets = ValidSheets();
        int findings = sheets.FindIndex(s => s.Name == "Findings");
        sheets[findings] = sheets[findings] with
        {
            Cells = [.. sheets[findings].Cells.Where(c => c.Reference is not ("C2" or "B3" or "C3"))],
            Merged = ["B2:C3"],
        };
        var result = ReadXlsx(sheets);

        var merged = result.Problems.Where(p => p.Kind == ProblemKind.MergedCells).ToList();
        Assert.Equal([(2, "B2"), (3, "B3")], merged.Select(p => (p.Row!.Value, p.Cell!)));
        Assert.Equal((3, 1), (Counts(result, "Findings").RowsRead, Counts(result, "Findings").RowsImported));
    }
}
