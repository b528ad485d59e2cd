using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Evidence.Analytics.Testing;
using Xunit;

namespace Evidence.Analytics.Tests.Html;

/// <summary>The interactive evidence map's document, checked without a browser: escaping of the embedded data,
/// determinism and culture independence. The behaviour in a browser is tested in Evidence.Analytics.Browser.Tests.</summary>
public sealed class InteractiveEvidenceMapTests
{
    private const string DataOpen = "<script type=\"application/json\" id=\"evidence-data\">";
    private const string RecordsOpen = "<script type=\"application/octet-stream\" id=\"evidence-records\">";

    private static string DataBlock(string html) => Block(html, DataOpen);

    private static string Block(string html, string open)
    {
        int start = html.IndexOf(open, StringComparison.Ordinal);
        Assert.True(start >= 0, $"The page has no {open} block.");
        start += open.Length;
        int end = html.IndexOf("</script>", start, StringComparison.Ordinal);
        return html[start..end];
    }

    // The records block decoded as the page decodes it, here with .NET's own Base64 and DEFLATE decoders.
    private static JsonDocument Records(string html)
    {
        using var page = JsonDocument.Parse(DataBlock(html));
        var records = page.RootElement.GetProperty("records");
        Assert.Equal("deflate-raw, base64", records.GetProperty("encoding").GetString());
        byte[] compressed = Convert.FromBase64String(Block(html, RecordsOpen));
        using var inflated = new MemoryStream();
        using (var deflate = new DeflateStream(new MemoryStream(compressed), CompressionMode.Decompress)) deflate.CopyTo(inflated);
        Assert.Equal(records.GetProperty("length").GetInt64(), inflated.Length);
        return JsonDocument.Parse(inflated.ToArray());
    }

    // A study's value of a field: the records are stored by column.
    private static JsonElement Field(JsonElement columns, string field, string studyId)
    {
        int at = columns.GetProperty("id").EnumerateArray().Select(e => e.GetString()).ToList().IndexOf(studyId);
        Assert.True(at >= 0, $"No study {studyId}.");
        return columns.GetProperty(field)[at];
    }

