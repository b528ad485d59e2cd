using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Evidence.Analytics;

/// <summary>How text is anchored horizontally at its x coordinate.</summary>
internal enum Anchor
{
    Start,
    Middle,
    End,
}

/// <summary>The look of a run of text: size, weight, anchor and colour.</summary>
internal readonly record struct TextStyle(double Size, Anchor Anchor = Anchor.Start, bool Bold = false, string Fill = Palette.Ink)
{
    public TextStyle With(Anchor anchor) => this with { Anchor = anchor };
}

/// <summary>An axis-aligned rectangle in SVG user units.</summary>
internal readonly record struct Box(double X, double Y, double Width, double Height)
{
    public double Right => X + Width;
    public double Bottom => Y + Height;

    /// <summary>Whether the interiors of two boxes intersect (touching edges do not count).</summary>
    public bool Overlaps(Box other, double tolerance = 0.01) =>
        X + tolerance < other.Right && other.X + tolerance < Right && Y + tolerance < other.Bottom && other.Y + tolerance < Bottom;

    /// <summary>The box a line of text occupies, from its anchor point and baseline (ascent 0.8 em, descent 0.2 em).</summary>
    public static Box OfText(double x, double baseline, string text, TextStyle style)
    {
        double width = TextMetrics.Width(text, style.Size, style.Bold);
        double left = style.Anchor switch { Anchor.Middle => x - width / 2, Anchor.End => x - width, _ => x };
        return new Box(left, baseline - 0.8 * style.Size, width, style.Size);
    }
}

/// <summary>Builds one SVG document: elements with invariant-culture numbers, shared patterns, title and description.</summary>
/// <remarks>Elements are written in the order they are added and attributes in the order given, so the same chart
/// gives the same bytes on every machine and in every culture.</remarks>
internal sealed partial class SvgBuilder
{
    public static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    private readonly XElement _defs;
    private readonly HashSet<string> _patterns = new(StringComparer.Ordinal);

    public SvgBuilder(string idPrefix)
    {
        IdPrefix = idPrefix;
        _defs = new XElement(Ns + "defs");
        Body = new XElement(Ns + "g", new XAttribute("font-family", TextMetrics.FontFamily));
    }

    public string IdPrefix { get; }

    /// <summary>The group every chart element goes in.</summary>
    public XElement Body { get; }

    /// <summary>Formats a number for SVG: invariant culture, at most two decimals, no negative zero.</summary>
    public static string Num(double value)
    {
        double rounded = Math.Round(value, 2, MidpointRounding.AwayFromZero);
        if (rounded == 0) rounded = 0;
        return rounded.ToString("0.##", CultureInfo.InvariantCulture);
    }

    /// <summary>Adds an element with attributes to a parent; numbers are formatted with <see cref="Num"/>, nulls skipped.</summary>
    public static XElement Add(XElement parent, string name, params (string Name, object? Value)[] attributes)
    {
        var element = new XElement(Ns + name);
        foreach (var (attribute, value) in attributes)
        {
            string? text = value switch
            {
                null => null,
                double d => Num(d),
                int i => i.ToString(CultureInfo.InvariantCulture),
                string s => s,
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString(),
            };
            if (text is not null) element.SetAttributeValue(attribute, text);
        }
        parent.Add(element);
        return element;
    }

    /// <summary>Adds a group with a class and optional data attributes.</summary>
    public static XElement Group(XElement parent, string cssClass, params (string Name, object? Value)[] attributes) =>
        Add(parent, "g", [("class", cssClass), .. attributes]);

    /// <summary>Adds a tooltip (<c>&lt;title&gt;</c>) to an element, which screen readers also announce.</summary>
    public static void Tooltip(XElement element, string text) => element.AddFirst(new XElement(Ns + "title", text));

    /// <summary>Adds one line of text.</summary>
    public static XElement Text(XElement parent, double x, double baseline, string text, TextStyle style, string? cssClass = null)
    {
        var element = Add(parent, "text", ("x", x), ("y", baseline), ("font-size", style.Size),
            ("text-anchor", style.Anchor switch { Anchor.Middle => "middle", Anchor.End => "end", _ => null }),
            ("font-weight", style.Bold ? "bold" : null), ("fill", style.Fill == Palette.Ink ? null : style.Fill), ("class", cssClass));
        element.Value = text;
        return element;
    }

    /// <summary>Gives text a white outline drawn under its fill, so it stays legible over bars, bubbles and grid lines.</summary>
    public static XElement Halo(XElement text)
    {
        text.SetAttributeValue("stroke", "#ffffff");
        text.SetAttributeValue("stroke-width", "3");
        text.SetAttributeValue("stroke-linejoin", "round");
        text.SetAttributeValue("paint-order", "stroke");
        return text;
    }

