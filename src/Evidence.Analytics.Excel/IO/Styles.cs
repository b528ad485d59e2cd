using DocumentFormat.OpenXml.Spreadsheet;
using System.Xml;

namespace Evidence.Analytics.Excel.IO;

/// <summary>The cell styles every workbook we write can use; the value is the index into the styles part's cellXfs.</summary>
internal enum CellStyle
{
    /// <summary>General.</summary>
    Default = 0,
    /// <summary>A bold header with a grey fill and a bottom border, wrapped.</summary>
    Header,
    /// <summary>Text that starts like a formula (=, +, -, @): marked with a quote prefix so Excel keeps it text when edited.</summary>
    LiteralText,
    /// <summary>A whole number with thousands separators (#,##0).</summary>
    Count,
    /// <summary>A percentage without decimals (0%).</summary>
    Percent,
    /// <summary>A number with up to three decimals (0.###).</summary>
    Decimal,
    /// <summary>A link: blue and underlined, wrapped.</summary>
    Hyperlink,
    /// <summary>A sheet title: bold, 14 pt.</summary>
    Title,
    /// <summary>Wrapped text aligned to the top.</summary>
    Wrapped,
    /// <summary>An evidence-map gap: italic grey text on a pale fill, centred.</summary>
    Gap,
    /// <summary>A bold count (#,##0), for totals.</summary>
    CountBold,
    /// <summary>Bold text.</summary>
    Bold,
    /// <summary>An italic grey note.</summary>
    Note,
    /// <summary>A whole number, centred (map cells).</summary>
    CountCentred,
    /// <summary>A year or identifier number without separators (0).</summary>
    Integer,
    /// <summary>A bold header, not wrapped, left-aligned (section headings).</summary>
    Heading,
    /// <summary>A bold whole number, centred (map totals).</summary>
    CountBoldCentred,
    /// <summary>Text centred, not wrapped (an interval beside a count, which must not run into it).</summary>
    TextCentred,
    /// <summary>A sheet title that wraps (a review's title across merged cells): bold, 14 pt.</summary>
    TitleWrapped,
}

/// <summary>Writes the styles part: fonts, fills, borders and the cell formats of <see cref="CellStyle"/>.</summary>
internal static class StylesPartWriter
{
    private const uint DecimalFormat = 164;

    public static void Write(XmlWriter xml) => Build().WriteTo(xml);

