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
    public void WriteThenRead_DeclaredVocabulary_KeepsEveryTermAndSynonym()
    {
        // A review declaring its own outcome domain (winning over the built-in related construct), with synonyms, and an
        // intervention type no record uses yet: `evidence convert` used to drop the synonyms and the unused term.
        var files = Import.TestWorkbooks.Valid();
        files["findings.csv"] = Import.TestWorkbooks.FindingsHeader + "\nS01,,Loneliness,UCLA,Improved,,,,\nS02,I02,feeling lonely,,Improved,,,,\n";
        files["vocabulary.csv"] = "Field,Term,Synonyms\nOutcome domain,Loneliness,feeling lonely; UCLA loneliness score\nIntervention type,Doula support,birth companion\n";
        var original = EvidenceWorkbook.Read(Import.TestWorkbooks.CsvFolder(files));
        Assert.True(original.IsValid, string.Join("\n", original.Problems));

        var result = Read(Write(original.Evidence!));

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var vocabularies = result.Evidence!.Vocabularies;
        var loneliness = vocabularies.OutcomeDomains.Terms.Single(t => t.Label == "Loneliness");
        Assert.Equal(["feeling lonely", "UCLA loneliness score"], loneliness.Synonyms.ToArray());
        Assert.Equal("Loneliness", vocabularies.OutcomeDomains.Parse("UCLA loneliness score").Name);
        Assert.Equal(["birth companion"], vocabularies.InterventionTypes.Terms.Single(t => t.Label == "Doula support").Synonyms.ToArray());
        Assert.Equal(EvidenceDump.Of(original.Evidence!), EvidenceDump.Of(result.Evidence!));
    }

    [Fact]
    public void WriteThenRead_HandMadeReview_GivesEqualEvidence()
    {
        var evidence = ExcelSamples.Review();
        var result = Read(Write(evidence));
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(EvidenceDump.Of(evidence), EvidenceDump.Of(result.Evidence!));
    }

    [Theory]
    [InlineData("postpartum-social-prescribing.xlsx")]
    [InlineData("perinatal-peer-support.xlsx")]
    public void WriteThenRead_SampleWorkbooks_GiveEqualEvidence(string sample)
    {
        var evidence = EvidenceWorkbook.Read(Path.Combine(AppContext.BaseDirectory, "data-samples", sample)).GetEvidenceOrThrow();
        var result = Read(Write(evidence));
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(EvidenceDump.Of(evidence), EvidenceDump.Of(result.Evidence!));
    }
}
