using System.Text;
using Evidence.Analytics.Tests.Import;
using ImportWorkbooks = Evidence.Analytics.Tests.Import.TestWorkbooks;

namespace Evidence.Analytics.Tests.Screening;

/// <summary>Screening files are read through the same spreadsheet sources as evidence workbooks (issue 12, finding 7):
/// the same size, zip-bomb and cell-count limits, the same refusal of damaged files, problems located the same way.</summary>
public sealed class ScreeningFileInputTests
{
    private static readonly object[][] Decisions =
    [
        ["Record", "Screener", "Decision"],
        [101, "AB", "Include"], [101, "CD", "Include"],
        [102, "AB", "Exclude"], [102, "CD", "Include"],
        [103, "AB", "Exclude"], [103, "CD", "Exclude"],
    ];

    private static byte[] Workbook(params (string Name, object[][] Rows)[] sheets)
    {
        string path = Path.Combine(Path.GetTempPath(), $"screening-{Guid.NewGuid():N}.xlsx");
        try
        {
            TestWorkbooks.Write(path, sheets);
            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static ScreeningImport Read(byte[] bytes, string name = "screening.xlsx", ImportOptions? options = null) =>
        ScreeningFile.Read(new MemoryStream(bytes), name, options: options);

    private static ImportProblem Only(ScreeningImport import)
    {
        Assert.True(import.Problems.Length == 1, string.Join("\n", import.Problems));
        Assert.Null(import.Agreement);
        return import.Problems[0];
    }

    [Fact]
    public void ScreeningFile_StrayQuoteSwallowingDecisions_IsAnErrorNotAQuieterAgreement()
    {
        // Line 3's decision opens a quote that line 6 closes: rows 3–6 became one cell, so two of the six decisions
        // (and one of the three records) would silently drop out of kappa.
        string csv = "Record,Screener,Decision\n101,AB,Include\n101,CD,\"Include\n102,AB,Exclude\n102,CD,Include\n103,AB,Exclude\"\n103,CD,Exclude\n";
        var import = ScreeningFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "screening.csv");

        Assert.Null(import.Agreement);
        var quote = Assert.Single(import.Problems, p => p.Kind == ProblemKind.UnbalancedQuote);
        Assert.Equal((3, "Decision", "C3"), (quote.Row!.Value, quote.Column!, quote.Cell!));
        Assert.Contains("lines 4–6 (3 rows of the file)", quote.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ScreeningFile_SecondDecisionColumn_IsAnErrorNotIgnored()
    {
        // "vote" is a heading for the decision too: which column holds the decisions is unclear.
        string csv = "record id,screener,decision,vote\n101,AB,include,exclude\n101,CD,include,exclude\n";
        var import = ScreeningFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "screening.csv");

        Assert.Null(import.Agreement);
        var problem = Assert.Single(import.Problems);
        Assert.Equal((ProblemKind.DuplicateColumn, 1, "D1"), (problem.Kind, problem.Row!.Value, problem.Cell!));
        Assert.Contains("the first is 'decision', column C", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ScreeningFile_BlankMarkers_AreMissingValuesNotAScreenerOrADecision()
    {
        string csv = "record id,screener,decision\n101,AB,include\n101,NULL,include\n102,AB,N/A\n102,CD,exclude\n";
        var import = ScreeningFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "screening.csv");

        Assert.Null(import.Agreement);
        var markers = import.Problems.Where(p => p.Kind == ProblemKind.MissingValue && p.Message.Contains("blank marker", StringComparison.Ordinal)).ToList();
        Assert.Equal([("B3", "NULL"), ("C4", "N/A")], markers.Select(p => (p.Cell!, p.Value!)));
        // Their rows are not read, so records 101 and 102 each have one screener's decision: reported, not paired.
        Assert.Equal(["A2", "A5"], import.Problems.Where(p => p.Message.Contains("was screened by", StringComparison.Ordinal)).Select(p => p.Cell!));
        Assert.DoesNotContain(import.Problems, p => p.Message.Contains("third screener", StringComparison.Ordinal));
    }

    [Fact]
    public void ScreeningFile_NulCharacter_IsAnErrorAtItsCell()
    {
        string csv = "Record,Screener,Decision\n101,AB,Include\n101,CD,Incl\0ude\n";
        var import = ScreeningFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "screening.csv");

        var problem = Assert.Single(import.Problems, p => p.Kind == ProblemKind.Encoding);
        Assert.Equal((3, "C3"), (problem.Row!.Value, problem.Cell!));
    }

    [Fact]
    public void ScreeningFile_ZipBomb_IsRefusedByTheSameLimits()
    {
        var problem = Only(Read(DamagedCopies.ZipBomb(), "bomb.xlsx"));

        Assert.Equal(ProblemKind.TooLarge, problem.Kind);
        Assert.Equal("bomb.xlsx", problem.File);
        Assert.Contains("xl/worksheets/sheet1.xml expands", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ScreeningFile_MoreCellsThanTheLimit_IsRefused()
    {
        var options = new ImportOptions { MaxCells = 20 };

        // 7 rows of 3 cells: 21 cells, one more than the limit, in a workbook and in a CSV file alike.
        var workbook = Only(Read(Workbook(("Screening", Decisions)), options: options));
        var csv = Only(ScreeningFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", Decisions.Select(r => string.Join(",", r)))))
            , "decisions.csv", options: options));

        Assert.Equal(ProblemKind.TooLarge, workbook.Kind);
        Assert.Equal(ProblemKind.TooLarge, csv.Kind);
        Assert.Contains("more than 20", csv.Message, StringComparison.Ordinal);
        Assert.True(ScreeningFile.Read(new MemoryStream(Workbook(("Screening", Decisions))), "screening.xlsx", options: new ImportOptions { MaxCells = 21 }).IsValid);
    }

    [Fact]
    public void ScreeningFile_UncompressedSizeOverTheLimit_IsRefused()
    {
        var problem = Only(Read(Workbook(("Screening", Decisions)), options: new ImportOptions { MaxUncompressedBytes = 300 }));

        Assert.Equal(ProblemKind.TooLarge, problem.Kind);
    }

    [Fact]
    public void ScreeningFile_DamagedWorkbook_IsUnreadableNotACrash()
    {
        byte[] workbook = Workbook(("Screening", Decisions));
        var sheet = DamagedCopies.Parts(workbook).First(p => p.Name.Contains("worksheets/", StringComparison.Ordinal));

        var header = Only(Read(DamagedCopies.FlipBit(workbook, sheet.Local * 8L)));
        var truncated = Only(Read(workbook[..(workbook.Length / 2)]));
        var checksum = Only(Read(DamagedCopies.FlipBit(workbook, (sheet.Central + 16) * 8L)));

        Assert.Equal(ProblemKind.UnreadableFile, header.Kind);
        Assert.Equal($"The workbook cannot be read: part {sheet.Name} (sheet 'Screening') is damaged (a local file header is corrupt).", header.Message);
        Assert.Equal(ProblemKind.UnreadableFile, truncated.Kind);
        Assert.Equal($"The workbook cannot be read: part {sheet.Name} (sheet 'Screening') is damaged (checksum mismatch).", checksum.Message);
    }

    [Fact]
    public void ScreeningFile_WronglyTypedFile_IsOneSentence()
    {
        var pdf = Only(Read(Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n"), "screening.xlsx"));
        var empty = Only(Read([], "screening.xls"));

        Assert.Equal("The file is a PDF document, not an Excel workbook (.xlsx or .xls).", pdf.Message);
        Assert.Equal("The file is empty (0 bytes), not an Excel workbook.", empty.Message);
    }

    [Fact]
    public void ScreeningFile_MissingFile_IsAProblemNotAnException()
    {
        var import = ScreeningFile.Read(Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.csv"));

        var problem = Only(import);
        Assert.Equal(ProblemKind.UnreadableFile, problem.Kind);
        Assert.StartsWith("There is no file ", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ScreeningFile_ProblemsInAWorkbook_AreLocatedToTheCell()
    {
        object[][] rows = [["Record", "Screener", "Decision"], [101, "AB", "Include"], [101, "CD", "maybe"]];

        var problem = Assert.Single(Read(Workbook(("Notes", [["x"]]), ("Decisions", rows))).Problems, p => p.Kind == ProblemKind.UnknownVocabulary);

        Assert.Equal((ProblemKind.UnknownVocabulary, "Decisions", 3, "Decision", "C3", "maybe"),
            (problem.Kind, problem.Sheet, problem.Row!.Value, problem.Column, problem.Cell, problem.Value));
    }

    [Fact]
    public void ScreeningFile_CellGivenTwiceInARow_IsAnError()
    {
        var sheet = new ImportWorkbooks.Sheet("Screening",
        [
            new("A1", "Record"), new("B1", "Screener"), new("C1", "Decision"),
            new("A2", "R1"), new("B2", "AB"), new("C2", "Include"), new("C2", "Exclude"),
            new("A3", "R1"), new("B3", "CD"), new("C3", "Include"),
        ]);

        var import = Read(ImportWorkbooks.Xlsx([sheet]));

        var problem = Assert.Single(import.Problems, p => p.Kind == ProblemKind.DuplicateCell);
        Assert.Equal(("Screening", 2, "C2"), (problem.Sheet, problem.Row!.Value, problem.Cell));
        Assert.Contains("as 'Include' and as 'Exclude'", problem.Message, StringComparison.Ordinal);
        Assert.Null(import.Agreement);
    }

    [Fact]
    public void ScreeningFile_MergedRecordId_IsReportedNotReadAsBlank()
    {
        var sheet = new ImportWorkbooks.Sheet("Screening",
        [
            new("A1", "Record"), new("B1", "Screener"), new("C1", "Decision"),
            new("A2", "R1"), new("B2", "AB"), new("C2", "Include"),
            new("B3", "CD"), new("C3", "Include"),
        ], ["A2:A3"]);

        var import = Read(ImportWorkbooks.Xlsx([sheet]));

        // Both rows the range covers are named, and neither is read (row 3 is not "a blank record id").
        Assert.Equal([("Screening", 2, "A2", "A2:A3"), ("Screening", 3, "A3", "A2:A3")],
            import.Problems.Select(p => (p.Sheet!, p.Row!.Value, p.Cell!, p.Value!)));
        Assert.All(import.Problems, p => Assert.Equal(ProblemKind.MergedCells, p.Kind));
    }

    [Fact]
    public void ScreeningFile_ExcelErrorValue_IsACellError()
    {
        var sheet = new ImportWorkbooks.Sheet("Screening",
        [
            new("A1", "Record"), new("B1", "Screener"), new("C1", "Decision"),
            new("A2", "R1"), new("B2", "AB"), new("C2", Error: "#N/A"),
            new("A3", "R1"), new("B3", "CD"), new("C3", "Include"),
        ]);

        var problem = Assert.Single(Read(ImportWorkbooks.Xlsx([sheet])).Problems, p => p.Kind == ProblemKind.CellError);

        Assert.Equal(("Decision", "C2", "#N/A"), (problem.Column, problem.Cell, problem.Value));
    }

    [Fact]
    public void ScreeningFile_XlsIsReadThroughTheSameSource()
    {
        // The evidence sample as .xls has no screening columns: the file is read (not refused) and its first sheet's
        // headings are named.
        var import = ScreeningFile.Read(Path.Combine(AppContext.BaseDirectory, "Import", "Fixtures", "postpartum-social-prescribing.xls"));

        var problem = Only(import);
        Assert.Equal((ProblemKind.MissingColumn, "README", 1), (problem.Kind, problem.Sheet, problem.Row!.Value));
        Assert.StartsWith("No column for 'record id' and 'screener' and 'decision'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ScreeningFile_TsvAndWindows1252Csv_AreRead()
    {
        byte[] tsv = Encoding.UTF8.GetBytes("record\tscreener\tdecision\n1\tAB\tinclude\n1\tCD\texclude\n");
        byte[] latin = Encoding.Latin1.GetBytes("record;screener;decision\n1;Zoë;include\n1;José;include\n");

        var fromTsv = ScreeningFile.Read(new MemoryStream(tsv), "decisions.tsv");
        var fromLatin = ScreeningFile.Read(new MemoryStream(latin), "decisions.csv");

        Assert.Equal((0, 1, 0, 0), Table(fromTsv.GetAgreementOrThrow()));
        Assert.Equal(("Zoë", "José"), (fromLatin.GetAgreementOrThrow().FirstScreener, fromLatin.GetAgreementOrThrow().SecondScreener));
    }

    private static (int, int, int, int) Table(ScreeningAgreement a) => (a.BothInclude, a.FirstIncludesOnly, a.SecondIncludesOnly, a.BothExclude);
}
