using Xunit;

namespace Evidence.Analytics.Tests.Import;

/// <summary>Legacy .xls (BIFF8) workbooks, read with ExcelDataReader. The fixture is the sample workbook converted to
/// "MS Excel 97" by LibreOffice (<c>soffice --headless --convert-to xls</c>), an independent writer.</summary>
public sealed class XlsImportTests
{
    private static string Fixture => Path.Combine(AppContext.BaseDirectory, "Import", "Fixtures", "postpartum-social-prescribing.xls");

    [Fact]
    public void Read_XlsConvertedByLibreOffice_EqualsCsvSource()
    {
        var xls = EvidenceWorkbook.Read(Fixture);
        var csv = EvidenceWorkbook.Read(SampleDataTests.SampleFolder).GetEvidenceOrThrow();

        Assert.True(xls.IsValid, string.Join("\n", xls.Problems));
        Assert.Empty(xls.Problems);
        Assert.Equal(EvidenceDump.Of(csv), EvidenceDump.Of(xls.Evidence!));
    }

    [Fact]
    public void Read_XlsFromStream_DetectedByContent()
    {
        using var stream = File.OpenRead(Fixture);
        var result = EvidenceWorkbook.Read(stream, "renamed.xlsx");

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(33, result.Evidence!.Studies.Length);
    }
}
