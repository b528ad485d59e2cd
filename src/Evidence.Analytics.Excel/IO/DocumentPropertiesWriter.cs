using System.Xml;

namespace Evidence.Analytics.Excel.IO;

/// <summary>Writes the core and extended document properties, deliberately without created/modified dates so that the
/// same input gives the same bytes.</summary>
internal static class DocumentPropertiesWriter
{
    public const string Application = "Evidence.Analytics";

    public static void Write(XlsxPackage package, string title)
    {
        package.WritePart("docProps/core.xml", Namespaces.CorePropertiesType, xml =>
        {
            xml.WriteStartElement("cp", "coreProperties", Namespaces.CoreProperties);
            xml.WriteAttributeString("xmlns", "dc", null, Namespaces.DublinCore);
            xml.WriteAttributeString("xmlns", "dcterms", null, Namespaces.DublinCoreTerms);
            xml.WriteElementString("dc", "title", Namespaces.DublinCore, XlsxText.Escape(title));
            xml.WriteElementString("dc", "creator", Namespaces.DublinCore, Application);
            xml.WriteEndElement();
        });
        package.WritePart("docProps/app.xml", Namespaces.ExtendedPropertiesType, xml =>
        {
            xml.WriteStartElement("Properties", Namespaces.ExtendedProperties);
            xml.WriteElementString("Application", Namespaces.ExtendedProperties, Application);
            xml.WriteEndElement();
        });
    }
}
