using System.Globalization;
using System.Xml;

namespace Evidence.Analytics.Excel.IO;

/// <summary>Writes a table part: an Excel table over a range, with autofilter and banded rows.</summary>
internal static class TablePartWriter
{
    public static void Write(XmlWriter xml, int id, string name, string range, IReadOnlyList<string> headers)
    {
        xml.WriteStartElement("table", Namespaces.Main);
        xml.WriteAttributeString("id", id.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("displayName", name);
        xml.WriteAttributeString("ref", range);
        xml.WriteAttributeString("totalsRowShown", "0");
        xml.WriteStartElement("autoFilter", Namespaces.Main);
        xml.WriteAttributeString("ref", range);
        xml.WriteEndElement();
        xml.WriteStartElement("tableColumns", Namespaces.Main);
        xml.WriteAttributeString("count", headers.Count.ToString(CultureInfo.InvariantCulture));
        for (int i = 0; i < headers.Count; i++)
        {
            xml.WriteStartElement("tableColumn", Namespaces.Main);
            xml.WriteAttributeString("id", (i + 1).ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("name", XlsxText.Escape(headers[i]));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteStartElement("tableStyleInfo", Namespaces.Main);
        xml.WriteAttributeString("name", "TableStyleMedium2");
        xml.WriteAttributeString("showFirstColumn", "0");
        xml.WriteAttributeString("showLastColumn", "0");
        xml.WriteAttributeString("showRowStripes", "1");
        xml.WriteAttributeString("showColumnStripes", "0");
        xml.WriteEndElement();
        xml.WriteEndElement();
    }
}
