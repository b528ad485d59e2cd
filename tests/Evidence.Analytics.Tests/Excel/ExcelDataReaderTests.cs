using Evidence.Analytics.Excel;
using Evidence.Analytics.Testing;
using Xunit;

namespace Evidence.Analytics.Tests.Excel;

/// <summary>The import-format workbook read back through an independent reader (ExcelDataReader) holds exactly the
/// expected cells: the canonical headers, and each record's fields as text or numbers.</summary>
public class ExcelDataReaderTests
{
    private static Dictionary<string, List<object?[]>> WriteAndRead(EvidenceBase evidence)
    {
        using var stream = new MemoryStream();
        EvidenceWorkbookWriter.Write(evidence, stream);
        return XlsxRead.Sheets(stream.ToArray());
    }

    private static string? Text(string? text) => string.IsNullOrEmpty(text) ? null : text;
    private static double? Number(int? value) => value;
    private static double? Number(double? value) => value;
    private static string? Join(IEnumerable<string> values) => Text(string.Join("; ", values));

    public static TheoryData<string> Evidence => ["hand-made", "awkward", "synthetic"];

    private static EvidenceBase Create(string name) => name switch
    {
        "hand-made" => ExcelSamples.Review(),
        "awkward" => AwkwardEvidence.Create(),
        _ => SyntheticEvidence.Generate(300),
    };

    [Theory]
    [MemberData(nameof(Evidence))]
    public void ReadBack_EverySheet_HasTheCanonicalHeadersInFormatOrder(string name)
    {
        var sheets = WriteAndRead(Create(name));
        Assert.Equal(["README", .. WorkbookFormat.Sheets.Select(s => s.Name)], sheets.Keys);
        foreach (var format in WorkbookFormat.Sheets)
            Assert.Equal(format.Columns.Select(c => (object?)c.Header), sheets[format.Name][0]);
    }

    [Theory]
    [MemberData(nameof(Evidence))]
    public void ReadBack_StudiesAndFindings_HoldEveryFieldAsWritten(string name)
    {
        var evidence = Create(name);
        var sheets = WriteAndRead(evidence);

        var studies = evidence.Studies.Select(s => new object?[]
        {
            s.Id, s.Citation.Authors, (double)s.Citation.Year, s.Citation.Title, Text(s.Citation.Doi), s.Design.Label(), Join(s.Countries),
            Join(s.InterventionIds), Text(s.Timing?.Label()), Number(s.MonthsAfterBirth), Number(s.SampleSize), Text(s.PublicationType?.Label()),
            Text(s.RiskOfBias?.Label()),
        });
        Assert.Equal(studies, sheets["Studies"].Skip(1));

        var findings = evidence.Findings.Select(f => new object?[]
        {
            f.StudyId, Text(f.InterventionId), f.Domain.Name, Text(f.Measure), f.Direction.Label(), Text(f.Estimate?.Metric),
            Number(f.Estimate?.Value), Number(f.Estimate?.Lower), Number(f.Estimate?.Upper), Number(f.Estimate?.StandardError),
        });
        Assert.Equal(findings, sheets["Findings"].Skip(1));
    }
}
