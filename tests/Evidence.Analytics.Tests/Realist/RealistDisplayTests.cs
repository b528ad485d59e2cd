using Evidence.Analytics.Notebooks;

namespace Evidence.Analytics.Tests.Realist;

/// <summary>A realist synthesis displays in notebooks as HTML tables and as text (counts from <see cref="HandMadeReview"/>).</summary>
public sealed class RealistDisplayTests
{
    [Fact]
    public void MimeFormatter_RealistSynthesis_GivesHtmlTablesAndPlainText()
    {
        var formatted = MimeFormatter.Format(HandMadeReview.Create().RealistSynthesis()).ToDictionary(p => p.Key, p => p.Value);

        string html = formatted["text/html"], text = formatted["text/plain"];
        Assert.Contains("5 CMO configurations (1 Take-up, 2 Positive impact, 2 Negative impact) supported by 6 studies of 5 programmes", html, StringComparison.Ordinal);
        Assert.Contains("<td>NI2</td>", html, StringComparison.Ordinal);
        Assert.Contains("2 of 2 (100%)", html, StringComparison.Ordinal); // group programmes behind negative impact
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Configurations by family", text, StringComparison.Ordinal);
    }

    [Fact]
    public void MimeFormatter_ConfigurationMatrix_ShowsInlineSvg()
    {
        var formatted = MimeFormatter.Format(HandMadeReview.Create().ConfigurationMatrix()).ToDictionary(p => p.Key, p => p.Value);

        Assert.Contains("<svg", formatted["text/html"], StringComparison.Ordinal);
    }
}
