namespace Evidence.Analytics.Excel.IO;

/// <summary>How a worksheet is laid out on screen and on paper.</summary>
/// <remarks>Every sheet prints on A4, fitted to one page wide and as many pages long as it needs, with the sheet's
/// name and the page number in the footer. Widths are chosen so that fitting to the width keeps text readable (see
/// <see cref="PrintScale"/>).</remarks>
/// <param name="ColumnWidths">Column widths in characters, from column A; null leaves Excel's default.</param>
/// <param name="FrozenRows">Rows kept in view when scrolling (1 freezes the header row).</param>
/// <param name="Landscape">Print in landscape (otherwise portrait).</param>
/// <param name="TabColor">The sheet tab's colour (ARGB hex), or null.</param>
/// <param name="ShowGridLines">Whether the sheet shows grid lines.</param>
/// <param name="PrintTitleRows">Rows repeated at the top of every printed page (1 repeats the header), or 0.</param>
/// <param name="HiddenColumns">Zero-based columns hidden on screen and on paper (helper columns a chart reads).</param>
/// <param name="WrapText">Whether plain text cells wrap (data tables), each row then as tall as its tallest cell.</param>
internal sealed record SheetLayout(
    IReadOnlyList<double>? ColumnWidths = null,
    int FrozenRows = 0,
    bool Landscape = true,
    string? TabColor = null,
    bool ShowGridLines = true,
    int PrintTitleRows = 0,
    IReadOnlyList<int>? HiddenColumns = null,
    bool WrapText = false)
{
    /// <summary>Excel's default column width, in characters.</summary>
    public const double DefaultColumnWidth = 8.43;

    /// <summary>The left and right page margins, in inches.</summary>
    public const double SideMargin = 0.4;

    /// <summary>The top and bottom page margins, in inches (room for the footer).</summary>
    public const double EndMargin = 0.75;

    /// <summary>The header and footer margins, in inches.</summary>
    public const double FooterMargin = 0.3;

    /// <summary>The footer of every printed page: the sheet's name on the left, "Page 2 of 9" on the right, in 9 pt.</summary>
    public const string Footer = "&L&9&A&R&9Page &P of &N";

    private const double A4Short = 595.3, A4Long = 841.9;

    /// <summary>A data table: header row frozen and repeated on every printed page, text wrapped.</summary>
    public static SheetLayout Table(IReadOnlyList<double> widths) => new(widths, FrozenRows: 1, PrintTitleRows: 1, WrapText: true);

    /// <summary>A text page (README, Methods): no grid lines.</summary>
    public static SheetLayout Page(IReadOnlyList<double> widths) => new(widths, ShowGridLines: false);

    /// <summary>The width of a column in characters: 0 when hidden.</summary>
    public double ColumnWidth(int column) =>
        HiddenColumns?.Contains(column) == true ? 0
        : ColumnWidths is { } widths && column < widths.Count ? widths[column] : DefaultColumnWidth;

    /// <summary>The printable width of the page, in points.</summary>
    public double PrintableWidth => (Landscape ? A4Long : A4Short) - 2 * SideMargin * 72;

    /// <summary>The printable height of the page, in points.</summary>
    public double PrintableHeight => (Landscape ? A4Short : A4Long) - 2 * EndMargin * 72;

    /// <summary>The scale Excel prints columns 0 to <paramref name="columns"/> − 1 at when it fits them to the page's
    /// width (never above 1): a column of w characters is 7w + 5 pixels of a 96-dpi screen in the workbook's font.</summary>
    public double PrintScale(int columns)
    {
        double points = 0;
        for (int i = 0; i < columns; i++)
        {
            double width = ColumnWidth(i);
            if (width > 0) points += (7 * width + 5) * 0.75;
        }
        return points <= PrintableWidth ? 1 : PrintableWidth / points;
    }
}
