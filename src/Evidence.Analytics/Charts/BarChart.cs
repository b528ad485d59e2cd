using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Evidence.Analytics;

/// <summary>A horizontal bar chart of counts per category, optionally stacked by series (designs by intervention type),
/// with every count printed.</summary>
/// <remarks>Bars are horizontal so long category labels stay readable (wrapped, never rotated). Stacked segments differ
/// in colour and pattern and are named in a legend; each segment's count is printed inside it when it fits, and
/// every bar's total is printed at its end. Create one with the factories in <see cref="EvidenceCharts"/>.</remarks>
public sealed class BarChart : Chart
{
    private readonly ImmutableArray<ImmutableArray<int>> _values;

    internal BarChart(string title, string? subtitle, string valueLabel, IEnumerable<string> series,
        IEnumerable<(string Category, int[] Values)> bars, bool sort, string? note, ChartOptions? options)
        : base(title, options ?? ChartOptions.Default)
    {
        Series = [.. series];
        var rows = bars.ToList();
        foreach (var (category, values) in rows)
        {
            if (values.Length != Series.Length)
                throw new ArgumentException($"Bar '{category}' has {values.Length} values for {Series.Length} series.", nameof(bars));
            if (values.Any(v => v < 0))
                throw new ArgumentException($"Bar '{category}' has a negative count.", nameof(bars));
        }
        if (sort)
            rows = [.. rows.Select((row, index) => (row, index)).OrderByDescending(p => p.row.Values.Sum()).ThenBy(p => p.index).Select(p => p.row)];
        Categories = [.. rows.Select(r => r.Category)];
        _values = [.. rows.Select(r => r.Values.ToImmutableArray())];
        Subtitle = subtitle;
        ValueLabel = valueLabel;
        Note = note;
    }

    /// <summary>The categories, one bar each, top to bottom.</summary>
    public ImmutableArray<string> Categories { get; }

    /// <summary>The series stacked in each bar, left to right (one unnamed series for a simple bar chart).</summary>
    public ImmutableArray<string> Series { get; }

    /// <summary>The subtitle under the title, or null.</summary>
    public string? Subtitle { get; }

    /// <summary>What the counts count ("Studies", "Interventions"), the axis title.</summary>
    public string ValueLabel { get; }

    /// <summary>A note under the chart (a caveat about counting), or null.</summary>
    public string? Note { get; }

    /// <summary>The count of a category in a series.</summary>
    public int Value(int category, int series) => _values[category][series];

    /// <summary>The total of a category over its series (the bar's length).</summary>
    public int Total(int category) => _values[category].Sum();

