using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace Evidence.Analytics;

/// <summary>How each bubble of an evidence gap map is divided.</summary>
public enum GapMapSplit
{
    /// <summary>By design group: RCT, qualitative, other (the default).</summary>
    DesignGroup,
    /// <summary>By the direction of effect the cell's studies report.</summary>
    Direction,
    /// <summary>Not divided: one plain bubble per cell.</summary>
    None,
}

/// <summary>Options for an evidence gap map chart.</summary>
public sealed record GapMapOptions
{
    /// <summary>The default options.</summary>
    public static GapMapOptions Default { get; } = new();

    /// <summary>How bubbles are divided.</summary>
    /// <value>The default is <see cref="GapMapSplit.DesignGroup"/>.</value>
    public GapMapSplit Split { get; init; } = GapMapSplit.DesignGroup;

    /// <summary>Whether a divided bubble is drawn as a donut (the count in the hole) rather than a pie.</summary>
    /// <value>The default is true.</value>
    public bool Donut { get; init; } = true;

    /// <summary>The narrowest and widest a cell may be, in pixels; the map grows wider than the chart width rather than
    /// squeeze cells below <see cref="MinCellSize"/>.</summary>
    /// <value>The defaults are 48 and 96.</value>
    public double MinCellSize { get; init; } = 48;

    /// <inheritdoc cref="MinCellSize"/>
    public double MaxCellSize { get; init; } = 96;

    internal void Validate()
    {
        if (MinCellSize is < 24 or > 400 || MaxCellSize < MinCellSize || MaxCellSize > 400 || double.IsNaN(MinCellSize) || double.IsNaN(MaxCellSize))
            throw new ArgumentOutOfRangeException(nameof(MinCellSize), "Cell sizes must satisfy 24 ≤ MinCellSize ≤ MaxCellSize ≤ 400.");
    }
}

/// <summary>An evidence gap map: rows × columns, one bubble per non-empty cell with its area proportional to the number
/// of distinct studies and the number printed, divided by design group (or direction); empty cells are hatched as gaps;
/// row and column totals count distinct studies.</summary>
/// <remarks>
/// <para>"EGMs show what evidence there is and not what evidence says" (Campbell): the bubble's size is how much
/// evidence, not how good or how favourable. The bubble of the fullest cell fills its cell; others scale by area
/// (radius ∝ √studies), so a cell with four times the studies has twice the radius.</para>
/// <para>Totals are distinct-study counts from <see cref="EvidenceMap"/>, never sums of cells: a study coded with
/// three intervention types is one study in its column total. Long row and column labels are wrapped; with many
/// columns the map grows wider than <see cref="ChartOptions.Width"/> and scales down through its viewBox.</para>
/// </remarks>
public sealed class EvidenceGapMapChart : Chart
{
    internal EvidenceGapMapChart(EvidenceMap map, GapMapOptions? mapOptions, ChartOptions? options, EvidenceBaseChanges? changes = null)
        : base(changes is null ? $"Evidence gap map: {map?.Rows.Label()} × {map?.Columns.Label()}" : $"Evidence gap map: {map?.Rows.Label()} × {map?.Columns.Label()}, new evidence marked",
            options ?? ChartOptions.Default)
    {
        ArgumentNullException.ThrowIfNull(map);
        mapOptions ??= GapMapOptions.Default;
        mapOptions.Validate();
        Map = map;
        MapOptions = mapOptions;
        Changes = changes;
        if (changes is not null)
        {
            foreach (var cell in changes.Cells) _changed[(cell.Row, cell.Column)] = cell;
        }
    }

    // The changed cells by row and column label, as the map spells them (the changes' cells carry the new map's labels).
    private readonly Dictionary<(string Row, string Column), MapCellChange> _changed = [];

    /// <summary>The changes since a review's previous version marked on the map (cells with new studies outlined), or null.</summary>
    public EvidenceBaseChanges? Changes { get; }

    /// <summary>The evidence map drawn.</summary>
    public EvidenceMap Map { get; }

    /// <summary>The map-specific options.</summary>
    public GapMapOptions MapOptions { get; }

