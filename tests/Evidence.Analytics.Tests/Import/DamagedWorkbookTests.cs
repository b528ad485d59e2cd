using System.Text;
using static Evidence.Analytics.Tests.Import.DamagedCopies;
using static Evidence.Analytics.Tests.Import.TestWorkbooks;

namespace Evidence.Analytics.Tests.Import;

/// <summary>Damaged, truncated and wrongly typed files are refused with one sentence naming what is wrong and where
/// (issue 12, finding 5): never an exception, never a damaged part read as data, never a missing part reported as
/// missing columns or sheets.</summary>
public sealed class DamagedWorkbookTests
{
    private const string SharedStrings = "xl/sharedStrings.xml";
    private const string StudiesPart = "xl/worksheets/sheet4.xml";

    [Fact]
    public void Xlsx_BitFlipInLocalHeader_IsUnreadableNotACrash()
    {
        byte[] sample = Sample();
        var part = PartNamed(sample, StudiesPart);

        // The first bit of the local header's signature: the zip layer throws "A local file header is corrupt" on opening the part.
        var problem = Refusal(Read(FlipBit(sample, part.Local * 8L)));

        Assert.Equal(ProblemKind.UnreadableFile, problem.Kind);
        Assert.Equal(
            "The workbook cannot be read: part xl/worksheets/sheet4.xml (sheet 'Studies') is damaged (a local file header is corrupt).",
            problem.Message);
    }

