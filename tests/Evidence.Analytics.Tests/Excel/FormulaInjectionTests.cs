using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Evidence.Analytics.Excel;
using Evidence.Analytics.Testing;
using Xunit;

namespace Evidence.Analytics.Tests.Excel;

/// <summary>Text from a review that starts like a formula (=, +, -, @, tab, carriage return) must stay text: in xlsx it
/// is a string cell with a quote prefix, never a formula; in CSV it is escaped as OWASP's CSV injection guidance says.</summary>
public class FormulaInjectionTests
{
    // Tab and carriage return are not here: the model trims text, so they cannot start a cell (CsvField is tested below).
    public static TheoryData<string> FormulaLike => ["=1+1", "+44 20", "-2+3", "@SUM(A1)", AwkwardEvidence.FormulaAuthor];

    /// <summary>Every string cell of every sheet with whether its style has a quote prefix; asserts no cell has a formula.</summary>
    private static List<(string Text, bool QuotePrefix)> TextCells(byte[] workbook)
    {
        using var stream = new MemoryStream(workbook);
        using var document = SpreadsheetDocument.Open(stream, false);
        var part = document.WorkbookPart!;
        var strings = part.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray();
        var styles = part.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToArray();
        var cells = new List<(string, bool)>();
        foreach (var sheet in part.WorksheetParts)
        {
            foreach (var cell in sheet.Worksheet.Descendants<Cell>())
            {
                Assert.Null(cell.CellFormula);
                if (cell.DataType?.Value == CellValues.SharedString)
                    cells.Add((strings[int.Parse(cell.CellValue!.Text)], styles[(int)(cell.StyleIndex?.Value ?? 0)].QuotePrefix?.Value == true));
            }
        }
        return cells;
    }

    [Theory]
    [MemberData(nameof(FormulaLike))]
    public void EvidenceWorkbook_FormulaLikeText_IsAQuotePrefixedStringCellNeverAFormula(string text)
    {
        var evidence = new EvidenceBase([new Study("S1", new Citation(text, 2020, text), StudyDesign.Rct)]);
        using var stream = new MemoryStream();
        EvidenceWorkbookWriter.Write(evidence, stream);

        var cells = TextCells(stream.ToArray()).Where(c => c.Text == text).ToList();

        Assert.Equal(2, cells.Count); // Authors and Title
        Assert.All(cells, c => Assert.True(c.QuotePrefix));
    }

    [Fact]
    public void SummaryWorkbook_AwkwardEvidence_HasNoFormulaCells()
    {
        using var stream = new MemoryStream();
        SummaryWorkbook.Write(AwkwardEvidence.Create(), stream, "=cmd|' /C calc'!A0.xlsx");
        var cells = TextCells(stream.ToArray());
        Assert.Contains((AwkwardEvidence.FormulaAuthor, true), cells);
    }

    [Theory]
    [InlineData("=1+1", "\"'=1+1\"")]
    [InlineData("+44", "\"'+44\"")]
    [InlineData("-2", "\"'-2\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\tcmd", "\"'\tcmd\"")]
    [InlineData("\rcmd", "\"'\rcmd\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("plain", "plain")]
    [InlineData("a, b", "\"a, b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("", "")]
    public void CsvField_Escape_FollowsOwaspGuidance(string text, string expected)
    {
        // OWASP CSV Injection: prefix cells starting with = + - @ tab CR with an apostrophe, double inner quotes, and
        // wrap the field in quotes.
        Assert.Equal(expected, CsvField.Escape(text));
    }

    [Fact]
    public async Task MapCommandCsv_FormulaLikeLabel_IsEscaped()
    {
        // The intervention type "=cmd" is declared on the Vocabulary sheet like any added term.
        var evidence = new EvidenceBase(
            [new Study("S1", new Citation("A", 2020, "T"), StudyDesign.Rct, interventionIds: ["I1"])],
            [new Intervention("I1", "Name", [new InterventionType("=cmd|' /C calc'!A0")])],
            [new Finding("S1", null, OutcomeDomain.MentalHealth, Direction.Improved)]);
        string path = Path.Combine(Path.GetTempPath(), $"injection-{Guid.NewGuid():N}.xlsx");
        try
        {
            EvidenceWorkbookWriter.Write(evidence, path);
            var output = new StringWriter();
            var error = new StringWriter();
            int exit = await Evidence.Analytics.Cli.EvidenceCli.RunAsync(["map", path, "--csv"], output, error);
            Assert.True(exit == 0, error.ToString());
            string[] lines = output.ToString().Split('\n');
            Assert.Contains(lines, l => l.StartsWith("\"'=cmd|' /C calc'!A0\",", StringComparison.Ordinal));
            Assert.DoesNotContain(lines, l => l.StartsWith('='));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
