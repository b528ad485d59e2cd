using FsCheck;
using FsCheck.Fluent;
using Evidence.Analytics.Excel.Summary;

namespace Evidence.Analytics.Tests.Excel;

/// <summary>The Studies sheet's DOI links are what <see cref="Uri.AbsoluteUri"/> makes of https://doi.org/ and the DOI,
/// whether worked out as text (a plain DOI) or through <see cref="Uri"/> (any other).</summary>
public sealed class DoiLinkTests
{
    [Theory]
    [InlineData("10.1186/s12884-023-05843-8", "https://doi.org/10.1186/s12884-023-05843-8")]
    [InlineData("10.1002/(SICI)1097-0258", "https://doi.org/10.1002/(SICI)1097-0258")]
    [InlineData("10.1000/a b", "https://doi.org/10.1000/a%20b")]
    [InlineData("10.1000/./x", "https://doi.org/10.1000/x")]
    [InlineData("10.1000/x/../y", "https://doi.org/10.1000/y")]
    public void DoiAddress_Doi_IsTheLinkUriWrites(string doi, string expected) =>
        Assert.Equal(expected, RecordTables.DoiAddress(new Citation("A", 2020, "T", doi)));

    [Fact]
    public void DoiAddress_AnyDoi_IsWhatUriMakesOfIt()
    {
        var doi = from length in Gen.Choose(1, 14)
                  from characters in Gen.ArrayOf(Gen.Elements("aZ09.-_~/ %é#?()\\:".ToCharArray()), length)
                  select "10." + new string(characters);
        Prop.ForAll(doi.ToArbitrary(), text =>
        {
            var citation = new Citation("A", 2020, "T", text);
            string? expected = null;
            try
            {
                expected = citation.DoiUrl!.AbsoluteUri;
            }
            catch (UriFormatException)
            {
                return true; // the sheet cannot link such a DOI either way
            }
            return RecordTables.DoiAddress(citation) == expected;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(3000));
    }
}
