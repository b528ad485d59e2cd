using System.Globalization;
using System.Xml;

namespace Evidence.Analytics.Excel.IO;

/// <summary>Writes a chart part (DrawingML chart, ECMA-376 Part 1 §21.2): a clustered bar or column chart with cached
/// values, so that the chart shows before any recalculation and stays editable in Excel.</summary>
internal static class ChartPartWriter
{
    private const string C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
    private const string A = "http://schemas.openxmlformats.org/drawingml/2006/main";
    private const string CategoryAxisId = "111111111";
    private const string ValueAxisId = "222222222";

    public static void Write(XmlWriter xml, ChartSpec chart)
    {
        xml.WriteStartElement("c", "chartSpace", C);
        xml.WriteAttributeString("xmlns", "a", null, A);
        xml.WriteAttributeString("xmlns", "r", null, Namespaces.Relationships);
        Val(xml, "roundedCorners", "0");
        xml.WriteStartElement("c", "chart", C);
        Title(xml, chart.Title, 1400);
        Val(xml, "autoTitleDeleted", "0");
        xml.WriteStartElement("c", "plotArea", C);
        xml.WriteElementString("c", "layout", C, null);

        xml.WriteStartElement("c", "barChart", C);
        Val(xml, "barDir", chart.Direction == BarDirection.Bar ? "bar" : "col");
        Val(xml, "grouping", "clustered");
        Val(xml, "varyColors", "0");
        for (int i = 0; i < chart.Series.Count; i++) Series(xml, chart, chart.Series[i], i);
        Val(xml, "gapWidth", "60");
        Val(xml, "axId", CategoryAxisId);
        Val(xml, "axId", ValueAxisId);
        xml.WriteEndElement();

        bool bars = chart.Direction == BarDirection.Bar;
        xml.WriteStartElement("c", "catAx", C);
        Val(xml, "axId", CategoryAxisId);
        xml.WriteStartElement("c", "scaling", C);
        // Horizontal bars list categories top to bottom in sheet order.
        Val(xml, "orientation", bars ? "maxMin" : "minMax");
        xml.WriteEndElement();
        Val(xml, "delete", "0");
        Val(xml, "axPos", bars ? "l" : "b");
        Val(xml, "majorTickMark", "none");
        Val(xml, "minorTickMark", "none");
        Val(xml, "tickLblPos", "nextTo");
        Val(xml, "crossAx", ValueAxisId);
        Val(xml, "crosses", "autoZero");
        Val(xml, "auto", "1");
        Val(xml, "lblAlgn", "ctr");
        Val(xml, "lblOffset", "100");
        Val(xml, "noMultiLvlLbl", "0");
        xml.WriteEndElement();

        xml.WriteStartElement("c", "valAx", C);
        Val(xml, "axId", ValueAxisId);
        xml.WriteStartElement("c", "scaling", C);
        Val(xml, "orientation", "minMax");
        if (chart.ValueAxisMaximum is { } max) Val(xml, "max", max.ToString("R", CultureInfo.InvariantCulture));
        Val(xml, "min", "0");
        xml.WriteEndElement();
        Val(xml, "delete", "0");
        Val(xml, "axPos", bars ? "b" : "l");
        xml.WriteStartElement("c", "majorGridlines", C);
        ShapeLine(xml, "D9D9D9");
        xml.WriteEndElement();
        Title(xml, chart.ValueAxisTitle, 1000);
        NumberFormat(xml, chart.NumberFormat);
        Val(xml, "majorTickMark", "out");
        Val(xml, "minorTickMark", "none");
        Val(xml, "tickLblPos", "nextTo");
        Val(xml, "crossAx", CategoryAxisId);
        // With categories reversed, the value axis crosses at the last category so that it sits at the bottom.
        Val(xml, "crosses", bars ? "max" : "autoZero");
        Val(xml, "crossBetween", "between");
        xml.WriteEndElement();
        xml.WriteEndElement(); // plotArea

        if (chart.Series.Count > 1)
        {
            xml.WriteStartElement("c", "legend", C);
            Val(xml, "legendPos", "b");
            Val(xml, "overlay", "0");
            xml.WriteEndElement();
        }
        // Hidden cells are plotted too: the error bars read columns hidden on the sheet.
        Val(xml, "plotVisOnly", "0");
        Val(xml, "dispBlanksAs", "gap");
        xml.WriteEndElement(); // chart
        xml.WriteEndElement(); // chartSpace
    }

