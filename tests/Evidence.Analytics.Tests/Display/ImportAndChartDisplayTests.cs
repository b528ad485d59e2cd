using Evidence.Analytics.Notebooks;
using Xunit;
using static Evidence.Analytics.Tests.Import.TestWorkbooks;

namespace Evidence.Analytics.Tests.Display;

public sealed class ImportAndChartDisplayTests
{
    [Fact]
    public void ImportResult_ToHtml_InvalidWorkbook_ListsEachProblemWithItsEncodedValue()
    {
        string studies = StudiesHeader + "\nS01,Example A,2019,Trial,,<b>Randomised</b>,UK,I01,,,,,\nS02,Example C,2021,Interviews,,Qualitative,UK,I01; I02,,,,,\n";
        var result = EvidenceWorkbook.Read(CsvFolderWith("studies.csv", studies));

        string html = result.ToHtml();

        Assert.Contains("class=\"ea-problem\">Not imported: ", html, StringComparison.Ordinal);
        Assert.Contains("<td>Error</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>&lt;b&gt;Randomised&lt;/b&gt;</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ImportResult_PlainText_ValidWorkbook_GivesRowsBySheet()
    {
        var result = EvidenceWorkbook.Read(CsvFolder(Valid()));

        string text = MimeFormatter.Format(result).Single(p => p.Key == "text/plain").Value;

        // Valid(): two interventions, two studies, three findings (7 data rows), read by hand from TestWorkbooks.
        Assert.Contains("Valid: 7 rows read, 7 imported, 0 reported; 0 errors, 0 warnings.", text, StringComparison.Ordinal);
        Assert.Matches(@"\n  Studies +2 +2 +0\n", text);
    }

    [Fact]
    public void Chart_InNotebook_ShowsInlineSvgInHtmlAndItsNumbersAsText()
    {
        var evidence = EvidenceWorkbook.Read(CsvFolder(Valid())).GetEvidenceOrThrow();

        var formatted = MimeFormatter.Format(evidence.InterventionTypeChart());

        Assert.Equal(["text/html", "text/plain"], formatted.Select(p => p.Key));
        Assert.StartsWith("<div class=\"ea-display\"><style>", formatted[0].Value, StringComparison.Ordinal);
        Assert.Contains("<svg ", formatted[0].Value, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", formatted[0].Value, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("Intervention types\n", formatted[1].Value, StringComparison.Ordinal);
        Assert.Contains("Social support 2", formatted[1].Value, StringComparison.Ordinal);
    }
}
