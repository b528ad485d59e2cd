using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Evidence.Analytics.Browser.Tests;

/// <summary>A fact that needs LibreOffice's <c>soffice</c> and poppler's <c>pdftohtml</c>: skipped where they are
/// missing, except under CI (<c>CI=true</c>), where <c>.ci/run</c> installs them and a missing one fails the test.</summary>
public sealed class PrintFactAttribute : FactAttribute
{
    public PrintFactAttribute()
    {
        if (PrintedWorkbook.MissingTools() is { } missing && !PrintedWorkbook.UnderCi)
            Skip = $"{missing} not found: install libreoffice-calc-nogui and poppler-utils (.ci/run does; under CI=true this test fails instead)";
    }
}

/// <summary>One printed page: its number, the sheet its footer names, and the size its body text prints at.</summary>
/// <param name="BodyFontSize">The median size in points, by characters, of the text above the footer.</param>
public sealed record PrintedPage(int Number, string Sheet, double BodyFontSize);

/// <summary>A workbook printed to PDF by LibreOffice (as a commissioner exporting it would) and read back with poppler.</summary>
public static class PrintedWorkbook
{
    public const string Soffice = "/usr/bin/soffice";
    public const string PdfToHtml = "/usr/bin/pdftohtml";

    // pdftohtml reports font sizes in whole units of its zoom; at 3 they are thirds of a point.
    private const int Zoom = 3;

    public static bool UnderCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The tools that are missing, or null.</summary>
    public static string? MissingTools()
    {
        var missing = new[] { Soffice, PdfToHtml }.Where(p => !File.Exists(p)).ToArray();
        return missing.Length == 0 ? null : string.Join(" and ", missing);
    }

    /// <summary>Where the tests leave the workbooks and PDFs they make, for a person to look at.</summary>
    public static string OutputDirectory { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "print-output")).FullName;

    /// <summary>Converts a workbook to PDF with LibreOffice, in a profile of its own (so that it neither waits for nor
    /// disturbs another LibreOffice running), and returns the PDF's path.</summary>
    public static string ToPdf(string workbook)
    {
        if (MissingTools() is { } missing) Assert.Fail($"{missing} not found: .ci/run installs libreoffice-calc-nogui and poppler-utils.");
        string pdf = Path.ChangeExtension(workbook, ".pdf");
        File.Delete(pdf);
        var profile = Directory.CreateTempSubdirectory("evidence-soffice-");
        try
        {
            Run(Soffice, ["-env:UserInstallation=" + new Uri(profile.FullName).AbsoluteUri, "--headless", "--norestore",
                "--convert-to", "pdf", "--outdir", Path.GetDirectoryName(workbook)!, workbook]);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
        Assert.True(File.Exists(pdf), $"LibreOffice wrote no {pdf}");
        return pdf;
    }

    /// <summary>The pages of a PDF: the sheet named on the left of each footer ("Studies … Page 3 of 20") and the
    /// median font size of the text above it.</summary>
    public static List<PrintedPage> Pages(string pdf)
    {
        string xml = Run(PdfToHtml, ["-xml", "-i", "-q", "-stdout", "-zoom", Zoom.ToString(CultureInfo.InvariantCulture), pdf]);
        using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        var document = XDocument.Load(reader);
        var fontSizes = document.Descendants("fontspec").ToDictionary(f => (string)f.Attribute("id")!, f => (double)f.Attribute("size")! / Zoom);
        var pages = new List<PrintedPage>();
        foreach (var page in document.Descendants("page"))
        {
            var texts = page.Elements("text")
                .Select(t => (Top: (double)t.Attribute("top")!, Left: (double)t.Attribute("left")!, Size: fontSizes[(string)t.Attribute("font")!], Text: t.Value.Trim()))
                .Where(t => t.Text.Length > 0)
                .ToList();
            int number = (int)page.Attribute("number")!;
            var pageNumber = texts.Where(t => Regex.IsMatch(t.Text, @"^Page \d+ of \d+$")).ToList();
            Assert.True(pageNumber.Count == 1, $"page {number}: no footer \"Page n of m\"");
            double footerTop = pageNumber[0].Top;
            var footer = texts.Where(t => Math.Abs(t.Top - footerTop) < 3 * Zoom).OrderBy(t => t.Left).ToList();
            var body = texts.Where(t => t.Top < footerTop - 3 * Zoom).ToList();
            pages.Add(new PrintedPage(number, footer[0].Text, MedianByCharacters(body.Select(t => (t.Size, t.Text.Length)))));
        }
        return pages;
    }

    /// <summary>The sheet names of an .xlsx, in order, with whether each is hidden.</summary>
    public static List<(string Name, bool Hidden)> SheetNames(string workbook)
    {
        using var zip = ZipFile.OpenRead(workbook);
        using var stream = zip.GetEntry("xl/workbook.xml")!.Open();
        XNamespace main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        return XDocument.Load(stream).Descendants(main + "sheet")
            .Select(s => ((string)s.Attribute("name")!, (string?)s.Attribute("state") == "hidden")).ToList();
    }

    private static double MedianByCharacters(IEnumerable<(double Size, int Characters)> runs)
    {
        var sorted = runs.OrderBy(r => r.Size).ToList();
        int total = sorted.Sum(r => r.Characters);
        if (total == 0) return 0;
        int seen = 0;
        foreach (var (size, characters) in sorted)
        {
            seen += characters;
            if (2 * seen >= total) return size;
        }
        return sorted[^1].Size;
    }

    private static string Run(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} did not finish in 3 minutes");
        }
        Assert.True(process.ExitCode == 0, $"{program} exited with {process.ExitCode}: {error.Result}");
        return output.Result;
    }
}
