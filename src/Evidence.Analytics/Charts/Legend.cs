using System.Globalization;
using System.Xml.Linq;

namespace Evidence.Analytics;

/// <summary>One legend entry: a swatch drawn by <see cref="Draw"/> in a square of side <see cref="Size"/>, and its label.</summary>
internal sealed record LegendItem(string Label, Action<XElement, Box> Draw, double Size = 12)
{
    /// <summary>A filled square in a series style.</summary>
    public static LegendItem Swatch(SvgBuilder svg, string label, SeriesStyle style) =>
        new(label, (parent, box) => SvgBuilder.Add(parent, "rect", ("x", box.X), ("y", box.Y), ("width", box.Width), ("height", box.Height),
            ("fill", svg.Fill(style)), ("stroke", Palette.Ink), ("stroke-width", 0.5)));

    /// <summary>A key to marks whose area is proportional to a number of studies: outlined circles for 1, a quarter, a
    /// half and all of <paramref name="max"/> studies (each once), the largest of radius <paramref name="maxRadius"/>.</summary>
    public static IReadOnlyList<LegendItem> AreaKey(int max, double maxRadius)
    {
        var keys = new SortedSet<int> { max };
        foreach (int k in (int[])[1, max / 4, max / 2]) if (k >= 1) keys.Add(k);
        return [.. keys.Select(k =>
        {
            double r = maxRadius * Math.Sqrt((double)k / max);
            return new LegendItem(string.Create(CultureInfo.InvariantCulture, $"{k} {(k == 1 ? "study" : "studies")}"), (parent, box) =>
                SvgBuilder.Add(parent, "circle", ("cx", box.X + box.Width / 2), ("cy", box.Y + box.Height / 2), ("r", r), ("fill", "none"), ("stroke", Palette.Ink), ("stroke-width", 0.75)),
                Math.Max(8, 2 * r));
        })];
    }
}

/// <summary>Lays legend entries out left to right, wrapping onto new rows when the width runs out.</summary>
internal static class Legend
{
    /// <summary>Draws the legend with its top-left corner at (<paramref name="x"/>, <paramref name="top"/>), at most
    /// <paramref name="maxWidth"/> wide; returns its height.</summary>
    public static double Draw(XElement parent, double x, double top, double maxWidth, IReadOnlyList<LegendItem> items, double fontSize, string? heading = null)
    {
        var group = SvgBuilder.Group(parent, "legend");
        var style = new TextStyle(fontSize);
        double cursorX = x, rowTop = top, rowHeight = 0;
        if (heading is not null)
        {
            var headingStyle = style with { Bold = true };
            SvgBuilder.Text(group, cursorX, SvgBuilder.Baseline(rowTop, fontSize), heading, headingStyle, "legend-heading");
            cursorX += TextMetrics.Width(heading, fontSize, bold: true) + 10;
            rowHeight = fontSize * TextMetrics.LineHeight;
        }
        foreach (var item in items)
        {
            double labelWidth = TextMetrics.Width(item.Label, fontSize);
            double itemWidth = item.Size + 5 + labelWidth;
            double itemHeight = Math.Max(item.Size, fontSize * TextMetrics.LineHeight);
            if (cursorX > x && cursorX + itemWidth > x + maxWidth)
            {
                cursorX = x;
                rowTop += rowHeight + 4;
                rowHeight = 0;
            }
            var entry = SvgBuilder.Group(group, "legend-item", ("data-label", item.Label));
            double middle = rowTop + itemHeight / 2;
            item.Draw(entry, new Box(cursorX, middle - item.Size / 2, item.Size, item.Size));
            SvgBuilder.Text(entry, cursorX + item.Size + 5, middle + 0.35 * fontSize, item.Label, style);
            cursorX += itemWidth + 14;
            rowHeight = Math.Max(rowHeight, itemHeight);
        }
        return rowTop + rowHeight - top;
    }
}
