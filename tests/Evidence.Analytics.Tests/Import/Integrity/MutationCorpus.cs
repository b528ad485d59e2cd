using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Xml.Linq;

namespace Evidence.Analytics.Tests.Import.Integrity;

/// <summary>The mutation corpus of issue 12: damaged and mutated copies of the bundled sample, generated in memory,
/// each with the outcome it must have by construction. Families: <c>cell</c> (FsCheck-generated cell faults, xlsx and
/// CSV), <c>sheet</c> (sheets removed, duplicated, emptied; headers renamed or duplicated; merged ranges; a cell given
/// twice), <c>byte</c> (seeded byte flips, truncations, zip bombs, compression methods, missing parts), <c>csv</c>
/// (quote and encoding faults) and <c>control</c> (the corpus's own machinery applied without a fault, which must
/// change nothing).</summary>
internal static class MutationCorpus
{
    public const ulong Seed = 20_261_126;
    public const int CellFaultsPerKind = 9;

    public static readonly string[] Families = ["cell", "sheet", "byte", "csv", "control"];

    private static readonly Dictionary<string, IReadOnlyList<CorpusInput>> Generated = [];

    /// <summary>A family's inputs, generated once per test run (in memory: about 10 MB in all).</summary>
    public static IReadOnlyList<CorpusInput> Family(string family)
    {
        lock (Generated)
        {
            if (!Generated.TryGetValue(family, out var inputs)) Generated[family] = inputs = [.. Generate(family)];
            return inputs;
        }
    }

