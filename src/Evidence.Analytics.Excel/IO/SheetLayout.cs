namespace Evidence.Analytics.Excel.IO;

/// <summary>How a worksheet is laid out on screen and on paper.</summary>
/// <param name="ColumnWidths">Column widths in characters, from column A; null leaves Excel's default.</param>
/// <param name="FrozenRows">Rows kept in view when scrolling (1 freezes the header row).</param>
/// <param name="Landscape">Print in landscape, fitted to one page wide.</param>
/// <param name="TabColor">The sheet tab's colour (ARGB hex), or null.</param>
/// <param name="ShowGridLines">Whether the sheet shows grid lines.</param>
/// <param name="PrintTitleRows">Rows repeated at the top of every printed page (1 repeats the header), or 0.</param>
internal sealed record SheetLayout(
    IReadOnlyList<double>? ColumnWidths = null,
    int FrozenRows = 0,
    bool Landscape = true,
    string? TabColor = null,
    bool ShowGridLines = true,
    int PrintTitleRows = 0)
{
    /// <summary>A data table: header row frozen and repeated on every printed page.</summary>
    public static SheetLayout Table(IReadOnlyList<double> widths) => new(widths, FrozenRows: 1, PrintTitleRows: 1);

    /// <summary>A text page (README, Methods): no grid lines.</summary>
    public static SheetLayout Page(IReadOnlyList<double> widths) => new(widths, ShowGridLines: false);
}
