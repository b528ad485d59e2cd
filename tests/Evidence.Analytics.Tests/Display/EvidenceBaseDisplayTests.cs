using Xunit;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Evidence.Analytics.Tests.Display;

public sealed class EvidenceBaseDisplayTests
{
    // Three studies coded by hand: S1 RCT (social support + education), S2 cluster RCT (social support),
    // S3 qualitative (creative). Expected counts are read off this list: designs 2 RCT / 1 qualitative;
    // social support 2 studies, education 1, creative 1; social connection 2 studies, 3 findings, 2 improved.
    private static EvidenceBase Sample(string interventionName = "Mothers' group", int? screened = 13851)
    {
        var citation = new Citation("Smith A", 2020, "A study");
        Intervention[] interventions =
        [
            new("I1", interventionName, [InterventionType.SocialSupport, InterventionType.EducationInformation], referralRoutes: [ReferralRoute.FormalReferral]),
            new("I2", "Peer calls", [InterventionType.SocialSupport], referralRoutes: [ReferralRoute.SelfReferral]),
            new("I3", "Arts on prescription", [InterventionType.CreativeRecreational], hasLinkWorker: true, needsAssessment: NeedsAssessment.Holistic, followUp: FollowUp.Ongoing),
        ];
        Study[] studies =
        [
            new("S1", citation, StudyDesign.Rct, interventionIds: ["I1"]),
            new("S2", citation, StudyDesign.ClusterRct, interventionIds: ["I2"]),
            new("S3", citation, StudyDesign.Qualitative, interventionIds: ["I3"]),
        ];
        Finding[] findings =
        [
            new("S1", null, OutcomeDomain.SocialConnection, Direction.Improved),
            new("S1", null, OutcomeDomain.SocialConnection, Direction.NoDifference),
            new("S2", null, OutcomeDomain.SocialConnection, Direction.Improved),
            new("S2", null, OutcomeDomain.MentalHealth, Direction.Worsened),
        ];
        return new EvidenceBase(studies, interventions, findings, new PrismaFlow(screened: screened, studiesIncluded: 3), review: new ReviewInfo("Test review"));
    }

    [Fact]
    public void ToSummaryText_HandCodedSample_CountsDistinctStudies()
    {
        string text = Sample().ToSummaryText();

        Assert.Contains("3 studies · 3 interventions · 4 findings · 13,851 records screened", text, StringComparison.Ordinal);
        Assert.Matches(@"\n  RCT +2 +67%\n  Qualitative +1 +33%\n  Total +3 +100%\n", text);
        Assert.Matches(@"\n  Social support +2 +2\n  Education/information +1 +1\n  Creative/recreational +1 +1\n", text);
        Assert.Matches(@"\n  Light +2 +2\n  Medium +0 +0\n  Holistic +1 +1\n", text);
        Assert.Matches(@"\n  Social connection +2 +3 +2\n  Mental health +1 +1 +0\n", text);
    }

    [Fact]
    public void ToHtml_HostileText_IsEncodedAndNoScriptIsEmitted()
    {
        string html = Sample("<script>alert('x')</script> & <img src=x onerror=1>").ToHtml();

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ToHtml_EveryCssRule_IsScopedUnderTheContainerClass()
    {
        string html = Sample().ToHtml();
        string css = Regex.Match(html, "<style>(.*?)</style>").Groups[1].Value;

        var selectors = Regex.Matches(css, @"([^{}]+)\{").Select(m => m.Groups[1].Value).SelectMany(s => s.Split(','));
        Assert.All(selectors, s => Assert.StartsWith(".ea-display", s.Trim(), StringComparison.Ordinal));
        Assert.StartsWith("<div class=\"ea-display\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" id=", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_UnderCommaDecimalCulture_IsUnchanged()
    {
        string invariant = Sample().ToHtml();
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("tr-TR");
        try
        {
            Assert.Equal(invariant, Sample().ToHtml());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void ToHtml_InconsistentFlow_ShowsTheProblem()
    {
        string html = Sample(screened: 2).ToHtml();

        Assert.Contains("class=\"ea-problem\">PRISMA flow: studies included (3) exceeds records screened (2)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void DisplayTable_MoreRowsThanTheCap_ShowsCapAndSaysHowManyMore()
    {
        var table = new DisplayTable("Studies", "Id", "#n") { MaxRows = 50 };
        for (int i = 0; i < 1234; i++)
            table.Add($"S{i}", i);
        var html = new System.Text.StringBuilder();
        var text = new System.Text.StringBuilder();

        table.WriteHtml(html);
        table.WriteText(text);

        Assert.Equal(50, Regex.Count(html.ToString(), "<tr><td>S"));
        Assert.Contains("… 1,184 more rows not shown", html.ToString(), StringComparison.Ordinal);
        Assert.Contains("… 1,184 more rows not shown", text.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("S50<", html.ToString(), StringComparison.Ordinal);
    }
}
