using Evidence.Analytics.Excel;

namespace Evidence.Analytics.Browser.Tests;

/// <summary>The commissioner's workbook printed to PDF by LibreOffice: every sheet prints, each on a bounded number of
/// pages, at a size people can read. The PDFs are left in print-output/ to look at.</summary>
public sealed class WorkbookPrintTests
{
    // Text pages print at (nearly) full size; tables are narrowed to fit the page's width and may print smaller, but
    // not at the 4.5 pt the issue found. Sizes are LibreOffice's: without Calibri or Carlito it sets the text in
    // DejaVu Sans, whose wider digits make every column wider, so it prints about a quarter smaller than Excel.
    private static readonly Dictionary<string, double> SmallestFontSize = new()
    {
        ["Summary"] = 9, ["Flow"] = 9, ["Methods"] = 9, ["README"] = 8,
    };

    private const double SmallestTableFontSize = 6.5;

    [PrintFact]
    public void SummaryWorkbook_PrintedByLibreOffice_EverySheetOnBoundedPagesAtAReadableSize()
    {
        string source = Path.Combine(AppContext.BaseDirectory, "data-samples", "postpartum-social-prescribing.xlsx");
        var evidence = EvidenceWorkbook.Read(source).GetEvidenceOrThrow();
        string workbook = Path.Combine(PrintedWorkbook.OutputDirectory, "summary.xlsx");
        SummaryWorkbook.Write(evidence, workbook, source);

        var pages = PrintedWorkbook.Pages(PrintedWorkbook.ToPdf(workbook));

        // Every sheet prints, in the workbook's order, its pages together.
        var sheets = PrintedWorkbook.SheetNames(workbook).Select(s => s.Name).ToList();
        var printed = pages.Select(p => p.Sheet).Distinct().ToList();
        Assert.Equal(sheets, printed);
        Assert.Equal(pages.Count, printed.Sum(s => pages.Count(p => p.Sheet == s)));
        Assert.True(pages.Select(p => p.Sheet).Zip(pages.Select(p => p.Sheet).Skip(1)).Count(pair => pair.First != pair.Second) == sheets.Count - 1,
            "a sheet's pages are not together");

        // Bounded pages: the text sheets and the map are short; tables hold at least 8 records a page (rows grow with
        // wrapped text, but not without end); the three charts take a page each at most, none cut by a break.
        int Pages(string sheet) => pages.Count(p => p.Sheet == sheet);
        Assert.InRange(Pages("Summary"), 1, 3); // the overview, the headlines (each naming its denominator) and the gaps
        Assert.Equal(1, Pages("Evidence map"));
        Assert.InRange(Pages("Charts"), 1, 3);
        Assert.InRange(Pages("Studies"), 1, (evidence.Studies.Length + 7) / 8);
        Assert.InRange(Pages("Interventions"), 1, (evidence.Interventions.Length + 7) / 8);
        Assert.InRange(Pages("Findings"), 1, (evidence.Findings.Length + 7) / 8);
        Assert.Equal(1, Pages("Flow"));
        Assert.InRange(Pages("Methods"), 1, 3);

        AssertReadable(pages);
    }

    [PrintFact]
    public void ExtractionTemplate_PrintedByLibreOffice_ReadmeIsReadable()
    {
        string workbook = Path.Combine(PrintedWorkbook.OutputDirectory, "template.xlsx");
        ExtractionTemplate.Write(workbook);

        var pages = PrintedWorkbook.Pages(PrintedWorkbook.ToPdf(workbook));

        var visible = PrintedWorkbook.SheetNames(workbook).Where(s => !s.Hidden).Select(s => s.Name).ToList();
        Assert.Equal(visible, pages.Select(p => p.Sheet).Distinct().ToList());
        // The README sheet explains every column of every sheet; with the Risk of bias sheet and the Flow sheet's
        // PRISMA 2020 stages it prints in 5 pages at a readable size, and must not sprawl beyond 6.
        Assert.InRange(pages.Count(p => p.Sheet == "README"), 2, 6);
        AssertReadable(pages.Where(p => p.Sheet == "README").ToList());
    }

    private static void AssertReadable(List<PrintedPage> pages)
    {
        foreach (var page in pages)
        {
            double smallest = SmallestFontSize.GetValueOrDefault(page.Sheet, SmallestTableFontSize);
            Assert.True(page.BodyFontSize >= smallest,
                $"page {page.Number} ({page.Sheet}) prints its text at {page.BodyFontSize:0.#} pt, below {smallest} pt");
        }
    }
}
