using System.Text;
using System.Text.RegularExpressions;
using Evidence.Analytics.Import;
using Evidence.Analytics.Tests.Import.Integrity;

namespace Evidence.Analytics.Tests.Import;

/// <summary>The byte scanner of sheet XML reads what the XML reader reads: the same rows, values and problems, on the
/// bundled sample, on XML written differently but meaning the same, on XML it leaves to the XML reader (from the start,
/// giving on from the row after the last it gave), on XML that is not well-formed, and on every workbook of the mutation
/// corpus.</summary>
public sealed class SheetXmlScannerTests
{
    private static readonly ImportOptions XmlReaderOnly = new() { ScansSheetXml = false };

    private static ImportResult Read(byte[] workbook, ImportOptions? options = null)
    {
        using var stream = new MemoryStream(workbook);
        return EvidenceWorkbook.Read(stream, "edited.xlsx", options);
    }

    /// <summary>The import's problems, sheets and evidence, the same for both readers or not.</summary>
    private static (string Scanned, string XmlReader) BothWays(byte[] workbook) =>
        (CorpusRun.Signature(Read(workbook)), CorpusRun.Signature(Read(workbook, XmlReaderOnly)));

    private static readonly string SampleSignature = CorpusRun.Signature(Read(CorpusSample.Workbook));

    /// <summary>The sample with the Findings sheet's XML text edited.</summary>
    private static byte[] WithFindingsXml(Func<string, string> edit)
    {
        var package = new XlsxPackage(CorpusSample.Workbook);
        string part = package.SheetPart("Findings");
        string xml = Encoding.UTF8.GetString(package.Content(part));
        string edited = edit(xml);
        Assert.NotEqual(xml, edited);
        package.Put(part, Encoding.UTF8.GetBytes(edited));
        return package.ToBytes();
    }

    private static string FindingsXml()
    {
        var package = new XlsxPackage(CorpusSample.Workbook);
        return Encoding.UTF8.GetString(package.Content(package.SheetPart("Findings")));
    }

    [Fact]
    public void Scanner_EverySheetOfTheSample_ReadsToTheEndItselfWithTheXmlReadersRowsAndCells()
    {
        var package = new XlsxPackage(CorpusSample.Workbook);
        foreach (var (name, part) in package.Sheets())
        {
            byte[] bytes = package.Content(part);
            var scanner = new SheetXmlScanner(new MemoryStream(bytes));
            int rows = 0, cells = 0;
            while (scanner.Read() != SheetXmlNode.EndOfPart)
            {
                if (scanner.Node != SheetXmlNode.Start) continue;
                if (scanner.IsNamed("row"u8)) rows++;
                if (scanner.IsNamed("c"u8)) cells++;
            }
            var xml = package.Xml(part);
            Assert.True(xml.Descendants(XlsxPackage.Main + "row").Count() == rows, name);
            Assert.True(xml.Descendants(XlsxPackage.Main + "c").Count() == cells, name);
        }
    }

    [Theory]
    // Entities and character references (decimal, hexadecimal, beyond the BMP as a surrogate pair).
    [InlineData("a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;", "a & b <c> \"d\" 'e'")]
    [InlineData("&#65;&#x42;&#x1F600;", "AB\U0001F600")]
    // XML turns CR LF and a lone CR into LF; a referenced CR is kept.
    [InlineData("one\r\ntwo\rthree&#13;", "one\ntwo\nthree\r")]
    [InlineData("Müller — 5 %", "Müller — 5 %")]
    public void AppendText_TextNode_DecodedAsXmlDefinesIt(string raw, string expected)
    {
        var scanner = new SheetXmlScanner(new MemoryStream(Encoding.UTF8.GetBytes($"<t>{raw}</t>")));
        Assert.Equal(SheetXmlNode.Start, scanner.Read());
        Assert.Equal(SheetXmlNode.Text, scanner.Read());
        char[] chars = new char[1];
        int length = 0;
        scanner.AppendText(ref chars, ref length);
        Assert.Equal(expected, new string(chars, 0, length));
        Assert.Equal(SheetXmlNode.End, scanner.Read());
        Assert.Equal(SheetXmlNode.EndOfPart, scanner.Read());
    }

    [Theory]
    [InlineData("<!-- a comment --><t/>")]
    [InlineData("<t><![CDATA[x]]></t>")]
    [InlineData("<!DOCTYPE t><t/>")]
    [InlineData("<?xml version=\"1.0\" encoding=\"UTF-16\"?><t/>")]
    [InlineData("<t>&nbsp;</t>")]
    [InlineData("<t>&#0;</t>")]
    [InlineData("<t>]]></t>")]
    [InlineData("<t>\u0001</t>")]
    [InlineData("<t a=\"1\" a=\"2\"/>")]
    [InlineData("<t xmlns:p=\"urn:p\" p:a=\"1\" p:a=\"2\"/>")]
    [InlineData("<t xmlns:p=\"urn:p\"><p:u/></t><p:u/>")]
    [InlineData("<p:t/>")]
    [InlineData("<t></u>")]
    [InlineData("<t>")]
    [InlineData("<t/><u/>")]
    [InlineData("text<t/>")]
    [InlineData("<t a=\"x&amp;y\"/>")]
    public void Read_XmlTheScannerLeavesToTheXmlReader_IsUnsupported(string xml) =>
        Assert.Throws<SheetXmlScanner.Unsupported>(() =>
        {
            var scanner = new SheetXmlScanner(new MemoryStream(Encoding.UTF8.GetBytes(xml)));
            while (scanner.Read() != SheetXmlNode.EndOfPart) { }
        });