    [Fact]
    public void Xlsx_UnsupportedCompressionMethodInDirectory_NamesThePart()
    {
        byte[] sample = Sample();
        var part = PartNamed(sample, SharedStrings);

        // Method 8 (deflate) becomes 24, which no zip reader supports.
        var problem = Refusal(Read(FlipBit(sample, (part.Central + 10) * 8L + 4)));

        Assert.Equal(ProblemKind.UnreadableFile, problem.Kind);
        Assert.StartsWith("The workbook cannot be read: part xl/sharedStrings.xml is damaged (", problem.Message, StringComparison.Ordinal);
        Assert.Contains("unsupported compression method", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Xlsx_FlipThatBreaksDeflatedSheet_IsUnreadableNotACrash()
    {
        // The zip layer throws while the sheet's rows are being enumerated, not when the part is opened.
        var problem = Refusal(Read(UninflatableFlip(Sample(), StudiesPart)));

        Assert.Equal(ProblemKind.UnreadableFile, problem.Kind);
        Assert.StartsWith("The workbook cannot be read: part xl/worksheets/sheet4.xml (sheet 'Studies') is damaged (", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Xlsx_CraftedFlipInDeflatedPart_IsRefusedByChecksum()
    {
        var (package, before, after) = CraftedLetterFlip(Sample(), SharedStrings);
        Assert.NotEqual(before, after); // the text changed, yet the part inflates to well-formed XML of the same length

        var problem = Refusal(Read(package));

        Assert.Equal(ProblemKind.UnreadableFile, problem.Kind);
        Assert.Equal("The workbook cannot be read: part xl/sharedStrings.xml is damaged (checksum mismatch).", problem.Message);
    }

    [Theory]
    [InlineData("xl/worksheets/sheet4.xml", "Studies")]
    [InlineData("xl/worksheets/sheet6.xml", "Findings")]
    [InlineData("xl/worksheets/sheet8.xml", "Flow")]
    public void Xlsx_CraftedFlipInSheetPart_IsRefusedByChecksum(string part, string sheet)
    {
        var (package, before, after) = CraftedLetterFlip(Sample(), part);
        Assert.NotEqual(before, after);

        var problem = Refusal(Read(package));

        Assert.Equal($"The workbook cannot be read: part {part} (sheet '{sheet}') is damaged (checksum mismatch).", problem.Message);
    }

    [Fact]
    public void Xlsx_StoredChecksumChanged_IsRefused()
    {
        byte[] sample = Sample();
        var part = PartNamed(sample, "xl/workbook.xml");

        var problem = Refusal(Read(FlipBit(sample, (part.Central + 16) * 8L)));

        Assert.Equal("The workbook cannot be read: part xl/workbook.xml is damaged (checksum mismatch).", problem.Message);
    }

    [Fact]
    public void Xlsx_EveryBitFlipInThePartsRead_IsRefusedOrChangesNothing()
    {
        // Every 257th bit of the compressed data of every part the import reads: the flip either leaves the data as it
        // was (the final-block flag of the only block, or padding after the end-of-block code), or the file is refused
        // as damaged with one sentence naming the part. Never different data. (sheet1.xml is the README sheet, which
        // the import does not read.)
        byte[] sample = Sample();
        string expected = EvidenceDump.Of(Read(sample).GetEvidenceOrThrow());
        int refused = 0, tried = 0;
        foreach (var part in Parts(sample).Where(p => p.Name.StartsWith("xl/", StringComparison.Ordinal) && p.Name != "xl/worksheets/sheet1.xml"))
        {
            for (long bit = part.Data * 8L; bit < (part.Data + part.CompressedSize) * 8L; bit += 257)
            {
                tried++;
                var result = Read(FlipBit(sample, bit));
                if (result.IsValid)
                {
                    Assert.True(EvidenceDump.Of(result.Evidence!) == expected, $"bit {bit} of {part.Name} changed the data without a problem");
                    continue;
                }
                var problem = Refusal(result);
                Assert.Equal(ProblemKind.UnreadableFile, problem.Kind);
                Assert.True(problem.Message.Contains($"part {part.Name}", StringComparison.Ordinal), $"bit {bit} of {part.Name}: {problem.Message}");
                refused++;
            }
        }
        Assert.True(refused > tried * 95 / 100, $"only {refused} of {tried} flips refused");
    }

    [Fact]
    public void Xlsx_FlipsAnywhere_NeverThrow()
    {
        byte[] sample = Sample();
        for (long bit = 3; bit < sample.Length * 8L; bit += 601)
        {
            ImportResult result;
            try
            {
                result = Read(FlipBit(sample, bit));
            }
            catch (Exception e)
            {
                Assert.Fail($"bit {bit}: {e}");
                throw;
            }
            if (!result.IsValid && result.Problems.Any(p => p.Kind == ProblemKind.UnreadableFile)) Refusal(result);
        }
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(0.25)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.999)]
    public void Xlsx_Truncated_IsUnreadable(double kept)
    {
        byte[] sample = Sample();

        var problem = Refusal(Read(sample[..(int)(sample.Length * kept)]));

        Assert.Equal(ProblemKind.UnreadableFile, problem.Kind);
        Assert.StartsWith("The file cannot be read as an .xlsx workbook", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Xlsx_MissingSharedStrings_NamesThePart()
    {
        var problem = Refusal(Read(Without(Sample(), SharedStrings)));

        Assert.Equal(ProblemKind.UnreadableFile, problem.Kind);
        Assert.Matches(@"^The workbook cannot be read: part xl/sharedStrings\.xml is missing, but cell A1 of sheet 'Review' refers to its string [0-9]+\.$", problem.Message);
    }

    [Fact]
    public void Xlsx_SharedStringsCutShort_IsAnErrorNotABlankCell()
    {
        // Only the first 40 strings are left: cells referring to later ones used to read as blank, silently.
        byte[] sample = Sample();
        string xml = Encoding.UTF8.GetString(Content(sample, SharedStrings));
        int cut = 0;
        for (int i = 0; i < 40; i++) cut = xml.IndexOf("</si>", cut, StringComparison.Ordinal) + "</si>".Length;
        byte[] shortened = Encoding.UTF8.GetBytes(xml[..cut] + "</sst>");

        var problem = Refusal(Read(With(sample, SharedStrings, shortened)));

        Assert.Equal(ProblemKind.UnreadableFile, problem.Kind);
        Assert.Matches(@"^The workbook cannot be read: part xl/sharedStrings\.xml is incomplete: it holds 40 strings, but cell [A-Z]+[0-9]+ of sheet '[A-Za-z ]+' refers to string [0-9]+\.$", problem.Message);
    }

    [Fact]
    public void Xlsx_MissingWorkbookRelationships_NamesThePart()
    {
        var problem = Refusal(Read(Without(Sample(), "xl/_rels/workbook.xml.rels")));

        Assert.Equal(ProblemKind.UnreadableFile, problem.Kind);
        Assert.Equal(
            "The workbook cannot be read: part xl/_rels/workbook.xml.rels is missing, so the parts of its 10 sheets cannot be found.",
            problem.Message);
    }

    [Fact]
    public void Xlsx_MissingSheetPart_NamesThePartAndTheSheet()
    {
        var problem = Refusal(Read(Without(Sample(), StudiesPart)));

        Assert.Equal("The workbook cannot be read: part xl/worksheets/sheet4.xml (sheet 'Studies') is missing.", problem.Message);
    }

    [Fact]
    public void Xlsx_RelationshipOfASheetMissing_NamesTheSheet()
    {
        byte[] sample = Sample();
        string rels = Encoding.UTF8.GetString(Content(sample, "xl/_rels/workbook.xml.rels")).Replace("Id=\"rId6\"", "Id=\"rId66\"", StringComparison.Ordinal);

        var problem = Refusal(Read(With(sample, "xl/_rels/workbook.xml.rels", Encoding.UTF8.GetBytes(rels))));

        Assert.Equal("The workbook cannot be read: part xl/_rels/workbook.xml.rels is damaged (it has no relationship rId6, which sheet 'Findings' names).", problem.Message);
    }

    [Theory]
    [InlineData("xl/worksheets/sheet4.xml", "The workbook cannot be read: part xl/worksheets/sheet4.xml (sheet 'Studies') is damaged (it is empty).")]
    [InlineData("xl/workbook.xml", "The workbook cannot be read: part xl/workbook.xml is damaged (it is empty).")]
    [InlineData("xl/sharedStrings.xml", "The workbook cannot be read: part xl/sharedStrings.xml is damaged (it is empty).")]
    public void Xlsx_ZeroLengthPart_IsDamaged(string part, string message)
    {
        var problem = Refusal(Read(With(Sample(), part, [])));

        Assert.Equal(message, problem.Message);
    }

    [Fact]
    public void Xlsx_SheetPartNotWellFormed_NamesThePartAndPosition()
    {
        byte[] sample = Sample();
        string xml = Encoding.UTF8.GetString(Content(sample, StudiesPart));

        var problem = Refusal(Read(With(sample, StudiesPart, Encoding.UTF8.GetBytes(xml[..(xml.Length * 2 / 3)]))));

        Assert.StartsWith("The workbook cannot be read: part xl/worksheets/sheet4.xml (sheet 'Studies') is damaged (not well-formed XML: ", problem.Message, StringComparison.Ordinal);
        Assert.Matches(@"line 1, position [0-9]+\)\.$", problem.Message);
    }

    [Theory]
    [InlineData("", "The file is empty (0 bytes), not an Excel workbook.")]
    [InlineData("Study ID,Authors,Year\nS01,Example,2020\n", "The file is text (perhaps a CSV file), not an Excel workbook (.xlsx or .xls); name a CSV file .csv.")]
    [InlineData("%PDF-1.7\n%âãÏÓ\n1 0 obj\n", "The file is a PDF document, not an Excel workbook (.xlsx or .xls).")]
    [InlineData("<html><body><table><tr><td>S01</td></tr></table></body></html>", "The file is an HTML or XML document, not an Excel workbook (.xlsx or .xls); open it in Excel and save it as .xlsx.")]
    public void Xlsx_WronglyTypedFile_IsOneSentence(string content, string message)
    {
        var problem = Refusal(Read(Encoding.UTF8.GetBytes(content), "review.xlsx"));

        Assert.Equal(ProblemKind.UnreadableFile, problem.Kind);
        Assert.Equal(message, problem.Message);
    }

    [Fact]
    public void Xlsx_BinaryNonWorkbook_IsOneSentence()
    {
        byte[] random = new byte[4096];
        new Random(12).NextBytes(random);
        random[0] = 0x01;

        var problem = Refusal(Read(random, "review.xlsx"));

        Assert.Equal("The file is not an Excel workbook (.xlsx or .xls): it is neither a zip package nor an Excel 97–2003 file.", problem.Message);
    }

    [Fact]
    public void Xlsx_ZipPackageThatIsNotAWorkbook_SaysSo()
    {
        byte[] docx = Rezip(Sample(), (part, content) => part.StartsWith("xl/", StringComparison.Ordinal) ? null : content);

        var problem = Refusal(Read(docx));

        Assert.Equal("The file is a zip package but not an .xlsx workbook (it has no part xl/workbook.xml).", problem.Message);
    }

    [Fact]
    public void Xlsx_CellGivenTwiceInARow_IsAnError()
    {
        var sheets = ValidSheets();
        var studies = sheets[1];
        // Two <c r="D3"> elements in row 3: the second used to overwrite the first silently.
        sheets[1] = studies with { Cells = [.. studies.Cells, new Cell("D3", "A second title")] };

        var result = ReadXlsx(sheets);

        var problem = Single(result, ProblemKind.DuplicateCell);
        Assert.Equal(("Studies", 3, "Title", "D3"), (problem.Sheet, problem.Row!.Value, problem.Column, problem.Cell));
        Assert.Equal(
            "The cell is given twice in the sheet's XML, as 'Illustrative interviews' and as 'A second title', so its value is unknown; open the workbook in Excel, check the cell and save it again.",
            problem.Message);
        Assert.Null(result.Evidence);
        var counts = result.Sheets.Single(s => s.Sheet == "Studies");
        Assert.Equal((2, 1), (counts.RowsRead, counts.RowsImported));
    }

    [Fact]
    public void Xlsx_RowGivenTwice_IsRefusedAsDamaged()
    {
        // Two <row r="3"> elements in the Studies sheet (Excel never writes this, and refuses to open it): the row would
        // have two sets of cells.
        byte[] original = Xlsx(ValidSheets());
        using var copy = new MemoryStream();
        using (var source = new System.IO.Compression.ZipArchive(new MemoryStream(original)))
        using (var target = new System.IO.Compression.ZipArchive(copy, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                string xml = new StreamReader(entry.Open()).ReadToEnd();
                if (entry.FullName == "xl/worksheets/sheet2.xml")
                {
                    int start = xml.IndexOf("<row r=\"3\">", StringComparison.Ordinal), end = xml.IndexOf("</row>", start, StringComparison.Ordinal) + "</row>".Length;
                    xml = xml.Insert(end, xml[start..end]);
                }
                using var writer = new StreamWriter(target.CreateEntry(entry.FullName).Open());
                writer.Write(xml);
            }
        }

        var result = EvidenceWorkbook.Read(new MemoryStream(copy.ToArray()), "test.xlsx");

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemKind.UnreadableFile, problem.Kind);
        Assert.Equal("The workbook cannot be read: part xl/worksheets/sheet2.xml (sheet 'Studies') is damaged (it gives row 3 after row 3; each row must be given once, in order).", problem.Message);
    }

    [Fact]
    public void Xls_SheetEndingEarly_IsRefusedNotShortened()
    {
        // One bit of a record in the Findings sheet's stream (found by review): the high byte of a text cell's record
        // length, so the record swallows the rows after it. ExcelDataReader then stopped part-way through the 77 rows
        // the sheet declares, and the other findings were lost without a word. The record is found from the workbook's
        // sheet directory (BOUNDSHEET), so the test does not depend on where LibreOffice put it.
        byte[] xls = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Import", "Fixtures", "postpartum-social-prescribing.xls"));
        xls[LabelRecordLengthHighByte(xls, "Findings", row: 11)] ^= 1 << 6;

        var result = Read(xls, "damaged.xls");

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemKind.UnreadableFile, problem.Kind);
        var match = System.Text.RegularExpressions.Regex.Match(problem.Message,
            @"^The file cannot be read as an \.xls workbook: sheet 'Findings' is damaged \(it declares 77 rows, but only (\d+) could be read\)\.$");
        Assert.True(match.Success, problem.Message);
        Assert.InRange(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 1, 76);
    }

    /// <summary>The offset of the high byte of the length of the first LABELSST record (0x00FD) at or after a 0-based row
    /// of a sheet, found through the sheet's BOUNDSHEET record (0x0085: stream offset, then the name) in the workbook
    /// stream. LibreOffice writes the workbook stream contiguously, so a stream offset is a file offset from the
    /// stream's first record (the globals' BOF, 0x0809 of type 0x0005).</summary>
    private static int LabelRecordLengthHighByte(byte[] xls, string sheet, int row)
    {
        int header = xls.AsSpan().IndexOf(new byte[] { 0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00 });
        Assert.True(header > 0, "no workbook globals BOF");
        int sheetStart = -1;
        for (int p = header; p + 4 <= xls.Length && sheetStart < 0;)
        {
            int type = BitConverter.ToUInt16(xls, p), length = BitConverter.ToUInt16(xls, p + 2);
            if (type == 0x0085)
            {
                int nameLength = xls[p + 4 + 6];
                bool wide = (xls[p + 4 + 7] & 1) == 1;
                string name = wide ? System.Text.Encoding.Unicode.GetString(xls, p + 4 + 8, 2 * nameLength) : System.Text.Encoding.Latin1.GetString(xls, p + 4 + 8, nameLength);
                if (name == sheet) sheetStart = header + BitConverter.ToInt32(xls, p + 4);
            }
            if (type == 0x000A) break; // EOF of the workbook globals
            p += 4 + length;
        }
        Assert.True(sheetStart > 0, $"no BOUNDSHEET record names '{sheet}'");
        for (int p = sheetStart; p + 4 <= xls.Length;)
        {
            int type = BitConverter.ToUInt16(xls, p), length = BitConverter.ToUInt16(xls, p + 2);
            if (type == 0x00FD && BitConverter.ToUInt16(xls, p + 4) >= row) return p + 3;
            if (type == 0x000A) break;
            p += 4 + length;
        }
        throw new InvalidOperationException($"No text cell at or after row {row} of '{sheet}'.");
    }

    [Fact]
    public void Xls_DamagedCopies_AreRefusedCleanly()
    {
        byte[] xls = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Import", "Fixtures", "postpartum-social-prescribing.xls"));
        int refused = 0;
        // .xls has no checksums: a flip that ExcelDataReader does not notice changes the data, as it would in Excel.
        // What is checked is that nothing throws and that a refusal is one sentence.
        for (long bit = 5; bit < xls.Length * 8L; bit += 7919)
        {
            var result = Read(FlipBit(xls, bit), "damaged.xls");
            if (result.Problems.Any(p => p.Kind == ProblemKind.UnreadableFile))
            {
                Refusal(result);
                refused++;
            }
        }
        foreach (double kept in new[] { 0.0, 0.1, 0.5, 0.95 })
        {
            var problem = Refusal(Read(xls[..(int)(xls.Length * kept)], "truncated.xls"));
            Assert.Equal(ProblemKind.UnreadableFile, problem.Kind);
        }
        Assert.True(refused > 0);
    }
}
