using System.Globalization;
using System.Text.Json;
using Evidence.Analytics.Testing;
using Xunit;

namespace Evidence.Analytics.Tests.Html;

/// <summary>The interactive evidence map's document, checked without a browser: escaping of the embedded data,
/// determinism and culture independence. The behaviour in a browser is tested in Evidence.Analytics.Browser.Tests.</summary>
public sealed class InteractiveEvidenceMapTests
{
    private const string DataOpen = "<script type=\"application/json\" id=\"evidence-data\">";

    private static string DataBlock(string html)
    {
        int start = html.IndexOf(DataOpen, StringComparison.Ordinal) + DataOpen.Length;
        int end = html.IndexOf("</script>", start, StringComparison.Ordinal);
        return html[start..end];
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
        // The script is the only other script element: the data block ends where it should.
        Assert.Equal(2, html.Split("<script", StringSplitOptions.None).Length - 1);

        using var json = JsonDocument.Parse(data);
        var titles = json.RootElement.GetProperty("studies").EnumerateArray().Select(s => Field(json.RootElement, s, "title").GetString()).ToArray();
        Assert.Contains(AwkwardEvidence.ScriptTitle, titles);
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
        using var json = JsonDocument.Parse(DataBlock(InteractiveEvidenceMap.ToHtml(evidence)));
        var root = json.RootElement;
        Assert.Equal(InteractiveEvidenceMap.LibraryVersion, root.GetProperty("version").GetString());
        Assert.DoesNotContain('+', InteractiveEvidenceMap.LibraryVersion);
        var s2 = root.GetProperty("studies").EnumerateArray().Single(s => Field(root, s, "id").GetString() == "S2");
        // Three findings, flat: intervention, domain and direction each.
        Assert.Equal(3 * 3, Field(root, s2, "findings").GetArrayLength());
        // The page resolves each study's direction with the library's rule, so it carries the rule's threshold and the
        // enum values it compares with.
        var vocab = root.GetProperty("vocab");
        Assert.Equal(WithinStudyDirection.DefaultThreshold, vocab.GetProperty("threshold").GetDouble());
        Assert.Equal((int)Direction.Mixed, vocab.GetProperty("direction").GetProperty("mixed").GetInt32());
        Assert.Equal((int)Direction.NotReported, vocab.GetProperty("direction").GetProperty("notReported").GetInt32());
        // S4 reports no timing of its own: the page must not invent one from its intervention.
        var s4 = root.GetProperty("studies").EnumerateArray().Single(s => Field(root, s, "id").GetString() == "S4");
        Assert.Equal(JsonValueKind.Null, Field(root, s4, "timing").ValueKind);
    }

    // A study is an array in the order the data's studyFields name.
    private static JsonElement Field(JsonElement root, JsonElement study, string name)
    {
        int at = root.GetProperty("studyFields").EnumerateArray().Select(f => f.GetString()).ToList().IndexOf(name);
        Assert.True(at >= 0, $"The data names no study field {name}.");
        return study[at];
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

}
