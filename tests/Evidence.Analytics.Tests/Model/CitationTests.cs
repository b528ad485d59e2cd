namespace Evidence.Analytics.Tests.Model;

public sealed class CitationTests
{
    [Theory]
    [InlineData("Dennis CL, Hodnett E, Kenton L", "Dennis et al. 2009")]
    [InlineData("McLeish J; Redshaw M", "McLeish & Redshaw 2009")]
    [InlineData("Kimberlee R", "Kimberlee 2009")]
    // Empty names between separators are skipped; a surname is the first word, whatever follows it.
    [InlineData(" ; Smith  J ;; ,Jones\tA", "Smith & Jones\tA 2009")]
    [InlineData("Smith J, , Jones A, Brown B, Green G", "Smith et al. 2009")]
    [InlineData("World Health Organization", "World 2009")]
    // Separators only: no name to take a surname from, so the authors are kept as given.
    [InlineData(";,", ";, 2009")]
    public void ShortLabel_Authors_FollowsInTextConvention(string authors, string expected) =>
        Assert.Equal(expected, new Citation(authors, 2009, "Title").ShortLabel);

    [Theory]
    [InlineData("https://doi.org/10.1186/s12884-023-05843-8")]
    [InlineData("doi:10.1186/s12884-023-05843-8")]
    [InlineData(" 10.1186/s12884-023-05843-8 ")]
    public void Doi_WithResolverPrefix_IsStoredBare(string doi)
    {
        var citation = new Citation("McLeish J, Ayers S, McCourt C", 2023, "Community-based perinatal mental health peer support: a realist review", doi);

        Assert.Equal("10.1186/s12884-023-05843-8", citation.Doi);
        Assert.Equal("https://doi.org/10.1186/s12884-023-05843-8", citation.DoiUrl!.AbsoluteUri);
    }

    [Theory]
    [InlineData(1899)]
    [InlineData(2101)]
    public void Constructor_YearOutOfRange_Throws(int year) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Citation("A", year, "T"));
}