    [Fact]
    public void ToHtml_ScriptInTitle_IsEscapedInsideTheDataBlock()
    {
        string html = InteractiveEvidenceMap.ToHtml(AwkwardEvidence.Create());
        string data = DataBlock(html);
        // Nothing in the data can close the script element, open a comment or break a JavaScript string literal.
        Assert.DoesNotContain('<', data);
        Assert.DoesNotContain('>', data);
        Assert.DoesNotContain('&', data);
        Assert.DoesNotContain('\u2028', data);
        Assert.DoesNotContain('\u2029', data);
        Assert.Contains("\\u003C/script\\u003E\\u003Cscript\\u003Ealert(1)", data, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\\u2028", data, StringComparison.OrdinalIgnoreCase);
        // The records block and the script are the only other script elements: the data block ends where it should.
        Assert.Equal(3, html.Split("<script", StringSplitOptions.None).Length - 1);
        Assert.Matches("^[A-Za-z0-9+/]+=*$", Block(html, RecordsOpen));

        // The titles arrive intact, in the studies listed first and in the records.
        using var json = JsonDocument.Parse(data);
        var titles = json.RootElement.GetProperty("firstList").GetProperty("title").EnumerateArray().Select(t => t.GetString()).ToArray();
        Assert.Contains(AwkwardEvidence.ScriptTitle, titles);
        using var records = Records(html);
        Assert.Equal(AwkwardEvidence.ScriptTitle, Field(records.RootElement.GetProperty("studies"), "title", "S4").GetString());
    }

    [Fact]
    public void ToHtml_ReviewTitle_IsHtmlEncodedInTheHead()
    {
        string html = InteractiveEvidenceMap.ToHtml(AwkwardEvidence.Create());
        Assert.Contains("<title>Awkward &lt;review&gt; &amp; friends</title>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<review>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_Document_ReferencesNothingOutsideItself()
    {
        string html = InteractiveEvidenceMap.ToHtml(AwkwardEvidence.Create());
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"(?i)(?<![a-z])url\(", html); // a CSS url(...) would fetch; createObjectURL( is fine
        Assert.Contains("connect-src 'none'", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_SameEvidenceInAnyCulture_SameText()
    {
        var evidence = SyntheticEvidence.Generate(200, seed: 3);
        string invariant = InteractiveEvidenceMap.ToHtml(evidence);
        var original = CultureInfo.CurrentCulture;
        try
        {
            foreach (string name in (string[])["de-DE", "tr-TR", "ar-SA"])
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(name);
                Assert.Equal(invariant, InteractiveEvidenceMap.ToHtml(evidence));
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = original;
        }
        // z for a 95% interval, the standard normal's 0.975 quantile: 1.959963984540054 (R: qnorm(0.975)).
        using var json = JsonDocument.Parse(DataBlock(invariant));
        Assert.Equal(1.959963984540054, json.RootElement.GetProperty("z").GetDouble(), 12);
    }

    [Fact]
    public void ToHtml_Data_CarriesVersionFindingsAndStudyDirections()
    {
        var evidence = AwkwardEvidence.Create();
        string html = InteractiveEvidenceMap.ToHtml(evidence);
        using var json = JsonDocument.Parse(DataBlock(html));
        var root = json.RootElement;
        Assert.Equal(InteractiveEvidenceMap.LibraryVersion, root.GetProperty("version").GetString());
        Assert.DoesNotContain('+', InteractiveEvidenceMap.LibraryVersion);
        // The page resolves each study's direction with the library's rule, so it carries the rule's threshold and the
        // enum values it compares with.
        var vocab = root.GetProperty("vocab");
        Assert.Equal(WithinStudyDirection.DefaultThreshold, vocab.GetProperty("threshold").GetDouble());
        Assert.Equal((int)Direction.Mixed, vocab.GetProperty("direction").GetProperty("mixed").GetInt32());
        Assert.Equal((int)Direction.NotReported, vocab.GetProperty("direction").GetProperty("notReported").GetInt32());

        using var records = Records(html);
        var studies = records.RootElement.GetProperty("studies");
        Assert.Equal(evidence.Studies.Length, studies.GetProperty("id").GetArrayLength());
        // S2 has three findings, each one number.
        Assert.Equal(3, Field(studies, "findingCounts", "S2").GetInt32());
        Assert.Equal(evidence.Findings.Length, studies.GetProperty("findings").GetArrayLength());
        // S4 reports no timing of its own: the page must not invent one from its intervention.
        Assert.Equal(JsonValueKind.Null, Field(studies, "timing", "S4").ValueKind);
    }

    [Fact]
    public void ToHtml_FirstList_IsTheFirstStudiesByCitationWithTheLibrarysDirections()
    {
        var evidence = SyntheticEvidence.Generate(250, seed: 8);
        string html = InteractiveEvidenceMap.ToHtml(evidence);
        using var json = JsonDocument.Parse(DataBlock(html));
        var first = json.RootElement.GetProperty("firstList");
        int length = json.RootElement.GetProperty("listLength").GetInt32();
        Assert.Equal(100, length);
        var expected = evidence.Studies
            .OrderBy(s => s.Citation.ShortLabel, StringComparer.OrdinalIgnoreCase).ThenBy(s => s.Id, StringComparer.OrdinalIgnoreCase)
            .Take(length).ToArray();
        Assert.Equal(expected.Select(s => s.Id), first.GetProperty("id").EnumerateArray().Select(e => e.GetString()));
        var domains = json.RootElement.GetProperty("vocab").GetProperty("outcomeDomains").EnumerateArray()
            .Select(d => d.GetProperty("label").GetString()).ToList();
        for (int i = 0; i < expected.Length; i++)
        {
            // Worked out here with WithinStudyDirection.Combine, per outcome in the vocabulary's order.
            int[] pairs = [.. evidence.FindingsOf(expected[i])
                .GroupBy(f => domains.IndexOf(f.Domain.Name)).OrderBy(g => g.Key)
                .SelectMany(g => (int[])[g.Key, (int)WithinStudyDirection.Combine(g.Select(f => f.Direction))])];
            Assert.Equal(pairs, first.GetProperty("directions")[i].EnumerateArray().Select(e => e.GetInt32()));
        }
        Assert.Equal(250, json.RootElement.GetProperty("studyCount").GetInt32());
        Assert.Equal([evidence.Studies.Min(s => s.Citation.Year), evidence.Studies.Max(s => s.Citation.Year)],
            json.RootElement.GetProperty("years").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Theory]
    // ((intervention + 1) × domains + domain) × 8 + direction, by hand:
    [InlineData(-1, 0, 10, Direction.Improved, 0)] // (0 × 10 + 0) × 8 + 0
    [InlineData(-1, 3, 10, Direction.Worsened, 26)] // (0 × 10 + 3) × 8 + 2
    [InlineData(0, 0, 10, Direction.NotReported, 84)] // (1 × 10 + 0) × 8 + 4
    [InlineData(4999, 9, 10, Direction.Mixed, 400075)] // (5000 × 10 + 9) × 8 + 3
    public void PackedFinding_IsOneNumberThePageUnpacks(int intervention, int domain, int domains, Direction direction, int packed)
    {
        Assert.Equal(packed, InteractiveEvidenceMapData.PackedFinding(intervention, domain, domains, direction));
        // The page's unpacking, written out: direction = v & 7; rest = (v − direction) / 8; domain = rest mod domains;
        // intervention = (rest − domain) / domains − 1.
        int rest = (packed - (packed & 7)) / 8;
        Assert.Equal((int)direction, packed & 7);
        Assert.Equal(domain, rest % domains);
        Assert.Equal(intervention, (rest - rest % domains) / domains - 1);
    }

    [Fact]
    public void Write_Path_WritesUtf8WithoutByteOrderMark()
    {
        string path = Path.Combine(Path.GetTempPath(), $"evidence-map-{Guid.NewGuid():N}.html");
        try
        {
            InteractiveEvidenceMap.Write(AwkwardEvidence.Create(), path);
            byte[] bytes = File.ReadAllBytes(path);
            Assert.Equal((byte)'<', bytes[0]);
            Assert.Equal(InteractiveEvidenceMap.ToHtml(AwkwardEvidence.Create()), File.ReadAllText(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Options_ConfidenceLevelOutsideZeroToOne_Throws(double level) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new InteractiveEvidenceMapOptions { ConfidenceLevel = level });


    [Fact]
    public void ToHtml_RiskOfBias_CarriesEachStudysOverallJudgementForTheHighRiskOverlay()
    {
        // S1 Low and S2 Some concerns on the Studies sheet; S3 High only on the Risk of bias sheet; S4 none.
        string folder = Path.Combine(Path.GetTempPath(), "rob-html-" + Guid.NewGuid().ToString("N"));
        try
        {
            var evidence = EvidenceWorkbook.Read(Evidence.Analytics.Tests.Import.RiskOfBiasImportTests.Review(folder,
                "Study ID,Tool,D1,D2,D3,D4,D5,D6,D7,Overall\nS3,ROBINS-I,Low,Serious,Low,Low,Low,Low,Low,Serious\n",
                s1Risk: "Low", s2Risk: "Some concerns")).GetEvidenceOrThrow();
            string html = InteractiveEvidenceMap.ToHtml(evidence);

            using var json = JsonDocument.Parse(DataBlock(html));
            Assert.True(json.RootElement.GetProperty("riskOfBias").GetBoolean());
            using var records = Records(html);
            var studies = records.RootElement.GetProperty("studies");
            Assert.Equal((int)RiskOfBias.Low, Field(studies, "risk", "S1").GetInt32());
            Assert.Equal((int)RiskOfBias.SomeConcerns, Field(studies, "risk", "S2").GetInt32());
            Assert.Equal((int)RiskOfBias.High, Field(studies, "risk", "S3").GetInt32());
            Assert.Equal(JsonValueKind.Null, Field(studies, "risk", "S4").ValueKind);
            // The page's overlay counts high as 2, the value the library writes for High.
            Assert.Contains("s.risk === 2", html, StringComparison.Ordinal);
            Assert.Equal(2, (int)RiskOfBias.High);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void ToHtml_NoRiskOfBias_HidesTheOverlay()
    {
        using var json = JsonDocument.Parse(DataBlock(InteractiveEvidenceMap.ToHtml(AwkwardEvidence.Create())));
        Assert.False(json.RootElement.GetProperty("riskOfBias").GetBoolean());
    }
}
