namespace Evidence.Analytics.Excel.IO;

/// <summary>The direction of a bar chart's bars.</summary>
internal enum BarDirection
{
    /// <summary>Horizontal bars, categories listed top to bottom (long labels read well).</summary>
    Bar,
    /// <summary>Vertical columns.</summary>
    Column,
}

/// <summary>Cell values a chart refers to: the formula of their range and a cached copy for readers that do not recalculate.</summary>
internal sealed record ChartData<T>(string Formula, IReadOnlyList<T> Values);

/// <summary>One series of a bar chart, with optional custom error bars (plus and minus lengths).</summary>
internal sealed record ChartSeries(string Name, ChartData<double> Values, string Color,
    ChartData<double>? ErrorPlus = null, ChartData<double>? ErrorMinus = null);

/// <summary>A native Excel bar or column chart over cells of the workbook.</summary>
/// <param name="Title">The chart title.</param>
/// <param name="Direction">Bars or columns.</param>
/// <param name="Categories">The category labels.</param>
/// <param name="Series">The series (one colour each).</param>
/// <param name="ValueAxisTitle">The value axis title.</param>
/// <param name="NumberFormat">The value axis and data label number format ("0", "0%").</param>
/// <param name="ValueAxisMaximum">A fixed maximum of the value axis (1 for shares), or null.</param>
/// <param name="ShowValues">Whether to label each bar with its value.</param>
internal sealed record ChartSpec(string Title, BarDirection Direction, ChartData<string> Categories, IReadOnlyList<ChartSeries> Series,
    string ValueAxisTitle, string NumberFormat = "0", double? ValueAxisMaximum = null, bool ShowValues = true);

/// <summary>Where a chart sits: from the top-left corner of one cell to the top-left corner of another (zero-based).</summary>
internal sealed record ChartAnchor(int FromColumn, int FromRow, int ToColumn, int ToRow);
