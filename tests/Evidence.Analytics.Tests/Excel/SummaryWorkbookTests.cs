using Evidence.Analytics.Excel;
using Evidence.Analytics.Testing;
using Xunit;

namespace Evidence.Analytics.Tests.Excel;

public class SummaryWorkbookTests
{
    internal static byte[] Write(EvidenceBase evidence, string? source = "review.xlsx")
    {
        using var stream = new MemoryStream();
        SummaryWorkbook.Write(evidence, stream, source);
        return stream.ToArray();
    }

    [Fact]
    public void Write_HandMadeReview_PassesOpenXmlValidator()
    {
        XlsxAssert.Valid(Write(ExcelSamples.Review()));
    }

    [Fact]
    public void Write_SyntheticEvidence_PassesOpenXmlValidator()
    {
        XlsxAssert.Valid(Write(SyntheticEvidence.Generate(200)));
    }

    [Fact]
    public void Write_EmptyEvidenceBase_PassesOpenXmlValidator()
    {
        XlsxAssert.Valid(Write(new EvidenceBase([]), source: null));
    }

    [Fact]
    public void Write_Twice_GivesIdenticalBytes()
    {
        Assert.Equal(Write(ExcelSamples.Review()), Write(ExcelSamples.Review()));
    }
}
