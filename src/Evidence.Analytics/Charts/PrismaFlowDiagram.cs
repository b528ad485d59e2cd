using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace Evidence.Analytics;

/// <summary>Which reporting guideline a flow diagram follows.</summary>
public enum PrismaVariant
{
    /// <summary>PRISMA 2020 (Page et al. BMJ 2021;372:n71), for systematic reviews.</summary>
    Prisma2020,
    /// <summary>PRISMA-ScR (Tricco et al. Ann Intern Med 2018;169:467–473), for scoping reviews; same boxes, "sources of evidence".</summary>
    PrismaScR,
}

/// <summary>A PRISMA 2020 / PRISMA-ScR flow diagram of records through a review: identification, screening, retrieval,
/// eligibility with exclusion reasons, and inclusion.</summary>
/// <remarks>Boxes follow the PRISMA 2020 template for new reviews (databases and registers column) and are sized to their
/// wrapped text. A count the review did not publish is written "n not reported" rather than left out or guessed, and
/// counts that do not add up (<see cref="PrismaFlow.Inconsistencies"/>) are listed under the diagram.</remarks>
public sealed class PrismaFlowDiagram : Chart
{
    internal PrismaFlowDiagram(PrismaFlow flow, PrismaVariant variant, ChartOptions? options)
        : base(variant == PrismaVariant.PrismaScR ? "PRISMA-ScR flow diagram" : "PRISMA 2020 flow diagram", options ?? ChartOptions.Default)
    {
        ArgumentNullException.ThrowIfNull(flow);
        Flow = flow;
        Variant = variant;
    }

    /// <summary>The flow counts drawn.</summary>
    public PrismaFlow Flow { get; }

    /// <summary>The guideline followed.</summary>
    public PrismaVariant Variant { get; }

    private string IncludedNoun => Variant == PrismaVariant.PrismaScR ? "Sources of evidence included in review" : "Studies included in review";

    /// <inheritdoc />
    public override string Description
    {
        get
        {
            var text = new StringBuilder("Flow of records through the review. ");
            foreach (var (stage, lines) in Boxes())
                text.Append(string.Join(" ", lines.Select(l => l.Text.Trim()))).Append(". ");
            return text.ToString().Replace(":.", ".", StringComparison.Ordinal).Replace("..", ".", StringComparison.Ordinal).TrimEnd();
        }
    }

    private protected override string Kind => "prisma";

    private static string N(int? count) => count is { } n ? string.Create(CultureInfo.InvariantCulture, $"(n\u00A0=\u00A0{n:N0})") : "(n\u00A0not\u00A0reported)";

    private sealed record BoxLine(string Text, bool Bold = false, bool Indent = false);

    /// <summary>The boxes in reading order: stage key, then lines.</summary>
    private IEnumerable<(string Stage, List<BoxLine> Lines)> Boxes()
    {
        var identified = new List<BoxLine>();
        if (Flow.Identified.IsEmpty)
            identified.Add(new($"Records identified from databases and registers {N(null)}"));
        else
        {
            identified.Add(new($"Records identified from: {N(Flow.IdentifiedTotal)}"));
            identified.AddRange(Flow.Identified.Select(c => new BoxLine($"{c.Label} {N(c.Count)}", Indent: true)));
        }
        yield return ("identified", identified);
        yield return ("removed", [
            new("Records removed before screening:"),
            new($"Duplicate records removed {N(Flow.DuplicatesRemoved)}", Indent: true),
            new($"Records marked as ineligible by automation tools {N(Flow.AutomationRemoved)}", Indent: true),
            new($"Records removed for other reasons {N(Flow.OtherRemoved)}", Indent: true)]);
        yield return ("screened", [new($"Records screened {N(Flow.Screened)}")]);
        yield return ("excluded-screening", [new($"Records excluded {N(Flow.ExcludedAtScreening)}")]);
        yield return ("sought", [new($"Reports sought for retrieval {N(Flow.Sought)}")]);
        yield return ("not-retrieved", [new($"Reports not retrieved {N(Flow.NotRetrieved)}")]);
        yield return ("assessed", [new($"Reports assessed for eligibility {N(Flow.Assessed)}")]);
        var excluded = new List<BoxLine> { new($"Reports excluded: {N(Flow.ExcludedWithReasonsTotal)}") };
        if (Flow.ExclusionReasons.IsEmpty) excluded.Add(new("Reasons not reported", Indent: true));
        excluded.AddRange(Flow.ExclusionReasons.Select(r => new BoxLine($"{r.Label} {N(r.Count)}", Indent: true)));
        yield return ("excluded-eligibility", excluded);
        yield return ("included", [new($"{IncludedNoun} {N(Flow.StudiesIncluded)}", Bold: true), new($"Reports of included studies {N(Flow.ReportsIncluded)}")]);
    }

