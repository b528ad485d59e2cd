using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Evidence.Analytics.Excel.IO;

/// <summary>The zip container of an .xlsx file: parts written one after another, each with its content type, and the
/// <c>[Content_Types].xml</c> written last.</summary>
/// <remarks>We write the zip ourselves rather than through System.IO.Packaging, which stamps every entry with the current
/// time: here every entry carries the same fixed timestamp and parts are written in a fixed order, so the same workbook
/// always has the same bytes.</remarks>
internal sealed class XlsxPackage : IDisposable
{
    /// <summary>The timestamp of every zip entry: the earliest a zip's DOS date can hold.</summary>
    private static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(false),
        Indent = false,
        NewLineHandling = NewLineHandling.None,
        CloseOutput = false,
        // Text is cleaned by XlsxText before it gets here; skipping the check saves time on large sheets.
        CheckCharacters = false,
    };

    private readonly ZipArchive _zip;
    private readonly SortedDictionary<string, string> _overrides = new(StringComparer.Ordinal);
    private readonly CompressionLevel _compression;

    public XlsxPackage(Stream output, CompressionLevel compression = CompressionLevel.Fastest)
    {
        _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        _compression = compression;
    }

    /// <summary>Writes one part.</summary>
    /// <param name="partName">The part's path inside the package, without a leading slash ("xl/workbook.xml").</param>
    /// <param name="contentType">The part's content type, or null for relationship parts (covered by a default).</param>
    /// <param name="write">Writes the part's XML, from the root element on.</param>
    public void WritePart(string partName, string? contentType, Action<XmlWriter> write) =>
        WritePart(partName, contentType, (xml, _) => write(xml));

    /// <summary>Writes one part, given the stream under its XML writer too, for bytes written past the writer.</summary>
    /// <param name="partName">The part's path inside the package, without a leading slash ("xl/workbook.xml").</param>
    /// <param name="contentType">The part's content type, or null for relationship parts (covered by a default).</param>
    /// <param name="write">Writes the part's XML, from the root element on.</param>
    public void WritePart(string partName, string? contentType, Action<XmlWriter, PartOutput> write)
    {
        if (contentType is not null) _overrides.Add("/" + partName, contentType);
        var entry = _zip.CreateEntry(partName, _compression);
        entry.LastWriteTime = EntryTime;
        using var stream = entry.Open();
        using var buffered = new BufferedStream(stream, 1 << 16);
        var output = new PartOutput(buffered);
        using (var xml = XmlWriter.Create(output, Settings))
        {
            xml.WriteStartDocument(standalone: true);
            write(xml, output);
            xml.WriteEndDocument();
        }
    }

    /// <summary>Writes the relationships part of a source part ("xl/workbook.xml" → "xl/_rels/workbook.xml.rels";
    /// "" → "_rels/.rels").</summary>
    public void WriteRelationships(string sourcePartName, IReadOnlyList<PartRelationship> relationships)
    {
        if (relationships.Count == 0) return;
        int slash = sourcePartName.LastIndexOf('/');
        string relsName = slash < 0
            ? $"_rels/{sourcePartName}.rels"
            : $"{sourcePartName[..slash]}/_rels/{sourcePartName[(slash + 1)..]}.rels";
        WritePart(relsName, null, xml =>
        {
            xml.WriteStartElement("Relationships", Namespaces.PackageRelationships);
            foreach (var relationship in relationships)
            {
                xml.WriteStartElement("Relationship", Namespaces.PackageRelationships);
                xml.WriteAttributeString("Id", relationship.Id);
                xml.WriteAttributeString("Type", relationship.Type);
                xml.WriteAttributeString("Target", relationship.Target);
                if (relationship.External) xml.WriteAttributeString("TargetMode", "External");
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        });
    }

    /// <summary>Writes <c>[Content_Types].xml</c> and closes the zip.</summary>
    public void Finish()
    {
        var entry = _zip.CreateEntry("[Content_Types].xml", _compression);
        entry.LastWriteTime = EntryTime;
        using (var stream = entry.Open())
        using (var xml = XmlWriter.Create(stream, Settings))
        {
            xml.WriteStartDocument(standalone: true);
            xml.WriteStartElement("Types", Namespaces.ContentTypes);
            Default(xml, "rels", "application/vnd.openxmlformats-package.relationships+xml");
            Default(xml, "xml", "application/xml");
            foreach (var (partName, contentType) in _overrides)
            {
                xml.WriteStartElement("Override", Namespaces.ContentTypes);
                xml.WriteAttributeString("PartName", partName);
                xml.WriteAttributeString("ContentType", contentType);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        _zip.Dispose();
    }

    private static void Default(XmlWriter xml, string extension, string contentType)
    {
        xml.WriteStartElement("Default", Namespaces.ContentTypes);
        xml.WriteAttributeString("Extension", extension);
        xml.WriteAttributeString("ContentType", contentType);
        xml.WriteEndElement();
    }

    public void Dispose() => _zip.Dispose();
}

/// <summary>The stream a part's XML writer writes to, which bytes may also be written to directly once the writer has
/// handed on what it holds (<see cref="HandOn"/>).</summary>
/// <remarks>Handing on does not flush the compressor below, which would end a deflate block early and change the
/// part's compressed bytes: a part is compressed the same however it was written.</remarks>
internal sealed class PartOutput(Stream inner) : Stream
{
    private bool _handingOn;

    /// <summary>Writes out what <paramref name="xml"/> holds, so that bytes written next follow it.</summary>
    public void HandOn(XmlWriter xml)
    {
        _handingOn = true;
        try
        {
            xml.Flush();
        }
        finally
        {
            _handingOn = false;
        }
    }

    public override void Flush()
    {
        if (!_handingOn) inner.Flush();
    }

    public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(buffer);

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}

/// <summary>A relationship from one part to another part or to an external address.</summary>
internal sealed record PartRelationship(string Id, string Type, string Target, bool External = false);

/// <summary>The namespaces, relationship types and content types of SpreadsheetML (ECMA-376 Part 1).</summary>
internal static class Namespaces
{
    public const string ContentTypes = "http://schemas.openxmlformats.org/package/2006/content-types";
    public const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    public const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    public const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    public const string CoreProperties = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
    public const string DublinCore = "http://purl.org/dc/elements/1.1/";
    public const string DublinCoreTerms = "http://purl.org/dc/terms/";
    public const string ExtendedProperties = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties";

    public const string OfficeDocumentRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
    public const string CorePropertiesRel = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";
    public const string ExtendedPropertiesRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties";
    public const string WorksheetRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
    public const string StylesRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
    public const string SharedStringsRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings";
    public const string HyperlinkRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";
    public const string TableRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table";
    public const string DrawingRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
    public const string ChartRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";

    public const string WorkbookType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    public const string WorksheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
    public const string StylesType = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
    public const string SharedStringsType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml";
    public const string TableType = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";
    public const string DrawingType = "application/vnd.openxmlformats-officedocument.drawing+xml";
    public const string ChartType = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
    public const string CorePropertiesType = "application/vnd.openxmlformats-package.core-properties+xml";
    public const string ExtendedPropertiesType = "application/vnd.openxmlformats-officedocument.extended-properties+xml";
}
