using Evidence.Analytics.Excel;
using Evidence.Analytics.Testing;
using Xunit;

namespace Evidence.Analytics.Tests.Excel;

public class EvidenceWorkbookWriterTests
{
    private static byte[] Write(EvidenceBase evidence)
    {
        using var stream = new MemoryStream();
        EvidenceWorkbookWriter.Write(evidence, stream);
        return stream.ToArray();
    }

    [Fact]
    public void Write_SyntheticEvidence_PassesOpenXmlValidator()
    {
        XlsxAssert.Valid(Write(SyntheticEvidence.Generate(50)));
        XlsxAssert.Valid(Write(ExcelSamples.Review()));
    }

    [Fact]
    public void Write_Twice_GivesIdenticalBytes()
    {
        var evidence = SyntheticEvidence.Generate(30);
        byte[] first = Write(evidence);
        Thread.Sleep(2100); // past the zip format's two-second clock resolution, so a stamped time would show
        byte[] second = Write(evidence);
        Assert.Equal(first, second);
    }
}
