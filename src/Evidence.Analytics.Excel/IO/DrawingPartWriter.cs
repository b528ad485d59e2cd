using System.Globalization;
using System.Xml;

namespace Evidence.Analytics.Excel.IO;

/// <summary>Writes a worksheet's drawing part: one graphic frame per chart, anchored between two cells.</summary>
internal static class DrawingPartWriter
{
    private const string Xdr = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
    private const string A = "http://schemas.openxmlformats.org/drawingml/2006/main";
    private const string C = "http://schemas.openxmlformats.org/drawingml/2006/chart";

    /// <summary>Writes the drawing; chart <c>i</c> is the target of relationship <c>rId{i+1}</c>.</summary>
    public static void Write(XmlWriter xml, IReadOnlyList<ChartAnchor> anchors)
    {
        xml.WriteStartElement("xdr", "wsDr", Xdr);
        xml.WriteAttributeString("xmlns", "a", null, A);
        for (int i = 0; i < anchors.Count; i++)
        {
            var anchor = anchors[i];
            string number = (i + 1).ToString(CultureInfo.InvariantCulture);
            xml.WriteStartElement("xdr", "twoCellAnchor", Xdr);
            Marker(xml, "from", anchor.FromColumn, anchor.FromRow);
            Marker(xml, "to", anchor.ToColumn, anchor.ToRow);
            xml.WriteStartElement("xdr", "graphicFrame", Xdr);
            xml.WriteAttributeString("macro", "");
            xml.WriteStartElement("xdr", "nvGraphicFramePr", Xdr);
            xml.WriteStartElement("xdr", "cNvPr", Xdr);
            xml.WriteAttributeString("id", (i + 2).ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("name", "Chart " + number);
            xml.WriteEndElement();
            xml.WriteElementString("xdr", "cNvGraphicFramePr", Xdr, null);
            xml.WriteEndElement();
            xml.WriteStartElement("xdr", "xfrm", Xdr);
            xml.WriteStartElement("a", "off", A);
            xml.WriteAttributeString("x", "0");
            xml.WriteAttributeString("y", "0");
            xml.WriteEndElement();
            xml.WriteStartElement("a", "ext", A);
            xml.WriteAttributeString("cx", "0");
            xml.WriteAttributeString("cy", "0");
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteStartElement("a", "graphic", A);
            xml.WriteStartElement("a", "graphicData", A);
            xml.WriteAttributeString("uri", C);
            xml.WriteStartElement("c", "chart", C);
            xml.WriteAttributeString("xmlns", "r", null, Namespaces.Relationships);
            xml.WriteAttributeString("r", "id", Namespaces.Relationships, "rId" + number);
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement(); // graphicFrame
            xml.WriteElementString("xdr", "clientData", Xdr, null);
            xml.WriteEndElement(); // twoCellAnchor
        }
        xml.WriteEndElement();
    }

    private static void Marker(XmlWriter xml, string name, int column, int row)
    {
        xml.WriteStartElement("xdr", name, Xdr);
        xml.WriteElementString("xdr", "col", Xdr, column.ToString(CultureInfo.InvariantCulture));
        xml.WriteElementString("xdr", "colOff", Xdr, "0");
        xml.WriteElementString("xdr", "row", Xdr, row.ToString(CultureInfo.InvariantCulture));
        xml.WriteElementString("xdr", "rowOff", Xdr, "0");
        xml.WriteEndElement();
    }
}
