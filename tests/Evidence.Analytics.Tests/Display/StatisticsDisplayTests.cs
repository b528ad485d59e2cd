using System.Text.RegularExpressions;
using Evidence.Analytics.Notebooks;
using Xunit;

namespace Evidence.Analytics.Tests.Display;

public sealed class StatisticsDisplayTests
{
    // The Cochrane Handbook ch. 12 worked example (GUIDE.md §2): 13 of 15 studies improved, 2 worsened.
    // Wilson 95% CI 0.621–0.963 and sign test P = 2·(1 + 15 + 105)/2^15 = 0.00739, computed by hand.
    private static EvidenceBase HandbookExample()
    {
        var citation = new Citation("Smith A", 2020, "Trial");
        var studies = Enumerable.Range(1, 15).Select(i => new Study($"S{i:00}", citation, StudyDesign.Rct, interventionIds: ["I1"])).ToList();
        var findings = studies.Select((s, i) => new Finding(s.Id, null, OutcomeDomain.SocialConnection, i < 13 ? Direction.Improved : Direction.Worsened));
        Intervention[] interventions = [new("I1", "Peer <support> & groups", [InterventionType.SocialSupport], referralRoutes: [ReferralRoute.FormalReferral])];
        return new EvidenceBase(studies, interventions, findings);
    }

    [Fact]
    public void Share_ToHtml_HeadlineGivesCountsIntervalAndSignTest()
    {
        var share = HandbookExample().Share(design: DesignGroup.Rct, outcome: OutcomeDomain.SocialConnection);

        string html = share.ToHtml();

        Assert.Contains("Improved in 13 of 15 RCTs that reported a direction: 87% (95% CI 62% to 96%, Wilson); sign test P = 0.0074.", html, StringComparison.Ordinal);
        Assert.Contains("<caption>Each study&#39;s direction</caption>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Share_PlainText_MatchesTheHtmlHeadline()
    {
        var share = HandbookExample().Share(design: DesignGroup.Rct, outcome: OutcomeDomain.SocialConnection);

        string text = MimeFormatter.Format(share).Single(p => p.Key == "text/plain").Value;

        Assert.Contains("Improved in 13 of 15 RCTs that reported a direction: 87% (95% CI 62% to 96%, Wilson); sign test P = 0.0074.", text, StringComparison.Ordinal);
        Assert.Matches(@"\n  Improved +13\n", text);
    }

    [Fact]
    public void EvidenceMap_ToHtml_ShowsCountsTotalsAndGapsWithEncodedLabels()
    {
        var map = HandbookExample().Map();

        string html = map.ToHtml();

        // One type with studies (social support: 15 in social connection); the other seeded types are empty rows.
        Assert.Contains("15 distinct studies, 15 study–cell entries, 15 findings.", html, StringComparison.Ordinal);
        Assert.Matches("<th>Social support</th><td class=\"ea-num ea-cell\" style=\"background:rgba\\(13,110,110,0.90\\);color:#ffffff\" title=\"[^\"]*\">15</td>", html);
        Assert.Contains("class=\"ea-num ea-gap\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ConsistencyRanking_ToHtml_ListsRankedRowsAndDomainsWithoutEvidence()
    {
        string html = HandbookExample().RankOutcomes().ToHtml();

        Assert.Matches("<td class=\"ea-num\">1</td><td>Social connection</td><td class=\"ea-num\">13 of 15</td><td class=\"ea-num\">87%</td><td class=\"ea-num\">62% to 96%</td><td class=\"ea-num\">0.0074</td>", html);
    }

    [Fact]
    public void TypologySummary_ToHtml_EncodesInterventionNamesAndGivesReasons()
    {
        string html = HandbookExample().SummariseTypology().ToHtml();

        Assert.Contains("I1 Peer &lt;support&gt; &amp; groups", html, StringComparison.Ordinal);
        Assert.Contains("formal referral into a specific programme, no link worker", html, StringComparison.Ordinal);
        Assert.Equal(1, Regex.Count(html, "<td>Light</td><td class=\"ea-num\">1</td><td class=\"ea-num\">15</td>"));
    }
}

