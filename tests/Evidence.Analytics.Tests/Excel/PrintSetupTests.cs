using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Evidence.Analytics.Excel;
using Evidence.Analytics.Excel.IO;
using Xunit;
using static Evidence.Analytics.Tests.Excel.XlsxParts;

namespace Evidence.Analytics.Tests.Excel;

/// <summary>How the summary workbook and the template print: page setup, print titles, row heights for wrapped text,
/// alignment, hidden helper columns and page breaks, read back from the parts' XML and checked against Excel's own
/// arithmetic (a column of w characters is 7w + 5 pixels; A4 is 595 × 842 pt).</summary>
public class PrintSetupTests
{
    private static readonly Lazy<XlsxParts> Sample = new(() =>
    {
        string path = Path.Combine(AppContext.BaseDirectory, "data-samples", "postpartum-social-prescribing.xlsx");
        var evidence = EvidenceWorkbook.Read(path).GetEvidenceOrThrow();
        // With a previous version, so that the What changed sheet is printed too: the sample's next version
        // (Maps/UpdatedSample), given as the previous one, has changes of every kind.
        using var stream = new MemoryStream();
        SummaryWorkbook.Write(evidence, stream, path, previous: EvidenceWorkbook.Read(Maps.UpdatedSample.Folder()).GetEvidenceOrThrow(), previousFileName: "next-version");
        return new XlsxParts(stream.ToArray());
    });

    private static readonly Lazy<XlsxParts> Template = new(() =>
    {
        using var stream = new MemoryStream();
        ExtractionTemplate.Write(stream);
        return new XlsxParts(stream.ToArray());
    });

    private static IEnumerable<(XlsxParts Workbook, string Sheet)> PrintedSheets() =>
        Sample.Value.Sheets.Select(s => (Sample.Value, s.Name))
            .Concat(Template.Value.Sheets.Where(s => !s.Hidden).Select(s => (Template.Value, s.Name)));

    [Fact]
    public void PrintedSheets_IncludeTheWhatChangedSheet() =>
        Assert.Contains(PrintedSheets(), s => s.Sheet == "What changed");

