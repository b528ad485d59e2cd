using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Evidence.Analytics.Tests.Charts;

/// <summary>Reads a chart's SVG back: elements by class, numbers, and the boxes its text occupies.</summary>
internal sealed partial class SvgInspector
{
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public SvgInspector(string svg)
    {
        Document = XDocument.Parse(svg);
        Root = Document.Root!;
        var viewBox = Root.Attribute("viewBox")!.Value.Split(' ').Select(double.Parse).ToArray();
        Width = viewBox[2];
        Height = viewBox[3];
    }

    public XDocument Document { get; }
    public XElement Root { get; }
    public double Width { get; }
    public double Height { get; }

    public IEnumerable<XElement> ByClass(string cssClass) =>
        Root.Descendants().Where(e => (e.Attribute("class")?.Value ?? "").Split(' ').Contains(cssClass));

    public static double Num(XElement element, string attribute) =>
        double.Parse(element.Attribute(attribute)!.Value, NumberStyles.Float, CultureInfo.InvariantCulture);

    public static string? Attr(XElement element, string attribute) => element.Attribute(attribute)?.Value;

    public static string Str(XElement element, string attribute) => element.Attribute(attribute)?.Value ?? "";

    /// <summary>All visible text strings, one per line (tspan) or text element.</summary>
    public IReadOnlyList<string> Texts() => Lines().Select(l => l.Text).ToList();

    /// <summary>Every line of text with the box it occupies, computed with the same metrics the layout used.</summary>
    public IReadOnlyList<(string Text, Box Box)> Lines()
    {
        var result = new List<(string, Box)>();
        foreach (var text in Root.Descendants(Svg + "text"))
        {
            double size = Num(text, "font-size");
            var anchor = Attr(text, "text-anchor") switch { "middle" => Anchor.Middle, "end" => Anchor.End, _ => Anchor.Start };
            var style = new TextStyle(size, anchor, Bold: Attr(text, "font-weight") == "bold");
            var spans = text.Elements(Svg + "tspan").ToList();
            var parts = spans.Count == 0
                ? [(text.Value, Num(text, "x"), Num(text, "y"))]
                : spans.Select(s => (s.Value, Num(s, "x"), Num(s, "y"))).ToList();
            foreach (var (value, x, y) in parts)
            {
                var box = Box.OfText(x, y, value, style);
                if (Attr(text, "transform") is { } transform && RotateMinus90().Match(transform) is { Success: true } m)
                {
                    // rotate(-90 cx cy) maps (dx, dy) to (dy, -dx) around the centre.
                    double cx = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), cy = double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
                    box = new Box(cx + (box.Y - cy), cy - (box.Right - cx), box.Height, box.Width);
                }
                result.Add((value, box));
            }
        }
        return result;
    }

    /// <summary>Every pair of non-blank text lines whose boxes overlap, described.</summary>
    public IReadOnlyList<string> Overlaps()
    {
        var lines = Lines().Where(l => l.Text.Trim().Length > 0).ToList();
        var overlaps = new List<string>();
        for (int i = 0; i < lines.Count; i++)
            for (int j = i + 1; j < lines.Count; j++)
                if (lines[i].Box.Overlaps(lines[j].Box))
                    overlaps.Add($"'{lines[i].Text}' {lines[i].Box} overlaps '{lines[j].Text}' {lines[j].Box}");
        return overlaps;
    }

    [GeneratedRegex(@"rotate\(-90 ([-\d.]+) ([-\d.]+)\)")]
    private static partial Regex RotateMinus90();
}