    private protected override (double Width, double Height) Render(SvgBuilder svg, double width)
    {
        double margin = Options.Margin, size = Options.FontSize, pad = 8, indent = 12;
        double y = DrawHeading(svg, width, Variant == PrismaVariant.PrismaScR
            ? "Identification of sources of evidence via databases and registers"
            : "Identification of studies via databases and registers");

        const double stageBand = 26, gap = 44;
        double mainX = margin + stageBand + 12;
        double columnWidth = (width - mainX - margin - gap) / 2;
        double sideX = mainX + columnWidth + gap;
        var boxes = Boxes().ToDictionary(b => b.Stage, b => b.Lines);

        // Rows: (stage label, main box, side box).
        (string Stage, string Main, string? Side)[] rows =
        [
            ("Identification", "identified", "removed"),
            ("Screening", "screened", "excluded-screening"),
            ("Screening", "sought", "not-retrieved"),
            ("Screening", "assessed", "excluded-eligibility"),
            ("Included", "included", null),
        ];

        var diagram = SvgBuilder.Group(svg.Body, "flow");
        var arrows = SvgBuilder.Group(diagram, "arrows");
        var placed = new List<(string Stage, double Top, double Bottom)>();
        double rowTop = y;
        Box? previous = null;
        foreach (var (stage, main, side) in rows)
        {
            var mainLayout = Layout(boxes[main], columnWidth, size, pad, indent);
            var sideLayout = side is null ? null : Layout(boxes[side], columnWidth, size, pad, indent);
            double rowHeight = Math.Max(mainLayout.Height, sideLayout?.Height ?? 0);
            if (rows.Count(r => r.Stage == stage) == 1)
                rowHeight = Math.Max(rowHeight, TextMetrics.Width(stage, size, bold: true) + 16);
            var mainBox = new Box(mainX, rowTop + (rowHeight - mainLayout.Height) / 2, columnWidth, mainLayout.Height);
            DrawBox(diagram, main, boxes[main], mainLayout, mainBox, size, pad, indent, main == "included" ? Palette.Faint : "#ffffff");
            if (side is not null)
            {
                var sideBox = new Box(sideX, rowTop + (rowHeight - sideLayout!.Height) / 2, columnWidth, sideLayout.Height);
                DrawBox(diagram, side, boxes[side], sideLayout, sideBox, size, pad, indent, "#ffffff");
                double arrowY = rowTop + rowHeight / 2;
                Arrow(arrows, mainBox.Right, arrowY, sideBox.X, arrowY);
            }
            if (previous is { } above) Arrow(arrows, mainX + columnWidth / 2, above.Bottom, mainX + columnWidth / 2, mainBox.Y);
            placed.Add((stage, rowTop, rowTop + rowHeight));
            previous = mainBox;
            rowTop += rowHeight + 26;
        }

        // Stage bands on the left, one per run of rows with the same stage.
        var stages = SvgBuilder.Group(diagram, "stages");
        var bandStyle = new TextStyle(size, Anchor.Middle, Bold: true, Fill: "#ffffff");
        foreach (var run in placed.GroupBy(p => p.Stage))
        {
            double top = run.Min(p => p.Top), bottom = run.Max(p => p.Bottom);
            SvgBuilder.Add(stages, "rect", ("x", margin), ("y", top), ("width", stageBand), ("height", bottom - top), ("rx", 4), ("fill", Palette.Blue));
            double cx = margin + stageBand / 2, cy = (top + bottom) / 2;
            var label = SvgBuilder.Text(stages, cx, cy + 0.3 * size, run.Key, bandStyle, "stage-label");
            label.SetAttributeValue("transform", $"rotate(-90 {SvgBuilder.Num(cx)} {SvgBuilder.Num(cy)})");
        }

        y = rowTop - 26 + size;
        var problems = Flow.Inconsistencies;
        if (!problems.IsEmpty)
            y = DrawNote(svg, width, y, "Counts that do not add up: " + string.Join("; ", problems) + ".") + 4;
        y = DrawNote(svg, width, y, Variant == PrismaVariant.PrismaScR
            ? "After Tricco et al. (2018) PRISMA-ScR and the PRISMA 2020 template (Page et al. 2021). \"n not reported\": the review did not publish the count."
            : "After the PRISMA 2020 template (Page et al. 2021). \"n not reported\": the review did not publish the count.");
        return (width, y + margin);
    }

