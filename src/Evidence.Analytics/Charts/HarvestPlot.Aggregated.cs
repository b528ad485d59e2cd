using System.Globalization;
using System.Xml.Linq;

namespace Evidence.Analytics;

// The harvest plot with more studies in a cell than ChartOptions.MaxStudyBars: one bar per design group instead of one
// per study, so that the chart stays readable (and its SVG small) at any size.
public sealed partial class HarvestPlot
{
    private static readonly DesignGroup[] DesignGroups = Enum.GetValues<DesignGroup>();

    /// <summary>The height, in weight units, of the tallest design-group bar of an aggregated plot.</summary>
    private const int GroupBarUnits = 5;

    private int LargestCell => _bars.Values.Select(studies => studies.Length).DefaultIfEmpty(0).Max();

    /// <summary>The most studies of one design group in a cell, worked out once (an int is written atomically, so a
    /// chart rendered on two threads at once at worst works it out twice).</summary>
    private int LargestGroup => _largestGroup >= 0 ? _largestGroup
        : _largestGroup = _bars.Values.SelectMany(studies => studies.CountBy(s => s.DesignGroup)).Select(p => p.Value).DefaultIfEmpty(0).Max();

    private int _largestGroup = -1;

    private string AggregationSubtitle => IsAggregated
        ? string.Create(CultureInfo.InvariantCulture, $"; up to {LargestCell:N0} studies in a cell, so one bar per design group")
        : "";

    private string AggregationNote => IsAggregated
        ? string.Create(CultureInfo.InvariantCulture,
            $"With more than {Options.MaxStudyBars:N0} studies in a cell (up to {LargestCell:N0} here) each cell has one bar per design group instead of one per study: its height is the number of studies of that group (not the design weight), printed above it. ")
        : "";

    private static double GroupSlot(double idSize) => Math.Max(18, TextMetrics.Width("999,999", idSize)) + 4;

    /// <summary>Draws a cell's bars of an aggregated plot, one per design group from <paramref name="left"/>, their heights
    /// proportional to the number of studies (the largest group of the plot <see cref="GroupBarUnits"/> units tall).</summary>
    private void DrawGroupBars(SvgBuilder svg, XElement cell, OutcomeDomain domain, Direction column, double left, double slot, double baseline, double unit, double idSize)
    {
        var counts = StudiesIn(domain, column).CountBy(s => s.DesignGroup).ToDictionary();
        double perStudy = GroupBarUnits * unit / Math.Max(1, LargestGroup), barWidth = 14;
        for (int g = 0; g < DesignGroups.Length; g++)
        {
            int count = counts.GetValueOrDefault(DesignGroups[g]);
            double cx = left + (g + 0.5) * slot, height = count * perStudy;
            var bar = SvgBuilder.Add(cell, "rect", ("class", "harvest-group-bar"), ("x", cx - barWidth / 2), ("y", baseline - height), ("width", barWidth), ("height", height),
                ("fill", svg.Fill(Palette.Of(DesignGroups[g]))), ("stroke", Palette.Ink), ("stroke-width", 0.5), ("data-design-group", DesignGroups[g].ToString()), ("data-studies", count));
            SvgBuilder.Tooltip(bar, string.Create(CultureInfo.InvariantCulture, $"{count:N0} {DesignGroups[g].Label()} {(count == 1 ? "study" : "studies")}: {ColumnLabel(column).ToLowerInvariant()} ({domain.Name})"));
            SvgBuilder.Text(cell, cx, baseline - height - 3, count.ToString("N0", CultureInfo.InvariantCulture), new TextStyle(idSize, Anchor.Middle), "group-count");
        }
    }
}
