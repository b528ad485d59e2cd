using System.Xml.Linq;

namespace Evidence.Analytics;

/// <summary>The mark of a configuration family, shared by the realist charts: shape and colour both say the family
/// (take-up ■ blue, positive impact ● bluish green, negative impact ▼ vermillion; further families alternate ◆ reddish
/// purple and ▲ orange), so the charts read in grey print and for colour-blind readers.</summary>
internal static class FamilyMarker
{
    /// <summary>Draws the family's mark centred on (<paramref name="cx"/>, <paramref name="cy"/>), at most
    /// <paramref name="size"/> wide and high.</summary>
    public static XElement Draw(XElement parent, ConfigurationFamily family, double cx, double cy, double size)
    {
        double h = size / 2;
        return Shape(family) switch
        {
            0 => SvgBuilder.Add(parent, "rect", ("class", "mark"), ("x", cx - h * 0.85), ("y", cy - h * 0.85), ("width", h * 1.7), ("height", h * 1.7), ("fill", Palette.Blue)),
            1 => SvgBuilder.Add(parent, "circle", ("class", "mark"), ("cx", cx), ("cy", cy), ("r", h), ("fill", Palette.BluishGreen)),
            2 => SvgBuilder.Add(parent, "path", ("class", "mark"), ("d", $"M{P(cx - h, cy - h * 0.8)}L{P(cx + h, cy - h * 0.8)}L{P(cx, cy + h)}Z"), ("fill", Palette.Vermillion)),
            3 => SvgBuilder.Add(parent, "path", ("class", "mark"), ("d", $"M{P(cx, cy - h)}L{P(cx + h, cy)}L{P(cx, cy + h)}L{P(cx - h, cy)}Z"), ("fill", Palette.ReddishPurple)),
            _ => SvgBuilder.Add(parent, "path", ("class", "mark"), ("d", $"M{P(cx, cy - h)}L{P(cx + h, cy + h * 0.8)}L{P(cx - h, cy + h * 0.8)}Z"), ("fill", Palette.Orange)),
        };
    }

    /// <summary>The area of the family's mark drawn at size 1; a mark drawn at size s covers s² times this.</summary>
    /// <remarks>Square of side 0.85; circle of radius 0.5; triangles of base 1 and height 0.9; diamond of diagonals 1.</remarks>
    public static double UnitArea(ConfigurationFamily family) => Shape(family) switch
    {
        0 => 0.85 * 0.85,
        1 => Math.PI / 4,
        3 => 0.5,
        _ => 0.45,
    };

    /// <summary>The smallest <see cref="UnitArea"/> of any family: the mark that needs most room for a given area.</summary>
    public static double SmallestUnitArea => 0.45;

    /// <summary>One legend entry per family that has configurations, in the synthesis's family order.</summary>
    public static IReadOnlyList<LegendItem> LegendItems(RealistSynthesis synthesis) =>
        [.. synthesis.Families.Where(f => synthesis.Tally(f).Configurations > 0).Select(f => new LegendItem(f.Name,
            (parent, box) => Draw(parent, f, box.X + box.Width / 2, box.Y + box.Height / 2, box.Width), 12))];

    private static int Shape(ConfigurationFamily family) =>
        family == ConfigurationFamily.TakeUp ? 0 : family == ConfigurationFamily.PositiveImpact ? 1 : family == ConfigurationFamily.NegativeImpact ? 2 : 3 + family.Order % 2;

    private static string P(double x, double y) => SvgBuilder.Num(x) + "," + SvgBuilder.Num(y);
}
