using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Evidence.Analytics;

/// <summary>The themes of a realist synthesis against its configuration families: one row per theme, one column per
/// family that has configurations, a mark where the theme has configurations in the family, its area proportional to
/// the distinct studies supporting them, and each theme's distinct studies across families.</summary>
/// <remarks>
/// <para>Each mark has its family's shape and colour, as in <see cref="ConfigurationMatrix"/>, and is labelled with its
/// configurations, studies and configuration ids. Marks of every shape are sized to the same area for the same number
/// of studies, so a triangle and a circle of six studies cover as much of the page; the fullest cell's mark fills its
/// box and the others scale by area, so a cell with four times the studies has a mark twice as wide.</para>
/// <para>Hatched cells are gaps: no configuration has the theme in that family. A configuration tagged with two themes
/// counts in both rows. Totals are distinct studies across families (<see cref="ThemeFamilyMatrix.StudyCount(string)"/>),
/// never sums of cells: a study supporting a theme's take-up and impact configurations counts once. Configurations with
/// no theme are not drawn; the note lists them.</para>
/// </remarks>
public sealed class ThemeFamilyChart : Chart
{
    internal ThemeFamilyChart(RealistSynthesis synthesis, ChartOptions? options)
        : base("CMO themes by configuration family", options ?? ChartOptions.Default)
    {
        ArgumentNullException.ThrowIfNull(synthesis);
        Synthesis = synthesis;
        Rows = synthesis.Themes.Themes;
        Columns = [.. synthesis.Families.Where(f => synthesis.Tally(f).Configurations > 0)];
    }

    /// <summary>The analysis drawn; the cells are its <see cref="RealistSynthesis.Themes"/>.</summary>
    public RealistSynthesis Synthesis { get; }

    /// <summary>The rows: the themes, in the order of <see cref="ThemeFamilyMatrix.Themes"/> (take-up themes first).</summary>
    public ImmutableArray<string> Rows { get; }

    /// <summary>The columns: the families that have at least one configuration, in display order.</summary>
    public ImmutableArray<ConfigurationFamily> Columns { get; }

