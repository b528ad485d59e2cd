using Evidence.Analytics.Excel;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace Evidence.Analytics.Tests.Excel;

public class RoundTripTests
{
    private static byte[] Write(EvidenceBase evidence)
    {
        using var stream = new MemoryStream();
        EvidenceWorkbookWriter.Write(evidence, stream);
        return stream.ToArray();
    }

    private static ImportResult Read(byte[] workbook)
    {
        using var stream = new MemoryStream(workbook);
        return EvidenceWorkbook.Read(stream, "roundtrip.xlsx");
    }

    [Fact]
    public void WriteThenRead_AnyEvidenceBase_GivesEqualEvidence()
    {
        Prop.ForAll(EvidenceGen.EvidenceBase.ToArbitrary(), evidence =>
        {
            var result = Read(Write(evidence));
            if (!result.IsValid) throw new InvalidOperationException("Import failed:\n" + string.Join("\n", result.Problems));
            Assert.Equal(EvidenceDump.Of(evidence), EvidenceDump.Of(result.Evidence!));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void WriteThenRead_HandMadeReview_GivesEqualEvidenceExceptConfigurations()
    {
        var evidence = ExcelSamples.Review();
        var result = Read(Write(evidence));
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var back = result.Evidence!;
        Assert.Equal(EvidenceDump.Of(WithoutConfigurations(evidence)), EvidenceDump.Of(WithoutConfigurations(back)));
    }

    private static EvidenceBase WithoutConfigurations(EvidenceBase e) =>
        new(e.Studies, e.Interventions, e.Findings, e.Flow, review: e.Review);
}