    private sealed record BoxLayout(List<(IReadOnlyList<string> Lines, BoxLine Source)> Blocks, double Height);

    private static BoxLayout Layout(List<BoxLine> lines, double width, double size, double pad, double indent)
    {
        var blocks = lines.Select(l => (TextMetrics.Wrap(l.Text, width - 2 * pad - (l.Indent ? indent : 0), size, l.Bold), l)).ToList();
        double height = 2 * pad + blocks.Sum(b => SvgBuilder.BlockHeight(b.Item1.Count, size)) + 3 * (blocks.Count - 1);
        return new BoxLayout(blocks, height);
    }

    private static void DrawBox(XElement parent, string stage, List<BoxLine> lines, BoxLayout layout, Box box, double size, double pad, double indent, string fill)
    {
        var group = SvgBuilder.Group(parent, "flow-box", ("data-stage", stage));
        SvgBuilder.Add(group, "rect", ("x", box.X), ("y", box.Y), ("width", box.Width), ("height", box.Height), ("rx", 3),
            ("fill", fill), ("stroke", Palette.Ink), ("stroke-width", 1));
        double top = box.Y + pad;
        foreach (var (wrapped, source) in layout.Blocks)
        {
            SvgBuilder.Lines(group, box.X + pad + (source.Indent ? indent : 0), top, wrapped, new TextStyle(size, Bold: source.Bold), "box-text");
            top += SvgBuilder.BlockHeight(wrapped.Count, size) + 3;
        }
    }

    private static void Arrow(XElement parent, double x1, double y1, double x2, double y2)
    {
        double length = Math.Sqrt((x2 - x1) * (x2 - x1) + (y2 - y1) * (y2 - y1));
        if (length < 1) return;
        double ux = (x2 - x1) / length, uy = (y2 - y1) / length, head = 7;
        double bx = x2 - ux * head, by = y2 - uy * head;
        SvgBuilder.Add(parent, "line", ("x1", x1), ("y1", y1), ("x2", bx), ("y2", by), ("stroke", Palette.Ink), ("stroke-width", 1.2));
        string points = string.Join(" ",
            $"{SvgBuilder.Num(x2)},{SvgBuilder.Num(y2)}",
            $"{SvgBuilder.Num(bx - uy * head * 0.5)},{SvgBuilder.Num(by + ux * head * 0.5)}",
            $"{SvgBuilder.Num(bx + uy * head * 0.5)},{SvgBuilder.Num(by - ux * head * 0.5)}");
        SvgBuilder.Add(parent, "polygon", ("class", "arrow-head"), ("points", points), ("fill", Palette.Ink));
    }
}
