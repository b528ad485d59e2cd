using System.IO.Compression;
using System.Text;
using System.Xml;
using Evidence.Analytics.Excel.IO;
using Xunit;

namespace Evidence.Analytics.Tests.Excel;

/// <summary>A worksheet's rows are written to its part's stream as bytes, past the XML writer: the part must come out
/// byte for byte as when the writer wrote them, compressed bytes included, so that a workbook stays the same.</summary>
public sealed class PartOutputTests
{
    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), CloseOutput = false, CheckCharacters = false };

    private static readonly string Rows = string.Concat(Enumerable.Range(1, 20_000).Select(i => $"<row r=\"{i}\"><c t=\"s\"><v>{i % 97}</v></c></row>"));

    /// <summary>The part as a worksheet writes it: a start tag, the rows, the end tag, deflated as a package part is.</summary>
    private static byte[] Part(bool rowsAsBytes)
    {
        using var zipped = new MemoryStream();
        using (var deflate = new DeflateStream(zipped, CompressionLevel.Fastest, leaveOpen: true))
        using (var buffered = new BufferedStream(deflate, 1 << 16))
        {
            var output = new PartOutput(buffered);
            using var xml = XmlWriter.Create(output, Settings);
            xml.WriteStartElement("sheetData");
            if (rowsAsBytes)
            {
                xml.WriteRaw("");
                output.HandOn(xml);
                output.Write(Encoding.ASCII.GetBytes(Rows));
            }
            else
            {
                xml.WriteRaw(Rows);
            }
            xml.WriteEndElement();
        }
        return zipped.ToArray();
    }

    [Fact]
    public void RowsWrittenAsBytesGiveThePartTheWriterWouldHaveWritten()
    {
        byte[] asBytes = Part(rowsAsBytes: true);

        Assert.Equal(Part(rowsAsBytes: false), asBytes);
        using var inflate = new StreamReader(new DeflateStream(new MemoryStream(asBytes), CompressionMode.Decompress), Encoding.UTF8);
        Assert.Equal("<?xml version=\"1.0\" encoding=\"utf-8\"?><sheetData>" + Rows + "</sheetData>", inflate.ReadToEnd());
    }
}