    /// <inheritdoc />
    public override string Description
    {
        get
        {
            var matrix = Synthesis.Themes;
            int filled = Rows.Sum(theme => Columns.Count(family => matrix.Count(theme, family) > 0));
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture,
                $"Matrix of {Plural(Rows.Length, "theme", "themes")} of CMO configurations against {Plural(Columns.Length, "configuration family", "configuration families")}: ");
            text.Append(CultureInfo.InvariantCulture, $"{filled} theme–family cells have configurations and {Rows.Length * Columns.Length - filled} are empty (gaps). ");
            foreach (string theme in Rows)
            {
                var cells = Columns.Where(f => matrix.Count(theme, f) > 0)
                    .Select(f => $"{f} {Plural(matrix.Count(theme, f), "configuration", "configurations")} from {Plural(matrix.StudyCount(theme, f), "study", "studies")}").ToList();
                text.Append(theme).Append(": ").AppendJoin("; ", cells);
                if (cells.Count > 1) text.Append("; ").Append(Plural(matrix.StudyCount(theme), "distinct study", "distinct studies")).Append(" in all");
                text.Append(". ");
            }
            text.Append(UntaggedNote());
            return text.ToString().TrimEnd();
        }
    }

    private protected override string Kind => "themes";

    private protected override (double Width, double Height) Render(SvgBuilder svg, double width)
    {
        double margin = Options.Margin, size = Options.FontSize, small = size * 0.9;
        var matrix = Synthesis.Themes;
        int rows = Rows.Length, columns = Columns.Length;
        var cells = Rows.Select(theme => Columns.Select(family =>
            (Ids: matrix.Configurations(theme, family).Select(c => c.Id).ToArray(), Studies: matrix.StudyCount(theme, family))).ToArray()).ToArray();
        int maxStudies = cells.SelectMany(r => r).Select(c => c.Studies).DefaultIfEmpty(0).Max();

        // Horizontal layout: theme labels | cells (a mark in a square box, its label beside it) | distinct-study totals.
        double markBox = Math.Max(24, 3 * size), pad = 8;
        string[] CountLines(int configurations, int studies) =>
            [Plural(configurations, "configuration", "configurations"), Plural(studies, "study", "studies")];
        double countWidth = cells.SelectMany(r => r).Where(c => c.Ids.Length > 0)
            .SelectMany(c => CountLines(c.Ids.Length, c.Studies)).Select(l => TextMetrics.Width(l, small)).DefaultIfEmpty(0).Max();
        // The configuration ids take one line where they fit in up to 1.5 times the counts' width, and wrap otherwise.
        double idsWidth = cells.SelectMany(r => r).Select(c => TextMetrics.Width(string.Join(", ", c.Ids), small)).DefaultIfEmpty(0).Max();
        double textWidth = Math.Max(countWidth, Math.Min(idsWidth, 1.5 * countWidth));
        double widestWord = Columns.SelectMany(f => f.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(w => TextMetrics.Width(w, small, bold: true) + 8).DefaultIfEmpty(0).Max();
        double minCell = Math.Max(3 * pad + markBox + textWidth, widestWord);
        var totalHeader = TextMetrics.Wrap("Distinct studies", TextMetrics.Width("Distinct", small, bold: true), small, bold: true);
        double totalWidth = Math.Max(SvgBuilder.BlockWidth(totalHeader, small, bold: true), TextMetrics.Width(maxStudies.ToString(CultureInfo.InvariantCulture), size, bold: true)) + 20;
        double available = width - 2 * margin;
        double rowLabelMax = Math.Clamp(Rows.Select(t => TextMetrics.Width(t, size)).DefaultIfEmpty(60).Max(), 60,
            Math.Max(140, available - totalWidth - columns * minCell - 12));
        var rowLabels = Rows.Select(t => TextMetrics.Wrap(t, rowLabelMax, size, maxLines: 4)).ToList();
        double rowLabelWidth = rowLabels.Select(l => SvgBuilder.BlockWidth(l, size)).DefaultIfEmpty(0).Max() + 12;
        // Whole hundredths, so the columns add up to no more than the width asked for.
        double cell = Math.Floor(100 * Math.Clamp((available - rowLabelWidth - totalWidth) / Math.Max(1, columns), minCell, Math.Max(minCell, 240))) / 100;
        width = Math.Max(width, 2 * margin + rowLabelWidth + cell * columns + totalWidth);

        string subtitle = string.Create(CultureInfo.InvariantCulture,
            $"{Plural(rows, "theme", "themes")} by {Plural(columns, "family", "families")}; mark area = distinct studies supporting the theme's configurations in the family.");
        double y = DrawHeading(svg, width, subtitle);

        // The largest mark of any shape fits its box: the thinnest shape (a triangle) at full size is as wide as the box.
        double maxArea = FamilyMarker.SmallestUnitArea * markBox * markBox;
        y += Legend.Draw(svg.Body, margin, y, width - 2 * margin,
            [.. FamilyMarker.LegendItems(Synthesis), LegendItem.Swatch(svg, "Gap (no configurations)", Palette.Gap)], small, "Family");
        if (maxStudies > 0)
            y += 6 + Legend.Draw(svg.Body, margin, y + 6, width - 2 * margin, LegendItem.AreaKey(maxStudies, Math.Sqrt(maxArea / Math.PI)), small, "Mark area");
        y += size;

        // Column headers, bottom-aligned, wrapped to the cell width.
        var headerStyle = new TextStyle(small, Anchor.Middle, Bold: true);
        var columnLabels = Columns.Select(f => TextMetrics.Wrap(f.Name, cell - 6, small, bold: true, maxLines: 4)).ToList();
        int headerLines = columnLabels.Select(l => l.Count).Append(totalHeader.Count).Max();
        double gridLeft = margin + rowLabelWidth, gridTop = y + SvgBuilder.BlockHeight(headerLines, small) + 6, gridRight = gridLeft + cell * columns, right = gridRight + totalWidth;
        var headers = SvgBuilder.Group(svg.Body, "column-headers");
        for (int c = 0; c < columns; c++)
        {
            var label = SvgBuilder.Lines(headers, gridLeft + (c + 0.5) * cell, gridTop - 4 - SvgBuilder.BlockHeight(columnLabels[c].Count, small), columnLabels[c], headerStyle, "column-label");
            label.SetAttributeValue("data-family", Columns[c].Name);
        }
        SvgBuilder.Lines(headers, gridRight + totalWidth / 2, gridTop - 4 - SvgBuilder.BlockHeight(totalHeader.Count, small), totalHeader, headerStyle, "column-label");

        // Rows: as tall as the mark, the cell labels (counts and ids) and the wrapped theme label need.
        var idLines = cells.Select(r => r.Select(c => TextMetrics.Wrap(string.Join(", ", c.Ids), cell - 3 * pad - markBox, small, maxLines: 3)).ToArray()).ToArray();
        double[] rowTops = new double[rows + 1];
        rowTops[0] = gridTop;
        for (int r = 0; r < rows; r++)
        {
            double cellLabels = SvgBuilder.BlockHeight(2 + idLines[r].Select(l => l.Count).DefaultIfEmpty(1).Max(), small);
            rowTops[r + 1] = rowTops[r] + Math.Max(Math.Max(markBox, cellLabels), SvgBuilder.BlockHeight(rowLabels[r].Count, size)) + 8;
        }
        double gridBottom = rowTops[rows];

        var bands = SvgBuilder.Group(svg.Body, "row-bands");
        var grid = SvgBuilder.Group(svg.Body, "grid");
        var marks = SvgBuilder.Group(svg.Body, "cells");
        var labelStyle = new TextStyle(small);
        var idStyle = new TextStyle(small, Fill: Palette.Muted);
        for (int r = 0; r < rows; r++)
        {
            string theme = Rows[r];
            double top = rowTops[r], height = rowTops[r + 1] - top, cy = top + height / 2;
            if (r % 2 == 1)
                SvgBuilder.Add(bands, "rect", ("x", margin), ("y", top), ("width", right - margin), ("height", height), ("fill", Palette.Faint));
            SvgBuilder.Lines(grid, gridLeft - 10, cy - SvgBuilder.BlockHeight(rowLabels[r].Count, size) / 2, rowLabels[r], new TextStyle(size, Anchor.End), "row-label");
            for (int c = 0; c < columns; c++)
            {
                var family = Columns[c];
                var (ids, studies) = cells[r][c];
                double x = gridLeft + c * cell;
                if (ids.Length == 0)
                {
                    var gap = SvgBuilder.Add(grid, "rect", ("class", "gap-cell"), ("x", x + 1.5), ("y", top + 1.5), ("width", cell - 3), ("height", height - 3),
                        ("fill", svg.Fill(Palette.Gap)), ("data-theme", theme), ("data-family", family.Name));
                    SvgBuilder.Tooltip(gap, $"{theme} × {family}: no configurations (gap)");
                    continue;
                }
                SvgBuilder.Add(grid, "rect", ("x", x + 1.5), ("y", top + 1.5), ("width", cell - 3), ("height", height - 3), ("fill", "#ffffff"), ("stroke", Palette.Grid), ("stroke-width", 1));
                var group = SvgBuilder.Group(marks, "theme-cell", ("data-theme", theme), ("data-family", family.Name),
                    ("data-configurations", ids.Length), ("data-studies", studies), ("data-configuration-ids", string.Join(' ', ids)));
                SvgBuilder.Tooltip(group, string.Create(CultureInfo.InvariantCulture,
                    $"{theme} × {family}: {Plural(ids.Length, "configuration", "configurations")} ({string.Join(", ", ids)}) from {Plural(studies, "study", "studies")}"));
                if (studies > 0)
                    FamilyMarker.Draw(group, family, x + pad + markBox / 2, cy, Math.Sqrt(maxArea * studies / maxStudies / FamilyMarker.UnitArea(family)));
                double textX = x + 2 * pad + markBox, textTop = cy - SvgBuilder.BlockHeight(2 + idLines[r][c].Count, small) / 2;
                SvgBuilder.Lines(group, textX, textTop, CountLines(ids.Length, studies), labelStyle, "cell-label");
                SvgBuilder.Lines(group, textX, textTop + SvgBuilder.BlockHeight(2, small), idLines[r][c], idStyle, "cell-ids");
            }
            var total = SvgBuilder.Text(grid, gridRight + totalWidth / 2, cy + 0.35 * size, matrix.StudyCount(theme).ToString(CultureInfo.InvariantCulture),
                new TextStyle(size, Anchor.Middle, Bold: true), "row-total");
            total.SetAttributeValue("data-theme", theme);
        }
        SvgBuilder.Add(grid, "line", ("x1", gridRight + 2), ("x2", gridRight + 2), ("y1", gridTop), ("y2", gridBottom), ("stroke", Palette.Ink), ("stroke-width", 1));
        SvgBuilder.Add(grid, "line", ("x1", margin), ("x2", right), ("y1", gridBottom + 2), ("y2", gridBottom + 2), ("stroke", Palette.Ink), ("stroke-width", 1));

        string note = (rows == 0 ? "No configuration has a theme. " : "") +
            "A mark: the theme has configurations in the family; its area is the number of distinct studies supporting them (shapes of equal area for equal studies), " +
            "and its label gives the configurations, the studies and the configuration ids. Hatched cells are gaps: no configuration has the theme in that family. " +
            "A configuration with two themes counts in both rows. Totals count distinct studies across families, so they are not sums of cells." + UntaggedNote();
        y = DrawNote(svg, width, gridBottom + 2 + size * 0.75, note);
        return (width, y + margin);
    }

    /// <summary>" 3 configurations have no theme and are not shown: C12, C14, C20.", or "" when every configuration has one.</summary>
    private string UntaggedNote()
    {
        var untagged = Synthesis.Themes.Untagged;
        return untagged.IsEmpty ? "" : string.Create(CultureInfo.InvariantCulture,
            $" {Plural(untagged.Length, "configuration has", "configurations have")} no theme and {(untagged.Length == 1 ? "is" : "are")} not shown: {string.Join(", ", untagged.Select(c => c.Id))}.");
    }

    private static string Plural(int count, string one, string many) => ConfigurationSupport.Plural(count, one, many);
}