    [Fact]
    public void EverySheet_PrintsOnA4OnePageWideWithItsNameAndPageInTheFooter()
    {
        foreach (var (workbook, name) in PrintedSheets())
        {
            var sheet = workbook.Sheet(name);
            var setup = sheet.Element(Main + "pageSetup")!;
            Assert.True((string?)sheet.Element(Main + "sheetPr")?.Element(Main + "pageSetUpPr")?.Attribute("fitToPage") == "1", name);
            Assert.Equal("9", (string?)setup.Attribute("paperSize")); // A4
            Assert.Equal("1", (string?)setup.Attribute("fitToWidth"));
            Assert.Equal("0", (string?)setup.Attribute("fitToHeight")); // as many pages long as needed, not squeezed onto one
            Assert.Contains((string?)setup.Attribute("orientation"), new[] { "landscape", "portrait" });
            string footer = sheet.Element(Main + "headerFooter")!.Element(Main + "oddFooter")!.Value;
            Assert.Contains("&A", footer, StringComparison.Ordinal);
            Assert.Contains("&P", footer, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Studies", "Study ID")]
    [InlineData("Interventions", "Intervention ID")]
    [InlineData("Findings", "Study ID")]
    public void TableSheets_RepeatTheirHeaderRowOnEveryPrintedPage(string sheetName, string firstHeader)
    {
        var workbook = Sample.Value;
        int index = workbook.Sheets.FindIndex(s => s.Name == sheetName);
        var titles = workbook.Workbook.Root!.Element(Main + "definedNames")!.Elements(Main + "definedName")
            .Where(d => (string?)d.Attribute("name") == "_xlnm.Print_Titles" && (int?)d.Attribute("localSheetId") == index)
            .ToList();
        Assert.Equal($"'{sheetName}'!$1:$1", Assert.Single(titles).Value);
        var firstCell = workbook.Sheet(sheetName).Descendants(Main + "row").First().Elements(Main + "c").First();
        Assert.Equal(firstHeader, workbook.Strings[int.Parse(firstCell.Element(Main + "v")!.Value, CultureInfo.InvariantCulture)]);
    }

    [Fact]
    public void EverySheet_FitsThePageWidthAtThreeQuartersScaleOrMore()
    {
        // Fitted to one page wide, a sheet prints at (printable width) / (width of its used columns). The used
        // columns are those with cells and those a chart covers; hidden ones take no room. At 75% the workbook's
        // 11-pt text prints at 8.25 pt; the issue's data sheets printed at about 4.5 pt.
        foreach (var (workbook, name) in PrintedSheets().Where(s => s.Workbook == Sample.Value || s.Sheet == "README"))
        {
            double scale = ExcelFitScale(workbook, name);
            Assert.True(scale >= 0.75, $"{name} prints at {scale:P0}");
        }
    }

    [Fact]
    public void WrappedText_EveryRowIsTallEnoughForItsLines()
    {
        // A lower bound for the lines a wrapped text needs: Calibri's and DejaVu Sans's letters average more than
        // 0.75 of a digit's width in prose, and a line holds at most (column width) digits. The issue: Methods
        // definitions overlapped the next row or were cut, because rows kept the default 15 pt.
        int checkedRows = 0;
        foreach (var (workbook, name) in PrintedSheets())
        {
            var sheet = workbook.Sheet(name);
            var widths = ColumnWidths(sheet);
            var merges = Merges(sheet);
            foreach (var row in sheet.Descendants(Main + "row"))
            {
                int number = RowNumber(row);
                foreach (var (column, cell) in Cells(row))
                {
                    var format = workbook.CellFormat(cell);
                    if ((string?)format.Element(Main + "alignment")?.Attribute("wrapText") != "1" || (string?)cell.Attribute("t") != "s") continue;
                    string text = workbook.Strings[int.Parse(cell.Element(Main + "v")!.Value, CultureInfo.InvariantCulture)];
                    int last = merges.TryGetValue((number, column), out int end) ? end : column;
                    double width = Enumerable.Range(column, last - column + 1).Sum(c => widths(c));
                    if (width == 0) continue; // a hidden column
                    double size = FontSize(workbook, format) / 11;
                    int lines = text.Split('\n').Sum(line => (int)Math.Ceiling(Math.Max(1, line.Length * 0.75 * size) / width));
                    Assert.True(RowHeight(row) >= lines * 15 * size - 0.01,
                        $"{name}!{number}: \"{text[..Math.Min(40, text.Length)]}…\" needs {lines} lines in {width} characters; the row is {RowHeight(row)} pt");
                    if (lines > 1) checkedRows++;
                }
            }
        }
        Assert.True(checkedRows > 20, $"only {checkedRows} rows of several lines were checked");
    }

    [Fact]
    public void ReadmeSheet_ColumnRows_EveryCellSitsAtTheTop()
    {
        // Regression (issue 16): column names were bottom-aligned and descriptions top-aligned, so in a tall row each
        // description sat beside the wrong column. LibreOffice takes a cell without a style from the Normal style.
        var workbook = Template.Value;
        var sheet = workbook.Sheet("README");
        var strings = workbook.Strings;
        var rows = sheet.Descendants(Main + "row").ToList();
        int header = rows.FindIndex(r => Cells(r).Any(c => (string?)c.Cell.Attribute("t") == "s"
            && strings[int.Parse(c.Cell.Element(Main + "v")!.Value, CultureInfo.InvariantCulture)] == "What to enter"));
        Assert.True(header > 0);
        Assert.Equal("top", (string?)workbook.NormalFormat.Element(Main + "alignment")?.Attribute("vertical"));
        int tall = 0;
        foreach (var row in rows.Skip(header + 1))
        {
            if (RowHeight(row) > 15) tall++;
            foreach (var (column, cell) in Cells(row))
                Assert.True((string?)workbook.CellFormat(cell).Element(Main + "alignment")?.Attribute("vertical") == "top", $"README!{XlsxText.Cell(column, RowNumber(row))}");
        }
        Assert.True(tall > 5);
    }

    [Fact]
    public void ChartsSheet_ErrorBarColumnsAreHiddenAndStillPlotted()
    {
        var workbook = Sample.Value;
        var sheet = workbook.Sheet("Charts");
        var hidden = sheet.Element(Main + "cols")!.Elements(Main + "col")
            .Where(c => (string?)c.Attribute("hidden") == "1")
            .SelectMany(c => Enumerable.Range((int)c.Attribute("min")! - 1, (int)c.Attribute("max")! - (int)c.Attribute("min")! + 1))
            .ToHashSet();
        var shareChart = workbook.Charts("Charts").Select(c => c.Chart).Single(c => c.Descendants(ChartMl + "errBars").Any());
        int[] errorColumns = [.. shareChart.Descendants(ChartMl + "errBars").Descendants(ChartMl + "f").Select(f => FormulaColumn(f.Value))];
        int[] shownColumns = [.. shareChart.Descendants(ChartMl + "cat").Concat(shareChart.Descendants(ChartMl + "val")).Descendants(ChartMl + "f").Select(f => FormulaColumn(f.Value))];
        Assert.Equal(2, errorColumns.Distinct().Count());
        Assert.All(errorColumns, c => Assert.Contains(c, hidden));
        Assert.All(shownColumns, c => Assert.DoesNotContain(c, hidden));
        // Excel leaves out data in hidden cells unless told otherwise: the error bars would vanish.
        Assert.Equal("0", (string?)shareChart.Descendants(ChartMl + "plotVisOnly").Single().Attribute("val"));
    }

    [Fact]
    public void ChartsSheet_IntervalIsCentredAwayFromTheCountBeside()
    {
        // Regression (issue 16): "22 67–95%" ran together: a right-aligned count, then a left-aligned interval.
        var workbook = Sample.Value;
        var strings = workbook.Strings;
        var intervals = 0;
        foreach (var row in workbook.Sheet("Charts").Descendants(Main + "row"))
        {
            var cells = Cells(row).ToList();
            for (int i = 0; i < cells.Count; i++)
            {
                var (column, cell) = cells[i];
                if ((string?)cell.Attribute("t") != "s" || !Regex.IsMatch(strings[int.Parse(cell.Element(Main + "v")!.Value, CultureInfo.InvariantCulture)], @"^\d+–\d+%$")) continue;
                intervals++;
                Assert.Equal("center", (string?)workbook.CellFormat(cell).Element(Main + "alignment")?.Attribute("horizontal"));
                var left = cells.SingleOrDefault(c => c.Column == column - 1).Cell;
                if (left is not null) Assert.Equal("center", (string?)workbook.CellFormat(left).Element(Main + "alignment")?.Attribute("horizontal"));
            }
        }
        Assert.True(intervals >= 7, $"{intervals} intervals");
    }

    [Fact]
    public void ChartsSheet_PageBreaksKeepEveryChartOnOnePage()
    {
        // Pages of the sheet: the manual breaks, and within the rows between two of them Excel breaks by itself when a
        // page is full (printable height over the fit-to-width scale). No chart may straddle either kind of break.
        var workbook = Sample.Value;
        var sheet = workbook.Sheet("Charts");
        var breaks = sheet.Element(Main + "rowBreaks")?.Elements(Main + "brk").Select(b => (int)b.Attribute("id")! + 1).ToList() ?? [];
        Assert.NotEmpty(breaks); // the three charts are taller than one page: without breaks one would be cut
        var heights = sheet.Descendants(Main + "row").ToDictionary(RowNumber, RowHeight);
        double Height(int row) => heights.TryGetValue(row, out double h) ? h : 15;
        double pageHeight = PrintableHeight(sheet) / ExcelFitScale(workbook, "Charts");

        var charts = workbook.Charts("Charts");
        Assert.Equal(3, charts.Count);
        foreach (var (chart, _, fromRow, _, toRow) in charts)
        {
            // Zero-based anchor rows: the chart covers rows fromRow + 1 to toRow, one-based.
            int first = fromRow + 1, last = toRow;
            Assert.DoesNotContain(breaks, b => b > first && b <= last);
            int pageStart = breaks.Where(b => b <= first).DefaultIfEmpty(1).Max();
            double used = 0;
            for (int row = pageStart; row < first; row++)
            {
                if (used + Height(row) > pageHeight) used = 0;
                used += Height(row);
            }
            double chartHeight = Enumerable.Range(first, last - first + 1).Sum(Height);
            Assert.True(used + chartHeight <= pageHeight, $"chart at rows {first}–{last} ends {used + chartHeight:0} pt into a page of {pageHeight:0} pt");
        }
    }

    [Theory]
    [InlineData("Short", 20, 1)]
    [InlineData("aaaa aaaa", 5, 2)]              // each word 3.92 digits; two do not share a 4.4-digit line
    [InlineData("aaaaaaaaaa", 5, 3)]             // 9.8 digits broken at 4.4: 4.4, 4.4, 1
    [InlineData("first line\nsecond", 40, 2)]    // a line break starts a line
    public void TextFit_Lines_BreaksAtSpacesAndWhereWordsReachTheEdge(string text, double width, int lines)
    {
        Assert.Equal(lines, TextFit.Lines(text, width, bold: false));
    }

    // --- Excel's page arithmetic, worked out from the XML --------------------------------------------------------

    private static Func<int, double> ColumnWidths(XElement sheet)
    {
        var widths = new Dictionary<int, double>();
        foreach (var col in sheet.Element(Main + "cols")?.Elements(Main + "col") ?? [])
        {
            for (int c = (int)col.Attribute("min")!; c <= (int)col.Attribute("max")!; c++)
                widths[c - 1] = (string?)col.Attribute("hidden") == "1" ? 0 : (double)col.Attribute("width")!;
        }
        return c => widths.TryGetValue(c, out double w) ? w : 8.43;
    }

    private static Dictionary<(int Row, int Column), int> Merges(XElement sheet) =>
        (sheet.Element(Main + "mergeCells")?.Elements(Main + "mergeCell") ?? []).Select(m => ((string)m.Attribute("ref")!).Split(':'))
            .ToDictionary(p => (ParseCell(p[0]).Row, ParseCell(p[0]).Column), p => ParseCell(p[1]).Column);

    private static double PageSize(XElement sheet, bool width)
    {
        bool landscape = (string?)sheet.Element(Main + "pageSetup")!.Attribute("orientation") == "landscape";
        return landscape == width ? 841.89 : 595.28;
    }

    private static double PrintableHeight(XElement sheet)
    {
        var margins = sheet.Element(Main + "pageMargins")!;
        return PageSize(sheet, width: false) - 72 * ((double)margins.Attribute("top")! + (double)margins.Attribute("bottom")!);
    }

    private static double ExcelFitScale(XlsxParts workbook, string name)
    {
        var sheet = workbook.Sheet(name);
        var margins = sheet.Element(Main + "pageMargins")!;
        double printable = PageSize(sheet, width: true) - 72 * ((double)margins.Attribute("left")! + (double)margins.Attribute("right")!);
        int used = sheet.Descendants(Main + "row").SelectMany(r => Cells(r)).Select(c => c.Column + 1).DefaultIfEmpty(0).Max();
        used = Math.Max(used, workbook.Charts(name).Select(c => c.ToColumn).DefaultIfEmpty(0).Max());
        var widths = ColumnWidths(sheet);
        double points = Enumerable.Range(0, used).Select(widths).Where(w => w > 0).Sum(w => (7 * w + 5) * 0.75);
        return Math.Min(1, printable / points);
    }

    private static double FontSize(XlsxParts workbook, XElement format)
    {
        int font = (int?)format.Attribute("fontId") ?? 0;
        var fonts = workbook.Part("xl/styles.xml").Root!.Element(Main + "fonts")!.Elements(Main + "font").ElementAt(font);
        return (double)fonts.Element(Main + "sz")!.Attribute("val")!;
    }

    private static int FormulaColumn(string formula) => ParseCell(formula[(formula.IndexOf('!') + 1)..].Split(':')[0].Replace("$", "", StringComparison.Ordinal)).Column;
}
