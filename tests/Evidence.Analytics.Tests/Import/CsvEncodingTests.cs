using System.Text;
using Xunit;
using static Evidence.Analytics.Tests.Import.TestWorkbooks;

namespace Evidence.Analytics.Tests.Import;

/// <summary>CSV encodings: UTF-8 with and without a byte-order mark, UTF-16, Windows-1252 detected (invalid UTF-8) or
/// declared, semicolon-delimited files and quoted fields.</summary>
public sealed class CsvEncodingTests
{
    private const string Authors = "Ní Bhriain É, Müller Ö, Søren Å";

    private static Dictionary<string, string> WithAccents()
    {
        var files = Valid();
        files["studies.csv"] = StudiesHeader + $"\nS01,\"{Authors}\",2019,Café groups — “quoted”,,RCT,UK,I01,,,,,\nS02,Example C,2021,Interviews,,Qualitative,UK,I01; I02,,,,,\n";
        return files;
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-8-bom")]
    [InlineData("utf-16")]
    public void Read_UnicodeEncodings_DecodeAccents(string name)
    {
        Encoding encoding = name switch
        {
            "utf-8" => new UTF8Encoding(false),
            "utf-8-bom" => new UTF8Encoding(true),
            _ => new UnicodeEncoding(false, true),
        };
        var files = WithAccents();
        string folder = CsvFolder(files, encoding);
        if (encoding.GetPreamble().Length > 0)
        {
            foreach (var file in files.Keys)
            {
                string path = Path.Combine(folder, file);
                File.WriteAllBytes(path, [.. encoding.GetPreamble(), .. File.ReadAllBytes(path)]);
            }
        }
        var result = EvidenceWorkbook.Read(folder);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Empty(result.Problems);
        Assert.Equal(Authors, result.Evidence!.Study("S01").Citation.Authors);
        Assert.Equal("Café groups — “quoted”", result.Evidence.Study("S01").Citation.Title);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_Utf16WithoutByteOrderMark_IsReadAsUtf16WithAWarning(bool bigEndian)
    {
        // Every file written as UTF-16 with no byte-order mark: read as UTF-8 it was a header of "S\0t\0u\0…" and a
        // phantom row from the NUL after the last line break.
        var result = EvidenceWorkbook.Read(CsvFolder(WithAccents(), new UnicodeEncoding(bigEndian, false)));

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(3, result.Problems.Count(p => p.Kind == ProblemKind.Encoding && p.Severity == ProblemSeverity.Warning));
        Assert.All(result.Problems, p => Assert.Contains(bigEndian ? "Unicode (Big-Endian)" : "Unicode", p.Message, StringComparison.Ordinal));
        Assert.Equal(Authors, result.Evidence!.Study("S01").Citation.Authors);
        Assert.Equal(2, result.Sheets.Single(s => s.Sheet == "Studies").RowsRead);
    }

    [Fact]
    public void Read_NulByteInAValue_IsAnErrorAtItsCell()
    {
        var files = WithAccents();
        files["studies.csv"] = files["studies.csv"].Replace("Interviews", "Inter\0views", StringComparison.Ordinal);
        var result = EvidenceWorkbook.Read(CsvFolder(files, new UTF8Encoding(false)));

        var problem = Single(result, ProblemKind.Encoding);
        Assert.Equal((ProblemSeverity.Error, "Studies", 3, "Title", "D3"), (problem.Severity, problem.Sheet!, problem.Row!.Value, problem.Column!, problem.Cell!));
        Assert.Equal("Inter\uFFFDviews", problem.Value);
        var studies = result.Sheets.Single(s => s.Sheet == "Studies");
        Assert.Equal((2, 1), (studies.RowsRead, studies.RowsImported));
    }

    [Fact]
    public void Read_Windows1252_DetectedWithWarning()
    {
        var windows1252 = CodePagesEncoding();
        var result = EvidenceWorkbook.Read(CsvFolder(WithAccents(), windows1252));

        var problem = Single(result, ProblemKind.Encoding);
        Assert.Equal((ProblemSeverity.Warning, "Studies"), (problem.Severity, problem.Sheet!));
        Assert.EndsWith("studies.csv", problem.File, StringComparison.Ordinal);
        Assert.Equal(Authors, result.Evidence!.Study("S01").Citation.Authors);
        Assert.Equal("Café groups — “quoted”", result.Evidence.Study("S01").Citation.Title);
    }

    [Fact]
    public void Read_DeclaredEncoding_UsedWithoutWarning()
    {
        var latin1 = Encoding.Latin1;
        var files = Valid();
        files["studies.csv"] = StudiesHeader + "\nS01,Müller Ö,2019,Café,,RCT,UK,I01,,,,,\nS02,Example C,2021,Interviews,,Qualitative,UK,I01; I02,,,,,\n";
        var result = EvidenceWorkbook.Read(CsvFolder(files, latin1), new ImportOptions { CsvEncoding = latin1 });

        Assert.Empty(result.Problems);
        Assert.Equal("Müller Ö", result.Evidence!.Study("S01").Citation.Authors);
    }

    [Fact]
    public void Read_QuotedFieldsWithCommasQuotesAndLineBreaks_KeepRowNumbersAsExcelShowsThem()
    {
        var files = Valid();
        files["studies.csv"] = StudiesHeader + "\r\nS01,\"Example A, Sample B\",2019,\"A \"\"quoted\"\"\r\ntwo-line title\",,RCT,UK,I01,,,,,\r\nS02,Example C,1800,Interviews,,Qualitative,UK,I01; I02,,,,,\r\n";
        var result = EvidenceWorkbook.Read(CsvFolder(files));

        Assert.Equal(3, Single(result, ProblemKind.YearOutOfRange).Row);
        files["studies.csv"] = files["studies.csv"].Replace("1800", "2020", StringComparison.Ordinal);
        var valid = EvidenceWorkbook.Read(CsvFolder(files));
        Assert.Equal("A \"quoted\"\r\ntwo-line title", valid.Evidence!.Study("S01").Citation.Title);
    }

    [Fact]
    public void Read_SemicolonDelimited_Detected()
    {
        var files = Valid();
        files["findings.csv"] = "Study ID;Intervention ID;Outcome domain;Measure;Direction;Effect metric;Effect\nS01;;Social connection;UCLA;Improved;MD;-3,2\n";
        var result = EvidenceWorkbook.Read(CsvFolder(files));

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(-3.2, result.Evidence!.Findings[0].Estimate!.Value.Value);
    }

    private static Encoding CodePagesEncoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