    /// <summary>Adds wrapped lines of text as one <c>&lt;text&gt;</c> with a <c>&lt;tspan&gt;</c> per line; <paramref name="top"/>
    /// is the top of the first line box.</summary>
    public static XElement Lines(XElement parent, double x, double top, IReadOnlyList<string> lines, TextStyle style, string? cssClass = null)
    {
        var element = Add(parent, "text", ("font-size", style.Size),
            ("text-anchor", style.Anchor switch { Anchor.Middle => "middle", Anchor.End => "end", _ => null }),
            ("font-weight", style.Bold ? "bold" : null), ("fill", style.Fill == Palette.Ink ? null : style.Fill), ("class", cssClass));
        for (int i = 0; i < lines.Count; i++)
        {
            var span = Add(element, "tspan", ("x", x), ("y", Baseline(top, style.Size, i)));
            span.Value = lines[i];
        }
        return element;
    }

    /// <summary>The baseline of line <paramref name="index"/> of a block whose first line box starts at <paramref name="top"/>.</summary>
    public static double Baseline(double top, double size, int index = 0) =>
        top + index * size * TextMetrics.LineHeight + size * (TextMetrics.LineHeight - 1) / 2 + 0.8 * size;

    /// <summary>The height of a block of <paramref name="lineCount"/> lines.</summary>
    public static double BlockHeight(int lineCount, double size) => lineCount * size * TextMetrics.LineHeight;

    /// <summary>The widest line of a block.</summary>
    public static double BlockWidth(IEnumerable<string> lines, double size, bool bold = false) =>
        lines.Select(l => TextMetrics.Width(l, size, bold)).DefaultIfEmpty(0).Max();

    /// <summary>A fill for a series: a plain colour, or a colour with a pattern drawn over it so print in grey and
    /// colour-blind readers can still tell series apart.</summary>
    public string Fill(SeriesStyle style)
    {
        if (style.Pattern == FillPattern.Solid) return style.Colour;
        string id = $"{IdPrefix}-{style.Pattern.ToString().ToLowerInvariant()}-{style.Colour.TrimStart('#').ToLowerInvariant()}";
        if (_patterns.Add(id))
        {
            var pattern = Add(_defs, "pattern", ("id", id), ("width", 6), ("height", 6), ("patternUnits", "userSpaceOnUse"),
                ("patternTransform", style.Pattern == FillPattern.Dots ? null : "rotate(45)"));
            Add(pattern, "rect", ("width", 6), ("height", 6), ("fill", style.Colour));
            switch (style.Pattern)
            {
                case FillPattern.Hatch:
                    Add(pattern, "rect", ("width", 2.2), ("height", 6), ("fill", "#ffffff"), ("fill-opacity", 0.75));
                    break;
                case FillPattern.CrossHatch:
                    Add(pattern, "rect", ("width", 1.6), ("height", 6), ("fill", "#ffffff"), ("fill-opacity", 0.75));
                    Add(pattern, "rect", ("width", 6), ("height", 1.6), ("fill", "#ffffff"), ("fill-opacity", 0.75));
                    break;
                case FillPattern.Dots:
                    Add(pattern, "circle", ("cx", 3), ("cy", 3), ("r", 1.3), ("fill", "#ffffff"), ("fill-opacity", 0.85));
                    break;
            }
        }
        return $"url(#{id})";
    }

    /// <summary>Writes the document: <c>&lt;svg&gt;</c> with <c>role="img"</c>, a viewBox so it scales, the title and description first.</summary>
    public string Write(double width, double height, string title, string description)
    {
        string titleId = IdPrefix + "-title", descId = IdPrefix + "-desc";
        var root = new XElement(Ns + "svg",
            new XAttribute("viewBox", $"0 0 {Num(width)} {Num(height)}"),
            new XAttribute("width", Num(width)),
            new XAttribute("height", Num(height)),
            new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", $"{titleId} {descId}"),
            new XAttribute("style", "max-width:100%;height:auto"),
            new XElement(Ns + "title", new XAttribute("id", titleId), title),
            new XElement(Ns + "desc", new XAttribute("id", descId), description));
        if (_defs.HasElements) root.Add(_defs);
        Add(root, "rect", ("width", "100%"), ("height", "100%"), ("fill", "#ffffff"));
        root.Add(Body);

        var settings = new XmlWriterSettings
        {
            OmitXmlDeclaration = true,
            Indent = true,
            IndentChars = " ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
            Encoding = new UTF8Encoding(false),
        };
        var builder = new StringBuilder();
        using (var writer = XmlWriter.Create(builder, settings))
            root.WriteTo(writer);
        // The indentation between a text element's lines would be text in the SVG: collapsed to a space at the end of
        // every line but the last, which moves right-aligned and centred lines off their anchor.
        return TextIndentation().Replace(builder.ToString(), "$1$2") + "\n";
    }

    [GeneratedRegex(@"(<text\b[^>]*>|</tspan>)\s+(<tspan\b|</text>)")]
    private static partial Regex TextIndentation();

    /// <summary>A short, stable id prefix from a chart kind and its title, so several charts can share one HTML page.</summary>
    public static string IdFor(string kind, string title)
    {
        uint hash = 2166136261;
        foreach (char c in title) hash = (hash ^ c) * 16777619;
        return kind + "-" + hash.ToString("x8", CultureInfo.InvariantCulture)[..6];
    }
}