    /// <inheritdoc />
    public override string Description
    {
        get
        {
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"Bar chart of {ValueLabel.ToLowerInvariant()} per category");
            if (Series.Length > 1) text.Append(CultureInfo.InvariantCulture, $", stacked by {string.Join(", ", Series)}");
            text.Append(": ");
            text.AppendJoin("; ", Categories.Select((c, i) => Series.Length > 1
                ? string.Create(CultureInfo.InvariantCulture, $"{c} {Total(i)} ({string.Join(", ", Series.Select((s, j) => $"{s} {Value(i, j)}"))})")
                : string.Create(CultureInfo.InvariantCulture, $"{c} {Total(i)}")));
            text.Append('.');
            if (Note is not null) text.Append(' ').Append(Note);
            return text.ToString();
        }
    }

    private protected override string Kind => "bars";

    private protected override (double Width, double Height) Render(SvgBuilder svg, double width)
    {
        double margin = Options.Margin, size = Options.FontSize;
        double y = DrawHeading(svg, width, Subtitle);
        bool stacked = Series.Length > 1;
        if (stacked)
        {
            var items = Series.Select((s, i) => LegendItem.Swatch(svg, s, Palette.SeriesAt(i))).ToList();
            y += Legend.Draw(svg.Body, margin, y, width - 2 * margin, items, size) + size;
        }

        var labelStyle = new TextStyle(size, Anchor.End);
        double labelMax = Math.Min((width - 2 * margin) * 0.38, Categories.Select(c => TextMetrics.Width(c, size)).DefaultIfEmpty(0).Max());
        var labels = Categories.Select(c => TextMetrics.Wrap(c, labelMax, size, maxLines: 3)).ToList();
        double labelWidth = labels.Select(l => SvgBuilder.BlockWidth(l, size)).DefaultIfEmpty(0).Max();

        int maxTotal = Enumerable.Range(0, Categories.Length).Select(Total).DefaultIfEmpty(0).Max();
        var ticks = LinearScale.NiceTicks(0, Math.Max(1, maxTotal), 6, integers: true);
        double totalRoom = TextMetrics.Width(maxTotal.ToString(CultureInfo.InvariantCulture), size, bold: true) + 8;
        double plotLeft = margin + labelWidth + 10, plotRight = width - margin - totalRoom;
        var x = new LinearScale(0, ticks[^1], plotLeft, plotRight);

        double rowHeight = Math.Max(26, labels.Select(l => SvgBuilder.BlockHeight(l.Count, size) + 8).DefaultIfEmpty(0).Max());
        double barHeight = Math.Min(20, rowHeight - 8);
        double plotTop = y, plotBottom = y + rowHeight * Categories.Length;

        var grid = SvgBuilder.Group(svg.Body, "grid");
        foreach (double tick in ticks)
            SvgBuilder.Add(grid, "line", ("x1", x[tick]), ("x2", x[tick]), ("y1", plotTop), ("y2", plotBottom), ("stroke", Palette.Grid), ("stroke-width", 1));

        var bars = SvgBuilder.Group(svg.Body, "bars");
        for (int i = 0; i < Categories.Length; i++)
        {
            double rowTop = plotTop + i * rowHeight, centre = rowTop + rowHeight / 2;
            var row = SvgBuilder.Group(bars, "bar", ("data-category", Categories[i]), ("data-total", Total(i)));
            SvgBuilder.Lines(row, plotLeft - 10, centre - SvgBuilder.BlockHeight(labels[i].Count, size) / 2, labels[i], labelStyle, "category-label");
            double start = 0;
            for (int s = 0; s < Series.Length; s++)
            {
                int value = Value(i, s);
                if (value == 0) continue;
                double x0 = x[start], x1 = x[start + value];
                var style = stacked ? Palette.SeriesAt(s) : new SeriesStyle(Palette.Blue);
                var rect = SvgBuilder.Add(row, "rect", ("class", "bar-segment"), ("x", x0), ("y", centre - barHeight / 2), ("width", x1 - x0), ("height", barHeight),
                    ("fill", svg.Fill(style)), ("stroke", "#ffffff"), ("stroke-width", stacked ? 1 : 0), ("data-series", stacked ? Series[s] : null), ("data-value", value));
                SvgBuilder.Tooltip(rect, stacked
                    ? string.Create(CultureInfo.InvariantCulture, $"{Categories[i]}, {Series[s]}: {value}")
                    : string.Create(CultureInfo.InvariantCulture, $"{Categories[i]}: {value}"));
                string text = value.ToString(CultureInfo.InvariantCulture);
                if (stacked && x1 - x0 >= TextMetrics.Width(text, size * 0.9) + 6)
                    SvgBuilder.Halo(SvgBuilder.Text(row, (x0 + x1) / 2, centre + 0.35 * size * 0.9, text, new TextStyle(size * 0.9, Anchor.Middle), "segment-label"));
                start += value;
            }
            SvgBuilder.Text(row, x[start] + 5, centre + 0.35 * size, Total(i).ToString(CultureInfo.InvariantCulture), new TextStyle(size, Bold: true), "value-label");
        }

        var axis = SvgBuilder.Group(svg.Body, "axis");
        SvgBuilder.Add(axis, "line", ("x1", plotLeft), ("x2", plotRight), ("y1", plotBottom), ("y2", plotBottom), ("stroke", Palette.Ink), ("stroke-width", 1));
        var tickStyle = new TextStyle(size * 0.9, Anchor.Middle, Fill: Palette.Muted);
        foreach (double tick in ticks)
        {
            SvgBuilder.Add(axis, "line", ("x1", x[tick]), ("x2", x[tick]), ("y1", plotBottom), ("y2", plotBottom + 4), ("stroke", Palette.Ink), ("stroke-width", 1));
            SvgBuilder.Text(axis, x[tick], SvgBuilder.Baseline(plotBottom + 5, tickStyle.Size), tick.ToString("0.##", CultureInfo.InvariantCulture), tickStyle, "tick-label");
        }
        double axisTitleTop = plotBottom + 6 + SvgBuilder.BlockHeight(1, tickStyle.Size);
        SvgBuilder.Text(axis, (plotLeft + plotRight) / 2, SvgBuilder.Baseline(axisTitleTop, size), ValueLabel, new TextStyle(size, Anchor.Middle), "axis-title");
        y = axisTitleTop + SvgBuilder.BlockHeight(1, size) + size * 0.5;
        if (Note is not null) y = DrawNote(svg, width, y, Note) + 4;
        return (width, y + margin);
    }
}