    [Fact]
    public void Read_PrefixesDeclaredInScopeAndSingleQuotes_ReadToTheEnd()
    {
        var scanner = new SheetXmlScanner(new MemoryStream(Encoding.UTF8.GetBytes("<t xmlns:p='urn:p'><p:u a='1' p:b=\"2\" xml:space='preserve'/><u/></t>")));
        var nodes = new List<string>();
        while (scanner.Read() is var node && node != SheetXmlNode.EndOfPart)
            nodes.Add($"{node}@{scanner.Depth}" + (node == SheetXmlNode.Start && scanner.TryGetAttribute("a"u8, out var a) ? "a=" + Encoding.ASCII.GetString(a) : ""));

        Assert.Equal(["Start@0", "Start@1a=1", "Start@1", "End@0"], nodes);
    }

    [Fact]
    public void Read_InvalidUtf8InText_IsUnsupported()
    {
        byte[] xml = [.. "<t>a"u8, 0xC3, 0x28, .. "</t>"u8];
        var scanner = new SheetXmlScanner(new MemoryStream(xml));
        Assert.Throws<SheetXmlScanner.Unsupported>(() =>
        {
            while (scanner.Read() != SheetXmlNode.EndOfPart) { }
        });
    }

    /// <summary>XML written differently but meaning the same: both readers read the sample exactly.</summary>
    public static TheoryData<string> SameMeaning => new()
    {
        "a comment between rows (left to the XML reader from row 5 on)",
        "a value in a CDATA section",
        "prefixed SpreadsheetML elements",
        "single-quoted attributes",
        "indented XML",
        "a byte-order mark",
        "references to characters of a value",
        "an element inside a value (the XML reader reads the value's text around it)",
    };

    private static string Edit(string edit, string xml) => edit switch
    {
        "a comment between rows (left to the XML reader from row 5 on)" => xml.Replace("<row r=\"5\"", "<!-- checked --><row r=\"5\"", StringComparison.Ordinal),
        "a value in a CDATA section" => new Regex("<v>([^<]*)</v>").Replace(xml, "<v><![CDATA[$1]]></v>", 1),
        "prefixed SpreadsheetML elements" => Regex.Replace(
            xml.Replace("xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"", "xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"", StringComparison.Ordinal),
            "<(/?)([A-Za-z]+[ />])", "<$1x:$2"),
        "single-quoted attributes" => Regex.Replace(xml, "=\"([^\"]*)\"", "='$1'"),
        "indented XML" => xml.Replace("<row ", "\r\n  <row ", StringComparison.Ordinal).Replace("<c", "\n    <c", StringComparison.Ordinal).Replace("</row>", "\n  </row>", StringComparison.Ordinal),
        "a byte-order mark" => "\uFEFF" + xml,
        "references to characters of a value" => new Regex("<v>([0-9])").Replace(xml, m => $"<v>&#{(int)m.Groups[1].Value[0]};", 3),
        "an element inside a value (the XML reader reads the value's text around it)" => ReplaceInRow(xml, 10, "<v>", "<v><b/>"),
        _ => throw new ArgumentOutOfRangeException(nameof(edit)),
    };

    [Theory]
    [MemberData(nameof(SameMeaning))]
    public void Import_SheetXmlWrittenDifferently_ReadsAsTheSampleBothWays(string edit)
    {
        var (scanned, xmlReader) = BothWays(WithFindingsXml(xml => Edit(edit, xml)));

        Assert.Equal(SampleSignature, xmlReader);
        Assert.Equal(SampleSignature, scanned);
    }

    /// <summary>XML that is not well-formed, or values the import refuses: the same problems both ways.</summary>
    public static TheoryData<string> Faults => new()
    {
        "a mismatched end tag in row 7",
        "the part cut off in row 9",
        "a control character in a value",
        "an undeclared prefix",
        "a DOCTYPE",
        "an inline string with entities and a line break",
        "a cell given twice",
        "a row given twice",
        "a shared string that does not exist",
    };