    private static Stylesheet Build()
    {
        var fonts = new Fonts(
            Font(),                                    // 0 regular
            Font(bold: true),                          // 1 bold
            Font(color: "FF0563C1", underline: true),  // 2 hyperlink
            Font(bold: true, size: 14),                // 3 title
            Font(italic: true, color: "FF7F7F7F"))     // 4 note
        { Count = 5 };
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            SolidFill("FFD9E1F2"),                     // 2 header
            SolidFill("FFF2F2F2"))                     // 3 gap
        { Count = 4 };
        var borders = new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(),
                new BottomBorder(new Color { Rgb = "FF8EA9DB" }) { Style = BorderStyleValues.Thin }, new DiagonalBorder()))
        { Count = 2 };

        // Order matters: the index of each CellFormat is the CellStyle value.
        CellFormat[] formats =
        [
            Format(),                                                                        // Default
            Format(font: 1, fill: 2, border: 1, alignment: new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }), // Header
            WithQuotePrefix(Format()),                                                       // LiteralText
            Format(numberFormat: 3),                                                         // Count
            Format(numberFormat: 9),                                                         // Percent
            Format(numberFormat: DecimalFormat),                                             // Decimal
            Format(font: 2, alignment: new Alignment { WrapText = true }),                   // Hyperlink
            Format(font: 3),                                                                 // Title
            Format(alignment: new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }), // Wrapped
            Format(font: 4, fill: 3, alignment: new Alignment { Horizontal = HorizontalAlignmentValues.Center }), // Gap
            Format(numberFormat: 3, font: 1),                                                // CountBold
            Format(font: 1),                                                                 // Bold
            Format(font: 4, alignment: new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }), // Note
            Format(numberFormat: 3, alignment: new Alignment { Horizontal = HorizontalAlignmentValues.Center }), // CountCentred
            Format(numberFormat: 1),                                                         // Integer
            Format(font: 1, fill: 2, border: 1),                                             // Heading
            Format(numberFormat: 3, font: 1, alignment: new Alignment { Horizontal = HorizontalAlignmentValues.Center }), // CountBoldCentred
            Format(alignment: new Alignment { Horizontal = HorizontalAlignmentValues.Center }),  // TextCentred
            Format(font: 3, alignment: new Alignment { WrapText = true }),                   // TitleWrapped
        ];

        return new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = DecimalFormat, FormatCode = "0.###" }) { Count = 1 },
            fonts,
            fills,
            borders,
            // The Normal style sits at the top too: LibreOffice gives a cell without a style the Normal style's
            // alignment, not that of the first cell format.
            new CellStyleFormats(new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top })
                { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, ApplyAlignment = true }) { Count = 1 },
            new CellFormats(formats) { Count = (uint)formats.Length },
            new CellStyles(new DocumentFormat.OpenXml.Spreadsheet.CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 },
            new DifferentialFormats { Count = 0 },
            new TableStyles { Count = 0, DefaultTableStyle = "TableStyleMedium2", DefaultPivotStyle = "PivotStyleLight16" });
    }

    private static Font Font(bool bold = false, bool italic = false, bool underline = false, double size = 11, string? color = null)
    {
        var font = new Font();
        if (bold) font.Append(new Bold());
        if (italic) font.Append(new Italic());
        if (underline) font.Append(new Underline());
        font.Append(new FontSize { Val = size });
        font.Append(color is null ? new Color { Theme = 1 } : new Color { Rgb = color });
        font.Append(new FontName { Val = "Calibri" });
        font.Append(new FontFamilyNumbering { Val = 2 });
        font.Append(new FontScheme { Val = FontSchemeValues.Minor });
        return font;
    }

    private static CellFormat WithQuotePrefix(CellFormat format)
    {
        format.QuotePrefix = true;
        return format;
    }

    private static Fill SolidFill(string rgb) =>
        new(new PatternFill(new ForegroundColor { Rgb = rgb }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid });

    private static CellFormat Format(uint numberFormat = 0, uint font = 0, uint fill = 0, uint border = 0, Alignment? alignment = null)
    {
        var format = new CellFormat { NumberFormatId = numberFormat, FontId = font, FillId = fill, BorderId = border, FormatId = 0 };
        if (numberFormat != 0) format.ApplyNumberFormat = true;
        if (font != 0) format.ApplyFont = true;
        if (fill != 0) format.ApplyFill = true;
        if (border != 0) format.ApplyBorder = true;
        // Every cell sits at the top of its row: in a row made tall by a wrapped cell, a label or number beside it then
        // lines up with the text's first line instead of its last (README: each description beside its column).
        alignment ??= new Alignment();
        alignment.Vertical ??= VerticalAlignmentValues.Top;
        format.ApplyAlignment = true;
        format.Append(alignment);
        return format;
    }
}

/// <summary>What the row-height estimate needs to know about a cell style.</summary>
internal static class CellStyleFacts
{
    /// <summary>Whether the style wraps text onto several lines.</summary>
    public static bool Wraps(this CellStyle style) => style is CellStyle.Header or CellStyle.Wrapped or CellStyle.Note or CellStyle.Hyperlink or CellStyle.TitleWrapped;

    /// <summary>The style's font size relative to the workbook's 11 pt.</summary>
    public static double RelativeSize(this CellStyle style) => style is CellStyle.Title or CellStyle.TitleWrapped ? 14.0 / 11 : 1;

    /// <summary>Whether the style's font is bold (wider).</summary>
    public static bool IsBold(this CellStyle style) =>
        style is CellStyle.Header or CellStyle.Title or CellStyle.TitleWrapped or CellStyle.CountBold or CellStyle.Bold or CellStyle.Heading or CellStyle.CountBoldCentred;
}
