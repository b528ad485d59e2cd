using System.Buffers.Binary;
using System.IO.Compression;

namespace Evidence.Analytics.Tests.Import.Integrity;

/// <summary>A zip part as stored: its name, compression method, CRC-32, declared uncompressed size and stored bytes.</summary>
internal sealed record ZipPart(string Name, ushort Method, uint Crc, long UncompressedSize, byte[] Stored)
{
    public const ushort Stored0 = 0;
    public const ushort Deflated = 8;

    /// <summary>A part holding <paramref name="content"/>, deflated, with its true CRC-32 and size.</summary>
    public static ZipPart Deflate(string name, byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var deflate = new DeflateStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            deflate.Write(content);
        return new ZipPart(name, Deflated, RawZip.Crc32(content), content.Length, buffer.ToArray());
    }

    /// <summary>The content (for stored or deflated parts whose sizes are honest).</summary>
    public byte[] Content()
    {
        if (Method == Stored0) return Stored;
        using var deflate = new DeflateStream(new MemoryStream(Stored), CompressionMode.Decompress);
        using var content = new MemoryStream();
        deflate.CopyTo(content);
        return content.ToArray();
    }
}

/// <summary>Where one part lies in a zip file: its local header, its stored data and its central directory record
/// (start inclusive, end exclusive), so that byte-level faults can aim at each region.</summary>
internal sealed record ZipRegions(string Name, int LocalHeader, int Data, int DataEnd, int Central, int CentralEnd);

/// <summary>Reads and writes zip files byte by byte (PKWARE APPNOTE 6.3, sections 4.3.7, 4.3.12 and 4.3.16), independently
/// of <see cref="ZipArchive"/>, so that the corpus controls every field: sizes that lie, a changed compression method,
/// stored bytes reused without recompressing (a zip bomb of 2,100 one-MiB parts costs one compression).</summary>
internal static class RawZip
{
    private const uint LocalSignature = 0x04034b50, CentralSignature = 0x02014b50, EndSignature = 0x06054b50;
    private const ushort DosDate1980 = 0x21; // 1980-01-01, as the workbook writer stamps every entry

    public static List<ZipPart> Read(byte[] zip) => Read(zip, out _, out _);

    /// <summary>The parts in central-directory order, where each lies, and where the end-of-central-directory record starts.</summary>
    public static List<ZipPart> Read(byte[] zip, out List<ZipRegions> regions, out int endRecord)
    {
        ReadOnlySpan<byte> bytes = zip;
        endRecord = -1;
        for (int i = bytes.Length - 22; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(bytes[i..]) == EndSignature) { endRecord = i; break; }
        }
        if (endRecord < 0) throw new InvalidDataException("No end of central directory record.");
        int count = BinaryPrimitives.ReadUInt16LittleEndian(bytes[(endRecord + 10)..]);
        int central = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes[(endRecord + 16)..]);
        var parts = new List<ZipPart>(count);
        regions = new List<ZipRegions>(count);
        for (int e = 0; e < count; e++)
        {
            var record = bytes[central..];
            if (BinaryPrimitives.ReadUInt32LittleEndian(record) != CentralSignature) throw new InvalidDataException("Bad central directory record.");
            ushort method = BinaryPrimitives.ReadUInt16LittleEndian(record[10..]);
            uint crc = BinaryPrimitives.ReadUInt32LittleEndian(record[16..]);
            int compressed = (int)BinaryPrimitives.ReadUInt32LittleEndian(record[20..]);
            long size = BinaryPrimitives.ReadUInt32LittleEndian(record[24..]);
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(record[28..]);
            int extra = BinaryPrimitives.ReadUInt16LittleEndian(record[30..]) + BinaryPrimitives.ReadUInt16LittleEndian(record[32..]);
            int local = (int)BinaryPrimitives.ReadUInt32LittleEndian(record[42..]);
            string name = System.Text.Encoding.UTF8.GetString(record.Slice(46, nameLength));
            int localName = BinaryPrimitives.ReadUInt16LittleEndian(bytes[(local + 26)..]);
            int localExtra = BinaryPrimitives.ReadUInt16LittleEndian(bytes[(local + 28)..]);
            int data = local + 30 + localName + localExtra;
            parts.Add(new ZipPart(name, method, crc, size, bytes.Slice(data, compressed).ToArray()));
            int centralEnd = central + 46 + nameLength + extra;
            regions.Add(new ZipRegions(name, local, data, data + compressed, central, centralEnd));
            central = centralEnd;
        }
        return parts;
    }

    /// <summary>A zip file of the parts in order; each local header and central record repeats the part's fields as given.</summary>
    public static byte[] Write(IEnumerable<ZipPart> parts)
    {
        using var output = new MemoryStream();
        var centrals = new List<(ZipPart Part, int Offset, byte[] Name)>();
        Span<byte> header = stackalloc byte[46];
        foreach (var part in parts)
        {
            byte[] name = System.Text.Encoding.UTF8.GetBytes(part.Name);
            centrals.Add((part, (int)output.Position, name));
            header.Clear();
            BinaryPrimitives.WriteUInt32LittleEndian(header, LocalSignature);
            WriteCommonFields(header[4..], part, name.Length);
            output.Write(header[..30]);
            output.Write(name);
            output.Write(part.Stored);
        }
        int central = (int)output.Position;
        foreach (var (part, offset, name) in centrals)
        {
            header.Clear();
            BinaryPrimitives.WriteUInt32LittleEndian(header, CentralSignature);
            BinaryPrimitives.WriteUInt16LittleEndian(header[4..], 20); // version made by
            WriteCommonFields(header[6..], part, name.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(header[42..], (uint)offset);
            output.Write(header);
            output.Write(name);
        }
        int end = (int)output.Position;
        header.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(header, EndSignature);
        BinaryPrimitives.WriteUInt16LittleEndian(header[8..], (ushort)centrals.Count);
        BinaryPrimitives.WriteUInt16LittleEndian(header[10..], (ushort)centrals.Count);
        BinaryPrimitives.WriteUInt32LittleEndian(header[12..], (uint)(end - central));
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], (uint)central);
        output.Write(header[..22]);
        return output.ToArray();
    }

    /// <summary>The fields a local header and a central record share, in the same order (APPNOTE 4.3.7 and 4.3.12):
    /// version needed, flags, method, time, date, CRC-32, compressed and uncompressed sizes, name length.</summary>
    private static void WriteCommonFields(Span<byte> fields, ZipPart part, int nameLength)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(fields, 20);
        BinaryPrimitives.WriteUInt16LittleEndian(fields[4..], part.Method);
        BinaryPrimitives.WriteUInt16LittleEndian(fields[8..], DosDate1980);
        BinaryPrimitives.WriteUInt32LittleEndian(fields[10..], part.Crc);
        BinaryPrimitives.WriteUInt32LittleEndian(fields[14..], (uint)part.Stored.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(fields[18..], (uint)part.UncompressedSize);
        BinaryPrimitives.WriteUInt16LittleEndian(fields[22..], (ushort)nameLength);
    }

    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        uint c = (uint)n;
        for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        return c;
    }).ToArray();

    /// <summary>CRC-32 as zip stores it (ISO 3309, reflected polynomial 0xEDB88320).</summary>
    public static uint Crc32(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFFu;
        foreach (byte b in data) crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return ~crc;
    }
}