    private static IEnumerable<CorpusInput> Generate(string family) => family switch
    {
        "cell" => CellFaults.Sample(CellFaultsPerKind, Seed).SelectMany(f => f.Inputs()),
        "sheet" => SheetFaults(),
        "byte" => ByteFaults(),
        "csv" => CsvFaults(),
        "control" => Controls(),
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, "Not a corpus family."),
    };

    public static IEnumerable<CorpusInput> All() => Families.SelectMany(Family);

    private static Dictionary<string, object?> Change(string file, object? content) => new() { [file] = content };

    private static string Csv(string sheet, Func<int, int, string?>? raw = null) => CsvText.Write(CorpusSample.Grids[sheet], raw);

    private static int ColumnIn(string sheet, string header) => Array.IndexOf(CorpusSample.Grids[sheet][0], header);

    // ---------------------------------------------------------------- sheet-level faults

    private static IEnumerable<CorpusInput> SheetFaults()
    {
        foreach (string sheet in new[] { "Studies", "Interventions", "Findings" })
        {
            var expected = new Expected(Outcome.Readable) { SheetErrors = [sheet] };
            string file = CorpusSample.CsvFileOf(sheet);

            var removed = new XlsxPackage(CorpusSample.Workbook);
            removed.RemoveSheet(sheet);
            yield return CorpusInput.Xlsx("sheet", "required sheet removed", $"no {sheet} sheet", removed.ToBytes(), expected);
            yield return CorpusInput.Csv("sheet", "required sheet removed", $"no {file}", Change(file, null), expected);

            var headerOnly = new XlsxPackage(CorpusSample.Workbook);
            headerOnly.EditSheet(sheet, xml => xml.Descendants(XlsxPackage.Main + "row").Where(r => (int)r.Attribute("r")! > 1).Remove());
            yield return CorpusInput.Xlsx("sheet", "required sheet holds only its header", $"{sheet} sheet with its header only", headerOnly.ToBytes(), expected);
            yield return CorpusInput.Csv("sheet", "required sheet holds only its header", $"{file} with its header only",
                Change(file, CorpusSample.Csv[file].Split('\n')[0] + "\n"), expected);
        }

        var findingsOnly = new Expected(Outcome.Readable) { SheetErrors = ["Findings"] };
        var empty = new XlsxPackage(CorpusSample.Workbook);
        empty.EditSheet("Findings", xml => xml.Descendants(XlsxPackage.Main + "row").Remove());
        yield return CorpusInput.Xlsx("sheet", "required sheet empty", "Findings sheet without a single row", empty.ToBytes(), findingsOnly);
        yield return CorpusInput.Csv("sheet", "required sheet empty", "findings.csv of 0 bytes", Change("findings.csv", ""), findingsOnly);

        foreach (var (sheet, copy) in new[] { ("Findings", "FINDINGS"), ("Studies", "STUDIES") })
        {
            var twice = new XlsxPackage(CorpusSample.Workbook);
            twice.AddSheetCopy(copy, sheet);
            yield return CorpusInput.Xlsx("sheet", "two sheets normalising to one name", $"sheets '{sheet}' and '{copy}'", twice.ToBytes(),
                new Expected(Outcome.Readable) { Mentions = [sheet, copy] });
            string file = CorpusSample.CsvFileOf(sheet), copyFile = copy + ".csv";
            yield return CorpusInput.Csv("sheet", "two sheets normalising to one name", $"files {file} and {copyFile}", Change(copyFile, CorpusSample.Csv[file]),
                new Expected(Outcome.Readable) { Mentions = [file, copyFile] });
        }

        foreach (var (sheet, header, renamed, errorOnly) in new[]
        {
            ("Findings", "Direction", "Directoin", true),
            ("Studies", "Design", "Study design type", true),
            ("Findings", "Measure", "Measures", false),
            ("Findings", "Measure", "outcome_domain", true),
            ("Studies", "DOI", "TITLE", true),
        })
        {
            int column = ColumnIn(sheet, header);
            bool duplicate = WorkbookFormat.Sheets.Single(s => s.Name == sheet).Columns.Any(c => WorkbookFormat.HeaderKey(c.Header) == WorkbookFormat.HeaderKey(renamed));
            string kind = duplicate ? "two headers naming one column" : errorOnly ? "required header renamed" : "optional header renamed";
            // A required column that is missing is reported on the header row; a renamed or duplicated header is reported at its cell.
            var problem = errorOnly && !duplicate
                ? new PlantedProblem(sheet, 1)
                : new PlantedProblem(sheet, 1, renamed, XlsxPackage.Reference(1, column), errorOnly);
            var package = new XlsxPackage(CorpusSample.Workbook);
            package.EditSheet(sheet, xml => XlsxPackage.SetCell(xml, 1, column, XlsxPackage.InlineCell(XlsxPackage.Reference(1, column), renamed)));
            string name = $"{sheet} header '{header}' renamed '{renamed}'";
            yield return CorpusInput.Xlsx("sheet", kind, name, package.ToBytes(), Expected.At(problem));
            yield return CorpusInput.Csv("sheet", kind, name, Change(CorpusSample.CsvFileOf(sheet), Csv(sheet, (r, c) => r == 0 && c == column ? renamed : null)), Expected.At(problem));
        }

        // Merged ranges as Excel leaves them: the value in the top-left cell only, every row of the range named in the problems.
        foreach (var (sheet, range) in new[] { ("Flow", "B2:B3"), ("Findings", "D2:D4"), ("Studies", "G2:G3"), ("Interventions", "L2:L5"), ("Findings", "D9:F9") })
        {
            var (first, last) = (range.Split(':')[0], range.Split(':')[1]);
            int column = XlsxPackage.ColumnOf(first), lastColumn = XlsxPackage.ColumnOf(last);
            int top = int.Parse(first[1..], System.Globalization.CultureInfo.InvariantCulture), bottom = int.Parse(last[1..], System.Globalization.CultureInfo.InvariantCulture);
            var package = new XlsxPackage(CorpusSample.Workbook);
            package.EditSheet(sheet, xml =>
            {
                for (int row = top; row <= bottom; row++)
                    for (int c = column; c <= lastColumn; c++)
                        if (row > top || c > column) XlsxPackage.SetCell(xml, row, c, null);
                xml.Descendants(XlsxPackage.Main + "sheetData").Single().AddAfterSelf(
                    new XElement(XlsxPackage.Main + "mergeCells", new XAttribute("count", 1), new XElement(XlsxPackage.Main + "mergeCell", new XAttribute("ref", range))));
            });
            yield return CorpusInput.Xlsx("sheet", "merged cells", $"{sheet} {range} merged", package.ToBytes(),
                new Expected(Outcome.Readable) { Problems = [.. Enumerable.Range(top, bottom - top + 1).Select(row => new PlantedProblem(sheet, row))] });
        }

        // A cell given twice in one row (a raw XML edit; Excel never writes this): the import must not keep one silently.
        foreach (var (sheet, header, row, second) in new[] { ("Findings", "Direction", 7, "Worsened"), ("Studies", "Year", 12, "1999"), ("Flow", "Count", 5, "1"), ("Studies", "Design", 20, "Case study") })
        {
            int column = ColumnIn(sheet, header);
            string cell = XlsxPackage.Reference(row, column);
            var package = new XlsxPackage(CorpusSample.Workbook);
            package.EditSheet(sheet, xml =>
            {
                var existing = XlsxPackage.Row(xml, row).Elements(XlsxPackage.Main + "c").Single(c => (string)c.Attribute("r")! == cell);
                existing.AddAfterSelf(char.IsAsciiDigit(second[0]) ? XlsxPackage.NumberCell(cell, second) : XlsxPackage.InlineCell(cell, second));
            });
            yield return CorpusInput.Xlsx("sheet", "a cell given twice in one row", $"{sheet} {cell} given twice, then '{second}'", package.ToBytes(),
                Expected.At(new PlantedProblem(sheet, row, Cell: cell)));
        }
    }

    // ---------------------------------------------------------------- byte-level faults on the xlsx

    /// <summary>Parts the import reads (the workbook, its relationships, shared strings, styles and the format's sheets).</summary>
    private static bool IsRead(string part) => !part.StartsWith("docProps/", StringComparison.Ordinal) && part is not ("[Content_Types].xml" or "_rels/.rels" or "xl/worksheets/sheet1.xml");

    private static IEnumerable<CorpusInput> ByteFaults()
    {
        byte[] sample = CorpusSample.Workbook;
        var parts = RawZip.Read(sample, out var regions, out int endRecord);
        var random = new System.Random((int)Seed);
        var unreadableOrUnchanged = new Expected(Outcome.UnreadableOrUnchanged);
        var unreadable = new Expected(Outcome.Unreadable);

        CorpusInput Flip(string kind, int offset, string where)
        {
            byte[] bytes = (byte[])sample.Clone();
            byte mask = (byte)random.Next(1, 256);
            bytes[offset] ^= mask;
            return CorpusInput.Xlsx("byte", kind, $"byte {offset} ({where}) XOR 0x{mask:X2}", bytes, unreadableOrUnchanged);
        }

        var read = regions.Where(r => IsRead(r.Name)).ToList();
        var unread = regions.Where(r => !IsRead(r.Name)).ToList();
        for (int i = 0; i < 40; i++)
        {
            var r = read[i % read.Count];
            yield return Flip("byte flip in the deflated data of a part the import reads", random.Next(r.Data, r.DataEnd), "data of " + r.Name);
        }
        for (int i = 0; i < 10; i++)
        {
            var r = unread[i % unread.Count];
            yield return Flip("byte flip in the deflated data of a part the import ignores", random.Next(r.Data, r.DataEnd), "data of " + r.Name);
        }
        for (int i = 0; i < 20; i++)
        {
            var r = regions[random.Next(regions.Count)];
            yield return Flip("byte flip in a local file header", random.Next(r.LocalHeader, r.Data), "local header of " + r.Name);
        }
        for (int i = 0; i < 20; i++)
        {
            var r = regions[random.Next(regions.Count)];
            yield return Flip("byte flip in the central directory", random.Next(r.Central, r.CentralEnd), "central record of " + r.Name);
        }
        for (int i = 0; i < 6; i++)
            yield return Flip("byte flip in the end of central directory record", random.Next(endRecord, sample.Length), "end record");

        var lengths = new SortedSet<int> { 0, 1, 2, 3, 4, 10, 29, 30, 31, 100, endRecord, endRecord + 1, sample.Length - 1, sample.Length - 2, sample.Length - 21, regions[0].Central };
        foreach (var r in regions.Where(r => IsRead(r.Name)).Take(6)) { lengths.Add(r.Data); lengths.Add((r.Data + r.DataEnd) / 2); }
        while (lengths.Count < 40) lengths.Add(random.Next(1, sample.Length));
        foreach (int length in lengths)
            yield return CorpusInput.Xlsx("byte", "truncated", $"the first {length:N0} of {sample.Length:N0} bytes", sample[..length], unreadable);

        foreach (var input in CraftedFlips(parts)) yield return input;
        foreach (var input in ZipBombs(parts)) yield return input;

        foreach (var (part, method) in new[]
        {
            ("xl/workbook.xml", (ushort)0), ("xl/workbook.xml", (ushort)14), ("xl/_rels/workbook.xml.rels", (ushort)12), ("xl/_rels/workbook.xml.rels", (ushort)99),
            ("xl/sharedStrings.xml", (ushort)0), ("xl/sharedStrings.xml", (ushort)1), ("xl/worksheets/sheet6.xml", (ushort)0), ("xl/worksheets/sheet6.xml", (ushort)14),
            ("xl/worksheets/sheet4.xml", (ushort)12), ("xl/styles.xml", (ushort)99), ("docProps/app.xml", (ushort)14), ("xl/worksheets/sheet7.xml", (ushort)9),
        })
        {
            var changed = parts.Select(p => p.Name == part ? p with { Method = method } : p);
            yield return CorpusInput.Xlsx("byte", "compression method changed", $"{part} said to be compressed with method {method}", RawZip.Write(changed), unreadableOrUnchanged);
        }
        foreach (var (part, central) in new[] { ("xl/worksheets/sheet6.xml", true), ("xl/sharedStrings.xml", true), ("xl/worksheets/sheet6.xml", false), ("xl/workbook.xml", false) })
        {
            byte[] bytes = (byte[])sample.Clone();
            var r = regions.Single(x => x.Name == part);
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan((central ? r.Central + 10 : r.LocalHeader + 8)..), 12);
            yield return CorpusInput.Xlsx("byte", "compression method changed", $"{part} said to be bzip2 in its {(central ? "central record" : "local header")} only", bytes, unreadableOrUnchanged);
        }

        var package = new XlsxPackage(sample);
        foreach (var (part, what) in new[] { ("xl/sharedStrings.xml", "sharedStrings.xml"), ("xl/_rels/workbook.xml.rels", "workbook.xml.rels"), ("xl/workbook.xml", "workbook.xml") }
            .Concat(package.Sheets().Where(s => s.Name != "README").Select(s => (s.Part, Path.GetFileName(s.Part)))))
        {
            yield return CorpusInput.Xlsx("byte", "missing part", $"no part {part}", RawZip.Write(parts.Where(p => p.Name != part)),
                new Expected(Outcome.Unreadable) { Mentions = [what] });
        }
    }

    /// <summary>Flips the zip layer cannot notice: a part stored uncompressed (or deflated in stored blocks) with one letter
    /// of a title or one digit of a year changed. The file stays a readable zip; only the part's CRC-32 tells.</summary>
    private static IEnumerable<CorpusInput> CraftedFlips(List<ZipPart> parts)
    {
        var unreadable = new Expected(Outcome.Unreadable);
        ZipPart Stored(string name)
        {
            byte[] content = parts.Single(p => p.Name == name).Content();
            return new ZipPart(name, ZipPart.Stored0, RawZip.Crc32(content), content.Length, content);
        }
        ZipPart DeflatedInStoredBlocks(string name)
        {
            byte[] content = parts.Single(p => p.Name == name).Content();
            using var buffer = new MemoryStream();
            using (var deflate = new DeflateStream(buffer, CompressionLevel.NoCompression, leaveOpen: true)) deflate.Write(content);
            return new ZipPart(name, ZipPart.Deflated, RawZip.Crc32(content), content.Length, buffer.ToArray());
        }
        IEnumerable<CorpusInput> Flip(ZipPart part, string how, string find, int at, byte mask, IEnumerable<int> occurrences)
        {
            byte[] zip = RawZip.Write(parts.Select(p => p.Name == part.Name ? part : p));
            byte[] pattern = Encoding.UTF8.GetBytes(find);
            var found = Enumerable.Range(0, zip.Length - pattern.Length).Where(i => zip.AsSpan(i, pattern.Length).SequenceEqual(pattern)).ToList();
            foreach (int k in occurrences)
            {
                byte[] bytes = (byte[])zip.Clone();
                bytes[found[k] + at] ^= mask;
                yield return CorpusInput.Xlsx("byte", "crafted byte flip only the CRC-32 reveals",
                    $"{part.Name} {how}, byte {found[k] + at} ('{find}' no. {k + 1}) XOR 0x{mask:X2}", bytes, unreadable);
            }
        }
        foreach (var input in Flip(Stored("xl/sharedStrings.xml"), "stored", "Illustrative study", 13, 0x20, [0, 4, 11, 20])) yield return input;
        foreach (var input in Flip(DeflatedInStoredBlocks("xl/sharedStrings.xml"), "deflated in stored blocks", "Illustrative study", 13, 0x20, [2, 9, 27])) yield return input;
        foreach (var input in Flip(Stored("xl/worksheets/sheet4.xml"), "stored", "s=\"14\"><v>20", 13, 0x01, [0, 7, 19])) yield return input;
    }

    private static IEnumerable<CorpusInput> ZipBombs(List<ZipPart> parts)
    {
        const int Padding = 16 * 1024 * 1024;
        var unreadable = new Expected(Outcome.Unreadable);

        // A part padded with whitespace XML allows (before its end tag), compressed about a thousand times.
        ZipPart Padded(string name)
        {
            byte[] content = parts.Single(p => p.Name == name).Content();
            int end = Array.LastIndexOf(content, (byte)'<');
            var padded = new byte[content.Length + Padding];
            content.AsSpan(0, end).CopyTo(padded);
            padded.AsSpan(end, Padding).Fill((byte)' ');
            content.AsSpan(end).CopyTo(padded.AsSpan(end + Padding));
            using var buffer = new MemoryStream();
            using (var deflate = new DeflateStream(buffer, CompressionLevel.Optimal, leaveOpen: true)) deflate.Write(padded);
            var part = new ZipPart(name, ZipPart.Deflated, RawZip.Crc32(padded), padded.Length, buffer.ToArray());
            if (part.UncompressedSize < 500.0 * part.Stored.Length) throw new InvalidOperationException($"The zip bomb in {name} is compressed only {part.UncompressedSize / part.Stored.Length} times.");
            return part;
        }

        byte[] With(ZipPart bomb) => RawZip.Write(parts.Select(p => p.Name == bomb.Name ? bomb : p));

        var findings = Padded("xl/worksheets/sheet6.xml");
        yield return CorpusInput.Xlsx("byte", "zip bomb", "Findings sheet padded to 16 MiB, compressed ~1,000 times", With(findings), unreadable);
        yield return CorpusInput.Xlsx("byte", "zip bomb", "shared strings padded to 16 MiB", With(Padded("xl/sharedStrings.xml")), unreadable);
        yield return CorpusInput.Xlsx("byte", "zip bomb", "docProps/app.xml (a part the import ignores) padded to 16 MiB", With(Padded("docProps/app.xml")), unreadable);

        long honest = parts.Single(p => p.Name == findings.Name).UncompressedSize;
        yield return CorpusInput.Xlsx("byte", "zip bomb", "Findings sheet expanding to 16 MiB while both headers declare its true size",
            With(findings with { UncompressedSize = honest }), unreadable);
        byte[] lyingCentral = With(findings);
        RawZip.Read(lyingCentral, out var regions, out _);
        var region = regions.Single(r => r.Name == findings.Name);
        BinaryPrimitives.WriteUInt32LittleEndian(lyingCentral.AsSpan(region.Central + 24), (uint)honest);
        yield return CorpusInput.Xlsx("byte", "zip bomb", "Findings sheet expanding to 16 MiB while its central record declares its true size", lyingCentral, unreadable);

        // 2,100 parts of 1 MiB each: none large enough for the ratio check, 2.05 GiB in all (one compression, reused).
        var zeros = ZipPart.Deflate("pad", new byte[1024 * 1024]);
        var many = parts.Concat(Enumerable.Range(0, 2100).Select(i => zeros with { Name = $"xl/media/pad{i:D4}.bin" }));
        yield return CorpusInput.Xlsx("byte", "zip bomb", "2,100 extra parts of 1 MiB each (2.05 GiB uncompressed)", RawZip.Write(many), unreadable);
    }

    // ---------------------------------------------------------------- CSV quote and encoding faults

    private static IEnumerable<CorpusInput> CsvFaults()
    {
        var random = new System.Random((int)Seed + 1);
        var vocabularyColumn = new Dictionary<string, string> { ["Findings"] = "Direction", ["Studies"] = "Design", ["Interventions"] = "Types", ["Flow"] = "Stage", ["Review"] = "Field" };
        var textColumn = new Dictionary<string, string> { ["Findings"] = "Measure", ["Studies"] = "Title", ["Interventions"] = "Name", ["Flow"] = "Label", ["Review"] = "Value" };
        byte[][] invalidUtf8 = [[0xFF], [0xC3, 0x28], [0xE2, 0x82], [0xC0, 0xAF], [0xED, 0xA0, 0x80]];
        int invalid = 0;
        foreach (string sheet in new[] { "Findings", "Studies", "Interventions", "Flow", "Review" })
        {
            var grid = CorpusSample.Grids[sheet];
            string file = CorpusSample.CsvFileOf(sheet);
            int width = grid[0].Length, last = grid.Count - 1;

            for (int k = 0; k < 2; k++)
            {
                int row = random.Next(1, last + 1), column = random.Next(width);
                yield return CorpusInput.Csv("csv", "unclosed quote", $"{file}: a quote opens {XlsxPackage.Reference(row + 1, column)} and never closes",
                    Change(file, Csv(sheet, (r, c) => r == row && c == column ? "\"" + grid[r][c] : null)),
                    Expected.At(new PlantedProblem(sheet, row + 1)));
            }
            for (int k = 0; k < 2; k++)
            {
                int open = random.Next(1, last), close = random.Next(open + 1, last + 1);
                int openColumn = random.Next(width), closeColumn = Enumerable.Range(0, width).First(c => grid[close][c].Length >= 2 && !grid[close][c].Contains(',', StringComparison.Ordinal));
                yield return CorpusInput.Csv("csv", "quote opened in one row, closed by a stray quote in a later row",
                    $"{file}: a quote opens {XlsxPackage.Reference(open + 1, openColumn)}, a stray quote inside {XlsxPackage.Reference(close + 1, closeColumn)}",
                    Change(file, Csv(sheet, (r, c) => r == open && c == openColumn ? "\"" + grid[r][c] : r == close && c == closeColumn ? grid[r][c][..1] + "\"" + grid[r][c][1..] : null)),
                    Expected.At(new PlantedProblem(sheet, open + 1)));
            }
            {
                int row = random.Next(1, last + 1), column = ColumnIn(sheet, vocabularyColumn[sheet]);
                while (grid[row][column].Length < 2) row = row % last + 1;
                string value = grid[row][column];
                yield return CorpusInput.Csv("csv", "quote opening mid-field", $"{file}: {XlsxPackage.Reference(row + 1, column)} = {value[..2]}\"{value[2..]}",
                    Change(file, Csv(sheet, (r, c) => r == row && c == column ? value[..2] + "\"" + value[2..] : null)),
                    Expected.At(new PlantedProblem(sheet, row + 1)));
                row = random.Next(1, last + 1);
                column = ColumnIn(sheet, textColumn[sheet]);
                string quoted = (grid[row][column].Length > 0 ? grid[row][column] : "x") + " \"see, above\" note";
                yield return CorpusInput.Csv("csv", "quote opening mid-field", $"{file}: {XlsxPackage.Reference(row + 1, column)} = {quoted} (a delimiter inside the quotes)",
                    Change(file, Csv(sheet, (r, c) => r == row && c == column ? quoted : null)),
                    Expected.At(new PlantedProblem(sheet, row + 1, ErrorOnly: false)));
            }
            {
                int row = random.Next(1, last + 1), column = ColumnIn(sheet, textColumn[sheet]);
                byte[] bad = invalidUtf8[invalid++ % invalidUtf8.Length];
                yield return CorpusInput.Csv("csv", "invalid UTF-8 bytes", $"{file}: bytes {Convert.ToHexString(bad)} inside {XlsxPackage.Reference(row + 1, column)}",
                    Change(file, WithBytes(Csv(sheet, (r, c) => r == row && c == column ? CsvText.Escape(grid[r][c] + "\u0001") : null), bad)),
                    new Expected(Outcome.Flagged) { SheetNotices = [sheet] });
                row = random.Next(1, last + 1);
                yield return CorpusInput.Csv("csv", "NUL byte", $"{file}: a NUL byte inside {XlsxPackage.Reference(row + 1, column)}",
                    Change(file, WithBytes(Csv(sheet, (r, c) => r == row && c == column ? CsvText.Escape(grid[r][c] + "\u0001") : null), [0])),
                    new Expected(Outcome.Flagged) { SheetNotices = [sheet] });
            }
            yield return CorpusInput.Csv("csv", "UTF-16 without a byte-order mark", $"{file} in UTF-16 LE without a byte-order mark",
                Change(file, Encoding.Unicode.GetBytes(CorpusSample.Csv[file])), new Expected(Outcome.Flagged) { SheetNotices = [sheet] });
            {
                string[] endings = ["\r\n", "\n", "\r"];
                var lines = CorpusSample.Csv[file].TrimEnd('\n').Split('\n');
                string mixed = string.Concat(lines.Select(line => line + endings[random.Next(endings.Length)]));
                yield return CorpusInput.Csv("csv", "mixed line endings", $"{file} with CRLF, LF and CR line ends mixed", Change(file, mixed), new Expected(Outcome.Unchanged));
            }
        }
        yield return CorpusInput.Csv("csv", "UTF-16 without a byte-order mark", "findings.csv in UTF-16 BE without a byte-order mark",
            Change("findings.csv", Encoding.BigEndianUnicode.GetBytes(CorpusSample.Csv["findings.csv"])), new Expected(Outcome.Flagged) { SheetNotices = ["Findings"] });
    }

    /// <summary>The UTF-8 bytes of a text with its single U+0001 replaced by the given bytes.</summary>
    private static byte[] WithBytes(string text, byte[] replacement)
    {
        byte[] bytes = new UTF8Encoding(false).GetBytes(text);
        int at = Array.IndexOf(bytes, (byte)1);
        return [.. bytes[..at], .. replacement, .. bytes[(at + 1)..]];
    }

    // ---------------------------------------------------------------- controls: the machinery without a fault

    private static IEnumerable<CorpusInput> Controls()
    {
        var unchanged = new Expected(Outcome.Unchanged);
        yield return CorpusInput.Xlsx("control", "sample rezipped", "every part re-read and re-written by RawZip", RawZip.Write(RawZip.Read(CorpusSample.Workbook)), unchanged);
        var edited = new XlsxPackage(CorpusSample.Workbook);
        foreach (var (sheet, _) in edited.Sheets().Where(s => s.Name != "README"))
            edited.EditSheet(sheet, xml => { foreach (var row in xml.Descendants(XlsxPackage.Main + "row").ToList()) XlsxPackage.Row(xml, (int)row.Attribute("r")!); });
        yield return CorpusInput.Xlsx("control", "sheets re-written with every cell reference", "every sheet's XML parsed and written back", edited.ToBytes(), unchanged);
        yield return CorpusInput.Csv("control", "CSV re-written", "every CSV file parsed and written back by the reference reader and writer",
            CorpusSample.Csv.ToDictionary(f => f.Key, f => (object?)CsvText.Write(CsvText.Parse(f.Value))), unchanged);
        yield return CorpusInput.Csv("control", "byte-order marks", "findings.csv with a UTF-8 byte-order mark",
            Change("findings.csv", (byte[])[0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(CorpusSample.Csv["findings.csv"])]), unchanged);
        yield return CorpusInput.Csv("control", "byte-order marks", "findings.csv in UTF-16 LE with a byte-order mark",
            Change("findings.csv", (byte[])[0xFF, 0xFE, .. Encoding.Unicode.GetBytes(CorpusSample.Csv["findings.csv"])]), unchanged);
    }
}