    /// <inheritdoc />
    public override string Description
    {
        get
        {
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture,
                $"Evidence gap map of {Map.TotalStudies} distinct studies: {Map.RowLabels.Length} {Map.Rows.Label().ToLowerInvariant()} rows by {Map.ColumnLabels.Length} {Map.Columns.Label().ToLowerInvariant()} columns. ");
            text.Append(CultureInfo.InvariantCulture, $"{Map.Cells.Count(c => !c.IsEmpty)} cells have studies and {Map.Cells.Count(c => c.IsEmpty)} are empty (gaps). ");
            var fullest = Map.Cells.Where(c => !c.IsEmpty).OrderByDescending(c => c.Studies).Take(3).ToList();
            if (fullest.Count > 0)
                text.Append("Most studied: ").AppendJoin("; ", fullest.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Row} × {c.Column} ({c.Studies})"))).Append(". ");
            text.Append("Row totals: ").AppendJoin("; ", Map.RowLabels.Select((r, i) => string.Create(CultureInfo.InvariantCulture, $"{r} {Map.RowTotals[i]}"))).Append('.');
            if (Changes is not null)
            {
                var marked = _changed.Values.Where(c => !c.NewStudyIds.IsEmpty).ToList();
                text.Append(CultureInfo.InvariantCulture, $" Since the previous version ({Changes.Counts}): {marked.Count} cells have new studies");
                if (marked.Count > 0) text.Append(" (").AppendJoin("; ", marked.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Row} × {c.Column} +{c.NewStudyIds.Length}"))).Append(')');
                text.Append('.');
            }
            return text.ToString();
        }
    }

    private protected override string Kind => "egm";

    private IReadOnlyList<(string Label, SeriesStyle Style, Func<EvidenceMapCell, int> Count)> Parts() => MapOptions.Split switch
    {
        GapMapSplit.DesignGroup => [.. Enum.GetValues<DesignGroup>().Select(g => (g.Label(), Palette.Of(g), (Func<EvidenceMapCell, int>)(c => c.ByDesignGroup[g])))],
        GapMapSplit.Direction => [.. Enum.GetValues<Direction>().Select(d => (d.Label(), Palette.Of(d), (Func<EvidenceMapCell, int>)(c => c.ByDirection[d])))],
        _ => [("Studies", new SeriesStyle(Palette.Blue), c => c.Studies)],
    };

    private protected override (double Width, double Height) Render(SvgBuilder svg, double width)
    {
        double margin = Options.Margin, size = Options.FontSize, small = size * 0.9;
        int rows = Map.RowLabels.Length, columns = Map.ColumnLabels.Length;
        var parts = Parts();
        int maxCell = Map.Cells.Select(c => c.Studies).DefaultIfEmpty(0).Max();
        var gapFill = Palette.Gap;

        // Horizontal layout: row labels | cells | totals.
        double rowLabelMax = Math.Clamp(Map.RowLabels.Select(l => TextMetrics.Width(l, size)).DefaultIfEmpty(60).Max(), 60, Math.Max(120, (width - 2 * margin) * 0.28));
        var rowLabels = Map.RowLabels.Select(l => TextMetrics.Wrap(l, rowLabelMax, size, maxLines: 4)).ToList();
        double rowLabelWidth = rowLabels.Select(l => SvgBuilder.BlockWidth(l, size)).DefaultIfEmpty(0).Max() + 12;
        double totalWidth = Math.Max(TextMetrics.Width("Total", small, bold: true), TextMetrics.Width(Map.TotalStudies.ToString(CultureInfo.InvariantCulture), size, bold: true)) + 20;
        // A cell is never narrower than the widest word of a column label, so headers wrap between words, never inside one
        // ("Social connect-ion"); a map with many columns grows wider than the chart width instead.
        double widestWord = Map.ColumnLabels.SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(w => TextMetrics.Width(w, small, bold: true) + 8).DefaultIfEmpty(0).Max();
        double minCell = Math.Max(MapOptions.MinCellSize, Math.Min(widestWord, 2 * MapOptions.MaxCellSize));
        double cell = Math.Clamp((width - 2 * margin - rowLabelWidth - totalWidth) / Math.Max(1, columns), minCell, Math.Max(minCell, MapOptions.MaxCellSize));
        width = Math.Max(width, 2 * margin + rowLabelWidth + cell * columns + totalWidth);

        string subtitle = string.Create(CultureInfo.InvariantCulture,
            $"{Map.TotalStudies} distinct studies; bubble area = number of studies in the cell{(MapOptions.Split == GapMapSplit.None ? "" : MapOptions.Split == GapMapSplit.DesignGroup ? ", divided by design" : ", divided by direction of effect")}.")
            + (Map.Filter.IsEmpty ? "" : " Filter: " + Map.Filter + ".")
            + (Changes is null ? "" : string.Create(CultureInfo.InvariantCulture,
                $" Since the previous version: {Changes.Counts.NewStudies} new, {Changes.Counts.RemovedStudies} removed and {Changes.Changed.Length} recoded studies."));
        double y = DrawHeading(svg, width, subtitle);
        y += DrawLegend(svg, margin, y, width - 2 * margin, small, parts, gapFill, maxCell, cell) + size;

        // Column headers, bottom-aligned, wrapped to the cell width.
        var headerStyle = new TextStyle(small, Anchor.Middle, Bold: true);
        var columnLabels = Map.ColumnLabels.Select(l => TextMetrics.Wrap(l, cell - 6, small, bold: true, maxLines: 6)).ToList();
        double headerHeight = SvgBuilder.BlockHeight(columnLabels.Select(l => l.Count).DefaultIfEmpty(1).Max(), small) + 6;
        double gridLeft = margin + rowLabelWidth, gridTop = y + headerHeight, gridRight = gridLeft + cell * columns;
        var headers = SvgBuilder.Group(svg.Body, "column-headers");
        for (int c = 0; c < columns; c++)
            SvgBuilder.Lines(headers, gridLeft + (c + 0.5) * cell, gridTop - 4 - SvgBuilder.BlockHeight(columnLabels[c].Count, small), columnLabels[c], headerStyle, "column-label");
        SvgBuilder.Lines(headers, gridRight + totalWidth / 2, gridTop - 4 - SvgBuilder.BlockHeight(1, small), ["Total"], headerStyle, "column-label");

        double[] rowHeights = rowLabels.Select(l => Math.Max(cell, SvgBuilder.BlockHeight(l.Count, size) + 8)).ToArray();
        double[] rowTops = new double[rows + 1];
        rowTops[0] = gridTop;
        for (int r = 0; r < rows; r++) rowTops[r + 1] = rowTops[r] + rowHeights[r];
        double gridBottom = rowTops[rows];
        double radiusMax = Math.Max(4, cell / 2 - 4);

        var grid = SvgBuilder.Group(svg.Body, "grid");
        var bubbles = SvgBuilder.Group(svg.Body, "bubbles");
        var marks = Changes is null ? null : SvgBuilder.Group(svg.Body, "changes");
        var countStyle = new TextStyle(small, Anchor.Middle, Bold: true);
        for (int r = 0; r < rows; r++)
        {
            SvgBuilder.Lines(grid, margin + rowLabelWidth - 10, rowTops[r] + (rowHeights[r] - SvgBuilder.BlockHeight(rowLabels[r].Count, size)) / 2,
                rowLabels[r], new TextStyle(size, Anchor.End), "row-label");
            for (int c = 0; c < columns; c++)
            {
                var mapCell = Map[r, c];
                double x = gridLeft + c * cell, top = rowTops[r], cx = x + cell / 2, cy = top + rowHeights[r] / 2;
                if (marks is not null && _changed.TryGetValue((mapCell.Row, mapCell.Column), out var change))
                    MarkChange(marks, change, x, top, cell, rowHeights[r], small);
                if (mapCell.IsEmpty)
                {
                    var gap = SvgBuilder.Add(grid, "rect", ("class", "gap-cell"), ("x", x + 1.5), ("y", top + 1.5), ("width", cell - 3), ("height", rowHeights[r] - 3),
                        ("fill", svg.Fill(gapFill)), ("data-row", mapCell.Row), ("data-column", mapCell.Column));
                    SvgBuilder.Tooltip(gap, $"{mapCell.Row} × {mapCell.Column}: no studies (gap)");
                    continue;
                }
                SvgBuilder.Add(grid, "rect", ("x", x + 1.5), ("y", top + 1.5), ("width", cell - 3), ("height", rowHeights[r] - 3), ("fill", "#ffffff"), ("stroke", Palette.Grid), ("stroke-width", 1));
                double radius = radiusMax * Math.Sqrt((double)mapCell.Studies / maxCell);
                var bubble = SvgBuilder.Group(bubbles, "bubble", ("data-row", mapCell.Row), ("data-column", mapCell.Column), ("data-studies", mapCell.Studies));
                SvgBuilder.Tooltip(bubble, Tooltip(mapCell, parts));
                DrawBubble(svg, bubble, cx, cy, radius, parts.Select(p => (p.Label, p.Style, p.Count(mapCell))).ToList());
                SvgBuilder.Halo(SvgBuilder.Text(bubble, cx, cy + 0.35 * small, mapCell.Studies.ToString(CultureInfo.InvariantCulture), countStyle, "cell-count"));
            }
            SvgBuilder.Text(grid, gridRight + totalWidth / 2, rowTops[r] + rowHeights[r] / 2 + 0.35 * size, Map.RowTotals[r].ToString(CultureInfo.InvariantCulture),
                new TextStyle(size, Anchor.Middle, Bold: true), "row-total");
        }

        // Column totals and the grand total.
        double totalsTop = gridBottom + 4;
        var totals = SvgBuilder.Group(svg.Body, "totals");
        SvgBuilder.Add(totals, "line", ("x1", margin), ("x2", gridRight + totalWidth), ("y1", gridBottom + 2), ("y2", gridBottom + 2), ("stroke", Palette.Ink), ("stroke-width", 1));
        SvgBuilder.Add(totals, "line", ("x1", gridRight + 2), ("x2", gridRight + 2), ("y1", gridTop), ("y2", gridBottom + 2 + SvgBuilder.BlockHeight(1, size) + 6), ("stroke", Palette.Ink), ("stroke-width", 1));
        double totalsBaseline = SvgBuilder.Baseline(totalsTop + 2, size);
        SvgBuilder.Text(totals, margin + rowLabelWidth - 10, totalsBaseline, "Total", new TextStyle(size, Anchor.End, Bold: true));
        for (int c = 0; c < columns; c++)
            SvgBuilder.Text(totals, gridLeft + (c + 0.5) * cell, totalsBaseline, Map.ColumnTotals[c].ToString(CultureInfo.InvariantCulture), new TextStyle(size, Anchor.Middle, Bold: true), "column-total");
        SvgBuilder.Text(totals, gridRight + totalWidth / 2, totalsBaseline, Map.TotalStudies.ToString(CultureInfo.InvariantCulture), new TextStyle(size, Anchor.Middle, Bold: true), "grand-total");
        y = totalsTop + SvgBuilder.BlockHeight(1, size) + 6 + size * 0.75;

        string note = string.Create(CultureInfo.InvariantCulture,
            $"Totals count distinct studies, so they are not sums of cells: a study in several cells counts once in each total ({Map.CellEntries} study–cell entries for {Map.TotalStudies} studies). Hatched cells are gaps: no studies.");
        if (Changes is not null)
            note += " Outlined cells have new evidence since the previous version: +n studies new in the cell (added to the review, or recoded into the cell); −n studies no longer in it.";
        if (!Map.UnmappedStudyIds.IsEmpty)
            note += string.Create(CultureInfo.InvariantCulture, $" {Map.UnmappedStudyIds.Length} {(Map.UnmappedStudyIds.Length == 1 ? "study falls" : "studies fall")} in no cell (no findings or no coded {Map.Rows.Label().ToLowerInvariant()}).");
        y = DrawNote(svg, width, y, note);
        return (width, y + margin);
    }

    /// <summary>Marks a changed cell: an outline and "+n" when studies are new in it, "−n" when studies left it.</summary>
    private static void MarkChange(XElement parent, MapCellChange change, double x, double top, double cell, double height, double size)
    {
        var mark = SvgBuilder.Group(parent, change.NewStudyIds.IsEmpty ? "left-evidence" : "new-evidence", ("data-row", change.Row), ("data-column", change.Column),
            ("data-new", change.NewStudyIds.Length), ("data-left", change.LeftStudyIds.Length), ("data-previous", change.PreviousStudies));
        SvgBuilder.Tooltip(mark, change.ToString());
        var style = new TextStyle(size * 0.9, Anchor.End, Bold: true);
        double baseline = top + 3 + size * 0.9;
        if (!change.NewStudyIds.IsEmpty)
        {
            SvgBuilder.Add(mark, "rect", ("class", "new-outline"), ("x", x + 2.5), ("y", top + 2.5), ("width", cell - 5), ("height", height - 5), ("rx", 3),
                ("fill", "none"), ("stroke", NewEvidence), ("stroke-width", 2.5));
            SvgBuilder.Halo(SvgBuilder.Text(mark, x + cell - 5, baseline, "+" + change.NewStudyIds.Length.ToString(CultureInfo.InvariantCulture), style with { Fill = NewEvidence }, "new-count"));
        }
        if (!change.LeftStudyIds.IsEmpty)
            SvgBuilder.Halo(SvgBuilder.Text(mark, x + 5, baseline, "−" + change.LeftStudyIds.Length.ToString(CultureInfo.InvariantCulture), style with { Anchor = Anchor.Start, Fill = Palette.Muted }, "left-count"));
    }

    /// <summary>The colour marking new evidence: Okabe–Ito vermillion, apart from the design and direction fills' outlines.</summary>
    private const string NewEvidence = Palette.Vermillion;

    private static string Tooltip(EvidenceMapCell cell, IReadOnlyList<(string Label, SeriesStyle Style, Func<EvidenceMapCell, int> Count)> parts)
    {
        string split = parts.Count > 1 ? " (" + string.Join(", ", parts.Where(p => p.Count(cell) > 0).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Label} {p.Count(cell)}"))) + ")" : "";
        return string.Create(CultureInfo.InvariantCulture, $"{cell.Row} × {cell.Column}: {cell.Studies} {(cell.Studies == 1 ? "study" : "studies")}{split}");
    }

    /// <summary>Draws a bubble divided into slices clockwise from 12 o'clock, in series order.</summary>
    private void DrawBubble(SvgBuilder svg, XElement parent, double cx, double cy, double radius, IReadOnlyList<(string Label, SeriesStyle Style, int Count)> slices)
    {
        int total = slices.Sum(s => s.Count);
        var drawn = slices.Where(s => s.Count > 0).ToList();
        if (drawn.Count == 1 || total == 0)
        {
            var style = drawn.Count == 1 ? drawn[0].Style : new SeriesStyle(Palette.Blue);
            SvgBuilder.Add(parent, "circle", ("class", "slice"), ("cx", cx), ("cy", cy), ("r", radius), ("fill", svg.Fill(style)),
                ("data-series", drawn.Count == 1 ? drawn[0].Label : null), ("data-value", drawn.Count == 1 ? drawn[0].Count : null));
        }
        else
        {
            double start = 0;
            foreach (var (label, style, count) in drawn)
            {
                double end = start + 2 * Math.PI * count / total;
                double x0 = cx + radius * Math.Sin(start), y0 = cy - radius * Math.Cos(start);
                double x1 = cx + radius * Math.Sin(end), y1 = cy - radius * Math.Cos(end);
                string d = $"M{SvgBuilder.Num(cx)},{SvgBuilder.Num(cy)}L{SvgBuilder.Num(x0)},{SvgBuilder.Num(y0)}A{SvgBuilder.Num(radius)},{SvgBuilder.Num(radius)} 0 {(end - start > Math.PI ? 1 : 0)} 1 {SvgBuilder.Num(x1)},{SvgBuilder.Num(y1)}Z";
                SvgBuilder.Add(parent, "path", ("class", "slice"), ("d", d), ("fill", svg.Fill(style)), ("stroke", "#ffffff"), ("stroke-width", 0.75),
                    ("data-series", label), ("data-value", count));
                start = end;
            }
        }
        if (MapOptions.Donut && MapOptions.Split != GapMapSplit.None && radius >= 10)
            SvgBuilder.Add(parent, "circle", ("cx", cx), ("cy", cy), ("r", radius * 0.5), ("fill", "#ffffff"));
        SvgBuilder.Add(parent, "circle", ("class", "bubble-outline"), ("cx", cx), ("cy", cy), ("r", radius), ("fill", "none"), ("stroke", Palette.Ink), ("stroke-width", 0.75));
    }

    private double DrawLegend(SvgBuilder svg, double x, double top, double maxWidth, double size,
        IReadOnlyList<(string Label, SeriesStyle Style, Func<EvidenceMapCell, int> Count)> parts, SeriesStyle gapFill, int maxCell, double cell)
    {
        double height = 0;
        var items = new List<LegendItem>();
        if (parts.Count > 1) items.AddRange(parts.Select(p => LegendItem.Swatch(svg, p.Label, p.Style)));
        items.Add(LegendItem.Swatch(svg, "Gap (no studies)", gapFill));
        if (Changes is not null)
        {
            items.Add(new LegendItem("New evidence since the previous version (+n new studies)", (parent, box) =>
                SvgBuilder.Add(parent, "rect", ("x", box.X), ("y", box.Y), ("width", box.Width), ("height", box.Height), ("rx", 2),
                    ("fill", "#ffffff"), ("stroke", NewEvidence), ("stroke-width", 2.5))));
        }
        height += Legend.Draw(svg.Body, x, top, maxWidth, items, size, parts.Count > 1 ? (MapOptions.Split == GapMapSplit.Direction ? "Direction" : "Design") : null);

        // Bubble size key: the largest cell, and smaller nice values.
        if (maxCell > 0)
        {
            double radiusMax = Math.Max(4, cell / 2 - 4);
            height += 6 + Legend.Draw(svg.Body, x, top + height + 6, maxWidth, LegendItem.AreaKey(maxCell, radiusMax), size, "Bubble size");
        }
        return height;
    }
}