    private static string Fault(string fault, string xml) => fault switch
    {
        "a mismatched end tag in row 7" => ReplaceInRow(xml, 7, "</c>", "</d>"),
        "the part cut off in row 9" => xml[..(xml.IndexOf("<row r=\"9\"", StringComparison.Ordinal) + 40)],
        "a control character in a value" => new Regex("<v>([^<]*)</v>").Replace(xml, "<v>$1\u0002</v>", 1, xml.IndexOf("<row r=\"3\"", StringComparison.Ordinal)),
        "an undeclared prefix" => xml.Replace("<row r=\"4\"", "<row q:x=\"1\" r=\"4\"", StringComparison.Ordinal),
        "a DOCTYPE" => xml.Replace("<worksheet", "<!DOCTYPE worksheet><worksheet", StringComparison.Ordinal),
        "an inline string with entities and a line break" => ReplaceInRow(xml, 3, "t=\"s\"><v>186</v>", "t=\"inlineStr\"><is><r><t>Smith &amp; Jones&#x2014;</t></r><rPh><t>ignored</t></rPh><r><t xml:space=\"preserve\">\r\n 2020 _x0041_</t></r></is>", optional: true),
        "a cell given twice" => ReplaceInRow(xml, 4, "<c r=\"C4\"", "<c r=\"C4\" t=\"s\"><v>3</v></c><c r=\"C4\""),
        "a row given twice" => xml.Replace("<row r=\"6\"", "<row r=\"5\"", StringComparison.Ordinal),
        "a shared string that does not exist" => ReplaceInRow(xml, 8, "t=\"s\"><v>", "t=\"s\"><v>9999"),
        _ => throw new ArgumentOutOfRangeException(nameof(fault)),
    };

    /// <summary>Replaces the first occurrence of a text inside a row's XML.</summary>
    private static string ReplaceInRow(string xml, int row, string text, string replacement, bool optional = false)
    {
        int start = xml.IndexOf($"<row r=\"{row}\"", StringComparison.Ordinal);
        int end = xml.IndexOf("</row>", start, StringComparison.Ordinal);
        int at = xml.IndexOf(text, start, end - start, StringComparison.Ordinal);
        if (at < 0 && optional)
        {
            // The row's first shared-string cell, whatever its index.
            var match = new Regex("t=\"s\"><v>[0-9]+</v>").Match(xml, start, end - start);
            return xml[..match.Index] + replacement + xml[(match.Index + match.Length)..];
        }
        Assert.True(at >= 0, $"'{text}' is not in row {row}");
        return xml[..at] + replacement + xml[(at + text.Length)..];
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public void Import_FaultyOrUnusualSheetXml_GivesTheSameProblemsAndEvidenceBothWays(string fault)
    {
        var (scanned, xmlReader) = BothWays(WithFindingsXml(xml => Fault(fault, xml)));

        Assert.NotEqual(SampleSignature, xmlReader);
        Assert.Equal(xmlReader, scanned);
    }

    [Fact]
    public void Import_InlineStringWithEntitiesAndALineBreak_ReadAsTheXmlReaderReadsIt()
    {
        // Worked out from the XML: the runs joined, the phonetic run left out, CR LF made LF, _x0041_ decoded.
        var result = Read(WithFindingsXml(xml => Fault("an inline string with entities and a line break", xml)));
        var problem = result.Problems.FirstOrDefault(p => p.Value is not null && p.Value.StartsWith("Smith", StringComparison.Ordinal));
        string value = problem?.Value ?? result.Evidence!.Findings.Select(f => f.StudyId).First(id => id.StartsWith("Smith", StringComparison.Ordinal));
        Assert.Equal("Smith & Jones—\n 2020 A", value);
    }

    [Theory]
    [InlineData("<si>", "<!-- left to the XML reader --><si>")]
    [InlineData("<t>", "<t xml:space='preserve'>")]
    public void Import_SharedStringsWrittenDifferently_ReadAsTheSampleBothWays(string text, string replacement)
    {
        var package = new XlsxPackage(CorpusSample.Workbook);
        string xml = Encoding.UTF8.GetString(package.Content("xl/sharedStrings.xml"));
        int at = xml.IndexOf(text, xml.Length / 2, StringComparison.Ordinal);
        package.Put("xl/sharedStrings.xml", Encoding.UTF8.GetBytes(xml[..at] + replacement + xml[(at + text.Length)..]));

        var (scanned, xmlReader) = BothWays(package.ToBytes());

        Assert.Equal(SampleSignature, xmlReader);
        Assert.Equal(SampleSignature, scanned);
    }

    [Fact]
    public void Import_EveryWorkbookOfTheMutationCorpus_GivesTheSameProblemsAndEvidenceBothWays()
    {
        var differing = new List<string>();
        var workbooks = MutationCorpus.All().Where(i => i.Workbook is not null).ToList();
        foreach (var input in workbooks)
        {
            var (scanned, xmlReader) = BothWays(input.Workbook!);
            if (scanned != xmlReader) differing.Add($"{input.Group}: {input.Name}");
        }
        Assert.True(workbooks.Count >= 200, $"{workbooks.Count} workbooks");
        Assert.True(differing.Count == 0, $"{differing.Count} of {workbooks.Count} differ, e.g. {string.Join("; ", differing.Take(5))}");
    }
}
