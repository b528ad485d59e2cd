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

    private sealed record BoxLine(string Text, bool Bold = false, bool Indent = false, bool Deeper = false);

    private bool IsScR => Variant == PrismaVariant.PrismaScR;

    /// <summary>The boxes in reading order: stage key, then lines. The registers, previous-version and other-methods
    /// boxes are there only when the flow gives them, so a flow without them draws as it always has.</summary>
    private IEnumerable<(string Stage, List<BoxLine> Lines)> Boxes()
    {
        var identified = new List<BoxLine>();
        if (!Flow.Registers.IsEmpty)
        {
            identified.Add(new("Records identified from:"));
            identified.Add(new($"Databases {N(Flow.IdentifiedTotal)}", Indent: true));
            identified.AddRange(Flow.Identified.Select(c => new BoxLine($"{c.Label} {N(c.Count)}", Indent: true, Deeper: true)));
            identified.Add(new($"Registers {N(Flow.RegistersTotal)}", Indent: true));
            identified.AddRange(Flow.Registers.Select(c => new BoxLine($"{c.Label} {N(c.Count)}", Indent: true, Deeper: true)));
        }
        else if (Flow.Identified.IsEmpty)
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
        yield return ("excluded-eligibility", Excluded(Flow.ExclusionReasons, Flow.ExcludedWithReasonsTotal));
        if (Flow.OtherMethods is { } other)
        {
            var fromOther = new List<BoxLine>();
            if (other.Identified.IsEmpty) fromOther.Add(new($"Records identified via other methods {N(null)}"));
            else
            {
                fromOther.Add(new($"Records identified from: {N(other.IdentifiedTotal)}"));
                fromOther.AddRange(other.Identified.Select(c => new BoxLine($"{c.Label} {N(c.Count)}", Indent: true)));
            }
            yield return ("other-identified", fromOther);
            yield return ("other-sought", [new($"Reports sought for retrieval {N(other.Sought)}")]);
            yield return ("other-not-retrieved", [new($"Reports not retrieved {N(other.NotRetrieved)}")]);
            yield return ("other-assessed", [new($"Reports assessed for eligibility {N(other.Assessed)}")]);
            yield return ("other-excluded", Excluded(other.ExclusionReasons, other.ExcludedWithReasonsTotal));
        }
        if (!Flow.IsUpdate)
        {
            yield return ("included", [new($"{IncludedNoun} {N(Flow.StudiesIncluded)}", Bold: true), new($"Reports of included studies {N(Flow.ReportsIncluded)}")]);
            yield break;
        }
        string sources = IsScR ? "sources of evidence" : "studies";
        yield return ("included", [new($"New {sources} included in review {N(Flow.NewStudiesIncluded)}", Bold: true),
            new($"Reports of new included {sources} {N(Flow.NewReportsIncluded)}")]);
        yield return ("previous", [new($"{(IsScR ? "Sources of evidence" : "Studies")} included in previous version of review {N(Flow.PreviousStudies)}"),
            new($"Reports of {sources} included in previous version of review {N(Flow.PreviousReports)}")]);
        yield return ("total", [new($"Total {sources} included in review {N(Flow.StudiesIncluded)}", Bold: true),
            new($"Reports of total included {sources} {N(Flow.ReportsIncluded)}")]);
    }

    private static List<BoxLine> Excluded(IReadOnlyCollection<FlowCount> reasons, int? total)
    {
        var excluded = new List<BoxLine> { new($"Reports excluded: {N(total)}") };
        if (reasons.Count == 0) excluded.Add(new("Reasons not reported", Indent: true));
        excluded.AddRange(reasons.Select(r => new BoxLine($"{r.Label} {N(r.Count)}", Indent: true)));
        return excluded;
    }

    private protected override (double Width, double Height) Render(SvgBuilder svg, double width)
    {
        double margin = Options.Margin, size = Options.FontSize, pad = 8, indent = 12;
        var other = Flow.OtherMethods;
        string sources = IsScR ? "sources of evidence" : "studies";
        string heading = $"Identification of {(Flow.IsUpdate ? "new " : "")}{sources} via databases and registers{(other is null ? "" : ", and via other methods")}";
        double y = DrawHeading(svg, width, heading);

        // Two columns (the boxes, and what leaves them); four when other methods add theirs on the right.
        const double stageBand = 26;
        double gap = other is null ? 44 : 24;
        int columns = other is null ? 2 : 4;
        double mainX = margin + stageBand + 12;
        double columnWidth = (width - mainX - margin - (columns - 1) * gap) / columns;
        double sideX = mainX + columnWidth + gap;
        double otherX = sideX + columnWidth + gap, otherSideX = otherX + columnWidth + gap;
        var boxes = Boxes().ToDictionary(b => b.Stage, b => b.Lines);

        // Rows: (stage label, main box, side box, other methods' box, the box beside it).
        var rows = new List<(string Stage, string Main, string? Side, string? Other, string? OtherSide)>
        {
            ("Identification", "identified", "removed", other is null ? null : "other-identified", null),
            ("Screening", "screened", "excluded-screening", null, null),
            ("Screening", "sought", "not-retrieved", other is null ? null : "other-sought", other is null ? null : "other-not-retrieved"),
            ("Screening", "assessed", "excluded-eligibility", other is null ? null : "other-assessed", other is null ? null : "other-excluded"),
            ("Included", "included", null, null, null),
        };
        if (Flow.IsUpdate) rows.Add(("Included", "total", "previous", null, null));

        var diagram = SvgBuilder.Group(svg.Body, "flow");
        var arrows = SvgBuilder.Group(diagram, "arrows");
        var placed = new List<(string Stage, double Top, double Bottom)>();
        double rowTop = y;
        Box? previous = null, otherAbove = null;
        foreach (var (stage, main, side, otherMain, otherSide) in rows)
        {
            var mainLayout = Layout(boxes[main], columnWidth, size, pad, indent);
            var sideLayout = side is null ? null : Layout(boxes[side], columnWidth, size, pad, indent);
            var otherLayout = otherMain is null ? null : Layout(boxes[otherMain], columnWidth, size, pad, indent);
            var otherSideLayout = otherSide is null ? null : Layout(boxes[otherSide], columnWidth, size, pad, indent);
            double rowHeight = Math.Max(mainLayout.Height, sideLayout?.Height ?? 0);
            rowHeight = Math.Max(rowHeight, Math.Max(otherLayout?.Height ?? 0, otherSideLayout?.Height ?? 0));
            if (rows.Count(r => r.Stage == stage) == 1)
                rowHeight = Math.Max(rowHeight, TextMetrics.Width(stage, size, bold: true) + 16);
            var mainBox = new Box(mainX, rowTop + (rowHeight - mainLayout.Height) / 2, columnWidth, mainLayout.Height);
            DrawBox(diagram, main, boxes[main], mainLayout, mainBox, size, pad, indent, main is "included" or "total" ? Palette.Faint : "#ffffff");
            double arrowY = rowTop + rowHeight / 2;
            if (side is not null)
            {
                var sideBox = new Box(sideX, rowTop + (rowHeight - sideLayout!.Height) / 2, columnWidth, sideLayout.Height);
                DrawBox(diagram, side, boxes[side], sideLayout, sideBox, size, pad, indent, "#ffffff");
                // The previous version's studies join the total; everything else leaves the main column.
                if (side == "previous") Arrow(arrows, sideBox.X, arrowY, mainBox.Right, arrowY);
                else Arrow(arrows, mainBox.Right, arrowY, sideBox.X, arrowY);
            }
            if (otherMain is not null)
            {
                var otherBox = new Box(otherX, rowTop + (rowHeight - otherLayout!.Height) / 2, columnWidth, otherLayout.Height);
                DrawBox(diagram, otherMain, boxes[otherMain], otherLayout, otherBox, size, pad, indent, "#ffffff");
                if (otherAbove is { } up) Arrow(arrows, otherX + columnWidth / 2, up.Bottom, otherX + columnWidth / 2, otherBox.Y);
                if (otherSide is not null)
                {
                    var otherSideBox = new Box(otherSideX, rowTop + (rowHeight - otherSideLayout!.Height) / 2, columnWidth, otherSideLayout.Height);
                    DrawBox(diagram, otherSide, boxes[otherSide], otherSideLayout, otherSideBox, size, pad, indent, "#ffffff");
                    Arrow(arrows, otherBox.Right, arrowY, otherSideBox.X, arrowY);
                }
                otherAbove = otherBox;
            }
            if (main == "included" && otherAbove is { } assessed)
            {
                // The reports assessed via other methods that are not excluded join the included studies.
                double x = otherX + columnWidth / 2;
                SvgBuilder.Add(arrows, "line", ("x1", x), ("y1", assessed.Bottom), ("x2", x), ("y2", arrowY), ("stroke", Palette.Ink), ("stroke-width", 1.2));
                Arrow(arrows, x, arrowY, mainBox.Right, arrowY);
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
        var blocks = lines.Select(l => (TextMetrics.Wrap(l.Text, width - 2 * pad - (l.Indent ? indent : 0) - (l.Deeper ? indent : 0), size, l.Bold), l)).ToList();
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
            SvgBuilder.Lines(group, box.X + pad + (source.Indent ? indent : 0) + (source.Deeper ? indent : 0), top, wrapped, new TextStyle(size, Bold: source.Bold), "box-text");
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
