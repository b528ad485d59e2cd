using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Evidence.Analytics.Tests.Import;

/// <summary>Damaged copies of the sample workbook, made the way files get damaged: a bit flipped in a zip header or in a
/// part's compressed data, a truncated download, a part lost when a tool rezipped the package.</summary>
/// <remarks>The zip structures are located by reading the package's central directory (APPNOTE.TXT 4.3.12 and 4.3.7),
/// not by fixed offsets, so the copies follow the sample if it is regenerated.</remarks>
internal static class DamagedCopies
{
    public static string SamplePath => Path.Combine(AppContext.BaseDirectory, "data-samples", "postpartum-social-prescribing.xlsx");

    public static byte[] Sample() => File.ReadAllBytes(SamplePath);

    /// <summary>Where a part lives in a package: its central directory record, its local header and its compressed data.</summary>
    public sealed record Part(string Name, int Central, int Local, int Data, int CompressedSize, int Method, uint Crc32);

    /// <summary>The parts of a package, read from its central directory.</summary>
    public static List<Part> Parts(byte[] zip)
    {
        int end = zip.Length - 22;
        while (end >= 0 && BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(end)) != 0x06054B50) end--;
        Assert.True(end >= 0, "no end of central directory record");
        int count = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(end + 10));
        int central = (int)BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(end + 16));
        var parts = new List<Part>();
        for (int i = 0; i < count; i++)
        {
            Assert.Equal(0x02014B50u, BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(central)));
            int method = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(central + 10));
            uint crc = BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(central + 16));
            int compressed = (int)BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(central + 20));
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(central + 28));
            int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(central + 30));
            int commentLength = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(central + 32));
            int local = (int)BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(central + 42));
            string name = Encoding.UTF8.GetString(zip, central + 46, nameLength);
            int data = local + 30 + BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(local + 26)) + BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(local + 28));
            parts.Add(new Part(name, central, local, data, compressed, method, crc));
            central += 46 + nameLength + extraLength + commentLength;
        }
        return parts;
    }

    public static Part PartNamed(byte[] zip, string name) => Parts(zip).Single(p => p.Name == name);

    /// <summary>A copy with one bit flipped.</summary>
    public static byte[] FlipBit(byte[] bytes, long bit)
    {
        byte[] copy = (byte[])bytes.Clone();
        copy[bit / 8] ^= (byte)(1 << (int)(bit % 8));
        return copy;
    }

    /// <summary>The decompressed content of a part, as the zip layer gives it.</summary>
    public static byte[] Content(byte[] zip, string name)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        using var stream = archive.GetEntry(name)!.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>A bit flip inside a part's deflated data that the zip layer cannot notice: the data still inflates, to
    /// as many bytes as before and still well-formed XML, but some letters of the text have changed (a Huffman code of
    /// one literal turned into another). Only the part's CRC-32 shows the damage.</summary>
    /// <returns>The damaged package and the part's content as it now inflates.</returns>
    public static (byte[] Package, string Before, string After) CraftedLetterFlip(byte[] zip, string name)
    {
        var part = PartNamed(zip, name);
        Assert.Equal(8, part.Method); // deflated
        byte[] original = Content(zip, name);
        byte[] compressed = zip.AsSpan(part.Data, part.CompressedSize).ToArray();
        // Start in the middle of the data, inside the text rather than the XML declaration.
        for (long bit = compressed.Length * 4L; bit < compressed.Length * 8L; bit++)
        {
            byte[] flipped = FlipBit(compressed, bit);
            byte[]? inflated = Inflate(flipped);
            if (inflated is null || inflated.Length != original.Length) continue;
            bool lettersOnly = true, changed = false;
            for (int i = 0; i < inflated.Length && lettersOnly; i++)
            {
                if (inflated[i] == original[i]) continue;
                changed = true;
                lettersOnly = char.IsAsciiLetter((char)inflated[i]) && char.IsAsciiLetter((char)original[i]);
            }
            if (!changed || !lettersOnly || !IsWellFormed(inflated)) continue;
            byte[] package = (byte[])zip.Clone();
            flipped.CopyTo(package, part.Data);
            return (package, Encoding.UTF8.GetString(original), Encoding.UTF8.GetString(inflated));
        }
        throw new InvalidOperationException($"No letter-changing bit flip found in {name}.");
    }

    /// <summary>A bit flip inside a part's deflated data after which the data no longer inflates.</summary>
    public static byte[] UninflatableFlip(byte[] zip, string name)
    {
        var part = PartNamed(zip, name);
        byte[] compressed = zip.AsSpan(part.Data, part.CompressedSize).ToArray();
        for (long bit = compressed.Length * 4L; bit < compressed.Length * 8L; bit++)
        {
            byte[] flipped = FlipBit(compressed, bit);
            if (Inflate(flipped) is not null) continue;
            byte[] package = (byte[])zip.Clone();
            flipped.CopyTo(package, part.Data);
            return package;
        }
        throw new InvalidOperationException($"No bit flip found that breaks the deflated data of {name}.");
    }

    private static byte[]? Inflate(byte[] compressed)
    {
        try
        {
            using var inflater = new DeflateStream(new MemoryStream(compressed), CompressionMode.Decompress);
            using var buffer = new MemoryStream();
            inflater.CopyTo(buffer);
            return buffer.ToArray();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static bool IsWellFormed(byte[] xml)
    {
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(xml));
            while (reader.Read()) { }
            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    /// <summary>The package rezipped with System.IO.Compression, each part's content passed through
    /// <paramref name="change"/> (return null to leave the part out).</summary>
    public static byte[] Rezip(byte[] zip, Func<string, byte[], byte[]?> change)
    {
        using var source = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        using var buffer = new MemoryStream();
        using (var target = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                byte[] content;
                using (var stream = entry.Open())
                using (var copy = new MemoryStream())
                {
                    stream.CopyTo(copy);
                    content = copy.ToArray();
                }
                if (change(entry.FullName, content) is not { } changed) continue;
                using var output = target.CreateEntry(entry.FullName).Open();
                output.Write(changed);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>The package without one part.</summary>
    public static byte[] Without(byte[] zip, string name) => Rezip(zip, (part, content) => part == name ? null : content);

    /// <summary>The package with one part's content replaced.</summary>
    public static byte[] With(byte[] zip, string name, byte[] content) => Rezip(zip, (part, old) => part == name ? content : old);

    /// <summary>A zip bomb: one sheet part of 64 MiB of zeros, compressed about a thousand times.</summary>
    public static byte[] ZipBomb()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) entry.Write(zeros);
        }
        return buffer.ToArray();
    }

    public static ImportResult Read(byte[] bytes, string fileName = "damaged.xlsx")
    {
        using var stream = new MemoryStream(bytes);
        return EvidenceWorkbook.Read(stream, fileName);
    }

    /// <summary>The one problem of a refused file, failing with the full list if there is not exactly one.</summary>
    public static ImportProblem Refusal(ImportResult result)
    {
        Assert.True(result.Problems.Length == 1, $"Expected one problem, found {result.Problems.Length}:\n{string.Join("\n", result.Problems)}");
        var problem = result.Problems[0];
        Assert.Equal(ProblemSeverity.Error, problem.Severity);
        Assert.Null(result.Evidence);
        Assert.DoesNotContain('\n', problem.Message);
        return problem;
    }
}
