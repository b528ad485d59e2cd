using Evidence.Analytics.Notebooks;
using Evidence.Analytics.Tests.Import;
using Evidence.Analytics.Tests.Maps;
using Xunit;

namespace Evidence.Analytics.Tests.Display;

/// <summary>A notebook shows a review's changes (the sample against its next version, <see cref="UpdatedSample"/>) as
/// tables of the studies, cells and shares that changed, and each part as its one line.</summary>
public sealed class EvidenceBaseChangesDisplayTests
{
    private static EvidenceBaseChanges Changes() => EvidenceBaseChanges.Between(
        EvidenceWorkbook.Read(SampleDataTests.SampleFolder).GetEvidenceOrThrow(), EvidenceWorkbook.Read(UpdatedSample.Folder()).GetEvidenceOrThrow());

    [Fact]
    public void ToHtml_UpdatedSample_TabulatesEveryKindOfChange()
    {
        string html = System.Net.WebUtility.HtmlDecode(Changes().ToHtml());

        Assert.Contains("Studies: 33 previous + 3 new − 1 removed = 35 total; reports: 33 previous, 33 total. 2 studies recoded; 16 map cells and 8 shares changed.", html, StringComparison.Ordinal);
        Assert.Contains("<caption>Studies added and removed</caption>", html, StringComparison.Ordinal);
        Assert.Contains("<caption>Studies recoded</caption>", html, StringComparison.Ordinal);
        Assert.Contains("<caption>Map cells whose studies changed (Intervention type × Outcome domain)</caption>", html, StringComparison.Ordinal);
        Assert.Contains("<caption>Shares that changed</caption>", html, StringComparison.Ordinal);
        Assert.Contains("Maternal Self-Efficacy Scale: No difference", html, StringComparison.Ordinal);
    }

    [Fact]
    public void PlainText_Parts_AreTheirOneLine()
    {
        var changes = Changes();

        Assert.Equal("Studies: 33 previous + 3 new − 1 removed = 35 total; reports: 33 previous, 33 total",
            MimeFormatter.Format(changes.Counts).Single(p => p.Key == "text/plain").Value.Trim());
        Assert.Equal("Social support × Mental health: 14 → 14 studies (new: S34; left: S05)",
            MimeFormatter.Format(changes.Cells[0]).Single(p => p.Key == "text/plain").Value.Trim());
        Assert.Equal("Findings: Social connection: MSPSS: No difference → MSPSS: Improved",
            MimeFormatter.Format(changes.Changed[0].Changes[0]).Single(p => p.Key == "text/plain").Value.Trim());
        Assert.StartsWith("Quantitative designs, Social connection: 13/16 = 0.813", MimeFormatter.Format(changes.Shares[0]).Single(p => p.Key == "text/plain").Value.Trim(), StringComparison.OrdinalIgnoreCase);
    }
}
