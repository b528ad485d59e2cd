using Evidence.Analytics.Excel.IO;

namespace Evidence.Analytics.Excel.Summary;

/// <summary>The Charts sheet: the numbers behind each chart on the left, native (editable) Excel charts of them on the right.</summary>
/// <remarks>Printed, each table and its chart stay on one page; the error-bar columns the share chart reads (to the
/// lower and upper limit) are hidden.</remarks>
internal static class ChartsSheet
{
    // A: labels, B: values, C–D: hidden error-bar helpers, E: gap, F–H: counts and interval, I: gap, J–R: the share chart.
    private static readonly double[] Widths = [30, 10, 9, 9, 2, 10, 10, 13, 2, 8, 8, 8, 8, 8, 8, 8, 8, 8];
    private static readonly int[] HiddenColumns = [2, 3];

    public const string Name = "Charts";
    private const string Blue = "2E75B6";
    private const string Orange = "E69F00";
    private const string Green = "009E73";

    public static void Write(XlsxDocument document, SummaryFigures figures) =>
        document.AddSheet(Name, new SheetLayout(Widths, HiddenColumns: HiddenColumns), sheet =>
        {
            sheet.Row(24).Text("Charts", CellStyle.Title);
            sheet.Row().Text("Each chart is drawn from the table beside it; edit the chart in Excel like any other.", CellStyle.Note);
            sheet.Merge("A2:H2");
            sheet.Row();

            var types = Block(sheet, "Studies by intervention type", "Intervention type", figures.StudiesByType);
            sheet.Chart(new ChartSpec("Studies by intervention type", BarDirection.Bar, types.Categories,
                [new ChartSeries("Studies", types.Values, Blue)], "Studies"), 5, types.FirstRow - 2, 14, Math.Max(types.LastRow + 2, types.FirstRow + 14));
            int next = Math.Max(types.LastRow + 2, types.FirstRow + 14) + 1;
            while (sheet.RowNumber < next) sheet.Row();
            sheet.KeepTogether(types.FirstRow - 2, next - 1);

            var designs = Block(sheet, "Studies by design group", "Design group", figures.StudiesByDesignGroup);
            sheet.Chart(new ChartSpec("Studies by design group", BarDirection.Column, designs.Categories,
                [new ChartSeries("Studies", designs.Values, Orange)], "Studies"), 5, designs.FirstRow - 2, 14, designs.FirstRow + 14);
            next = designs.FirstRow + 16;
            while (sheet.RowNumber < next) sheet.Row();
            sheet.KeepTogether(designs.FirstRow - 2, next - 1);

            if (figures.ImprovedShares.Count > 0)
            {
                int title = sheet.RowNumber + 1;
                string denominator = figures.SharesDenominator;
                sheet.Row().Text($"Studies that reported improvement, as a share of the {denominator.ToLowerInvariant()}, by outcome domain", CellStyle.Bold);
                sheet.Row(30); // at least two lines; the writer makes it as tall as the wrapped denominator needs
                foreach (string header in (string[])["Outcome domain", "Share improved", "To lower", "To upper", "", "Studies improved", denominator, "95% CI"])
                    sheet.Text(header, CellStyle.Header);
                int first = sheet.RowNumber + 1;
                foreach (var share in figures.ImprovedShares)
                {
                    sheet.Row().Text(share.Label)
                        .Number(share.Proportion, CellStyle.Percent)
                        .Number(share.Proportion - share.Lower, CellStyle.Percent)
                        .Number(share.Upper - share.Proportion, CellStyle.Percent)
                        .Skip()
                        .Integer(share.Improved, CellStyle.CountCentred)
                        .Integer(share.Reporting, CellStyle.CountCentred)
                        .Text(share.Interval, CellStyle.TextCentred);
                }
                int last = sheet.RowNumber;
                var categories = new ChartData<string>(Range(0, first, last), figures.ImprovedShares.Select(s => s.Label).ToArray());
                var series = new ChartSeries("Share improved", new ChartData<double>(Range(1, first, last), figures.ImprovedShares.Select(s => s.Proportion).ToArray()), Green,
                    ErrorPlus: new ChartData<double>(Range(3, first, last), figures.ImprovedShares.Select(s => s.Upper - s.Proportion).ToArray()),
                    ErrorMinus: new ChartData<double>(Range(2, first, last), figures.ImprovedShares.Select(s => s.Proportion - s.Lower).ToArray()));
                sheet.Chart(new ChartSpec("Studies that reported improvement (95% CI)", BarDirection.Bar, categories, [series],
                    $"Share of the {denominator.ToLowerInvariant()}", NumberFormat: "0%", ValueAxisMaximum: 1), 9, first - 3, 18, Math.Max(last + 2, first + 14));
                while (sheet.RowNumber < Math.Max(last + 2, first + 14)) sheet.Row();
                sheet.KeepTogether(title, sheet.RowNumber);
            }
        });

    private sealed record BlockRange(int FirstRow, int LastRow, ChartData<string> Categories, ChartData<double> Values);

    private static BlockRange Block(WorksheetWriter sheet, string title, string header, IReadOnlyList<(string Label, int Studies)> counts)
    {
        sheet.Row().Text(title, CellStyle.Bold);
        sheet.Row().Text(header, CellStyle.Header).Text("Studies", CellStyle.Header);
        int first = sheet.RowNumber + 1;
        foreach (var (label, studies) in counts) sheet.Row().Text(label).Integer(studies);
        int last = Math.Max(sheet.RowNumber, first);
        return new BlockRange(first, last,
            new ChartData<string>(Range(0, first, last), counts.Select(c => c.Label).ToArray()),
            new ChartData<double>(Range(1, first, last), counts.Select(c => (double)c.Studies).ToArray()));
    }

    private static string Range(int column, int first, int last) =>
        $"{XlsxText.SheetReference(Name)}!{XlsxText.AbsoluteRange(column, first, column, last)}";
}