    private static void Series(XmlWriter xml, ChartSpec chart, ChartSeries series, int index)
    {
        string i = index.ToString(CultureInfo.InvariantCulture);
        xml.WriteStartElement("c", "ser", C);
        Val(xml, "idx", i);
        Val(xml, "order", i);
        xml.WriteStartElement("c", "tx", C);
        xml.WriteElementString("c", "v", C, series.Name);
        xml.WriteEndElement();
        xml.WriteStartElement("c", "spPr", C);
        SolidFill(xml, series.Color);
        xml.WriteEndElement();
        Val(xml, "invertIfNegative", "0");
        if (chart.ShowValues)
        {
            xml.WriteStartElement("c", "dLbls", C);
            NumberFormat(xml, chart.NumberFormat);
            Val(xml, "showLegendKey", "0");
            Val(xml, "showVal", "1");
            Val(xml, "showCatName", "0");
            Val(xml, "showSerName", "0");
            Val(xml, "showPercent", "0");
            Val(xml, "showBubbleSize", "0");
            xml.WriteEndElement();
        }
        if (series.ErrorPlus is { } plus && series.ErrorMinus is { } minus)
        {
            xml.WriteStartElement("c", "errBars", C);
            Val(xml, "errBarType", "both");
            Val(xml, "errValType", "cust");
            Val(xml, "noEndCap", "0");
            xml.WriteStartElement("c", "plus", C);
            Numbers(xml, plus, chart.NumberFormat);
            xml.WriteEndElement();
            xml.WriteStartElement("c", "minus", C);
            Numbers(xml, minus, chart.NumberFormat);
            xml.WriteEndElement();
            xml.WriteStartElement("c", "spPr", C);
            xml.WriteStartElement("a", "ln", A);
            xml.WriteAttributeString("w", "12700");
            SolidFill(xml, "404040");
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteStartElement("c", "cat", C);
        xml.WriteStartElement("c", "strRef", C);
        xml.WriteElementString("c", "f", C, chart.Categories.Formula);
        xml.WriteStartElement("c", "strCache", C);
        Val(xml, "ptCount", chart.Categories.Values.Count.ToString(CultureInfo.InvariantCulture));
        for (int p = 0; p < chart.Categories.Values.Count; p++)
        {
            xml.WriteStartElement("c", "pt", C);
            xml.WriteAttributeString("idx", p.ToString(CultureInfo.InvariantCulture));
            xml.WriteElementString("c", "v", C, XlsxText.Escape(chart.Categories.Values[p]));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("c", "val", C);
        Numbers(xml, series.Values, chart.NumberFormat);
        xml.WriteEndElement();
        xml.WriteEndElement(); // ser
    }

    private static void Numbers(XmlWriter xml, ChartData<double> data, string format)
    {
        xml.WriteStartElement("c", "numRef", C);
        xml.WriteElementString("c", "f", C, data.Formula);
        xml.WriteStartElement("c", "numCache", C);
        xml.WriteElementString("c", "formatCode", C, format);
        Val(xml, "ptCount", data.Values.Count.ToString(CultureInfo.InvariantCulture));
        for (int p = 0; p < data.Values.Count; p++)
        {
            xml.WriteStartElement("c", "pt", C);
            xml.WriteAttributeString("idx", p.ToString(CultureInfo.InvariantCulture));
            xml.WriteElementString("c", "v", C, data.Values[p].ToString("R", CultureInfo.InvariantCulture));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Title(XmlWriter xml, string text, int size)
    {
        xml.WriteStartElement("c", "title", C);
        xml.WriteStartElement("c", "tx", C);
        xml.WriteStartElement("c", "rich", C);
        xml.WriteElementString("a", "bodyPr", A, null);
        xml.WriteStartElement("a", "p", A);
        xml.WriteStartElement("a", "pPr", A);
        xml.WriteStartElement("a", "defRPr", A);
        xml.WriteAttributeString("sz", size.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("b", "1");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("a", "r", A);
        xml.WriteStartElement("a", "rPr", A);
        xml.WriteAttributeString("lang", "en-GB");
        xml.WriteAttributeString("sz", size.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("b", "1");
        xml.WriteEndElement();
        xml.WriteElementString("a", "t", A, XlsxText.Escape(text));
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        Val(xml, "overlay", "0");
        xml.WriteEndElement();
    }

    private static void NumberFormat(XmlWriter xml, string format)
    {
        xml.WriteStartElement("c", "numFmt", C);
        xml.WriteAttributeString("formatCode", format);
        xml.WriteAttributeString("sourceLinked", "0");
        xml.WriteEndElement();
    }

    private static void SolidFill(XmlWriter xml, string rgb)
    {
        xml.WriteStartElement("a", "solidFill", A);
        xml.WriteStartElement("a", "srgbClr", A);
        xml.WriteAttributeString("val", rgb);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void ShapeLine(XmlWriter xml, string rgb)
    {
        xml.WriteStartElement("c", "spPr", C);
        xml.WriteStartElement("a", "ln", A);
        xml.WriteAttributeString("w", "6350");
        SolidFill(xml, rgb);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Val(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement("c", name, C);
        xml.WriteAttributeString("val", value);
        xml.WriteEndElement();
    }
}
