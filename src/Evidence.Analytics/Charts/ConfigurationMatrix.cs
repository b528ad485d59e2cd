using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Evidence.Analytics;

/// <summary>A realist configuration matrix: one row per CMO configuration (grouped by family), one column per study
/// (grouped by the programme it evaluates), a mark where the study supports the configuration, and each row's distinct
/// studies and programmes.</summary>
/// <remarks>
/// <para>Families are told apart by shape as well as colour (take-up ■, positive impact ●, negative impact ▼; further
/// families cycle through the remaining shapes), so the matrix reads in grey print and for colour-blind readers.</para>
/// <para>Columns are ordered by programme, in the evidence base's order, with alternate programmes shaded, so several
/// studies of one programme sit together: a row with marks in two columns of one band has two studies but one
/// programme. A study of several programmes sits under its first. Studies that support no configuration are left out
/// and counted in the note.</para>
/// </remarks>
public sealed class ConfigurationMatrix : Chart
{
    internal ConfigurationMatrix(RealistSynthesis synthesis, ChartOptions? options)
        : base("CMO configurations by supporting study", options ?? ChartOptions.Default)
    {
        ArgumentNullException.ThrowIfNull(synthesis);
        Synthesis = synthesis;
        Rows = [.. synthesis.Configurations.OrderBy(s => s.Configuration.Family).ThenBy(s => synthesis.Configurations.IndexOf(s))];
        var columns = new List<(Study Study, Intervention? Programme)>();
        var placed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var programme in synthesis.Programmes)
        {
            foreach (var study in programme.SupportingStudies)
            {
                if (placed.Add(study.Id)) columns.Add((study, programme.Programme));
            }
        }
        foreach (var study in synthesis.Configurations.SelectMany(s => s.Studies))
        {
            if (placed.Add(study.Id)) columns.Add((study, null));
        }
        Columns = [.. columns.Select(c => c.Study)];
        _programmes = [.. columns.Select(c => c.Programme)];
    }

    private readonly ImmutableArray<Intervention?> _programmes;

    /// <summary>The analysis drawn.</summary>
    public RealistSynthesis Synthesis { get; }

    /// <summary>The rows: configurations in family order, each family in the evidence base's order.</summary>
    public ImmutableArray<ConfigurationSupport> Rows { get; }

    /// <summary>The columns: each supporting study once, grouped by programme.</summary>
    public ImmutableArray<Study> Columns { get; }

    /// <summary>The programme a column is drawn under: the study's first programme, or null when it evaluates none.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The column index is out of range.</exception>
    public Intervention? ProgrammeOf(int column) => _programmes[column];

    /// <inheritdoc />
    public override string Description
    {
        get
        {
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture,
                $"Matrix of {Rows.Length} CMO configurations against the {Columns.Length} studies that support them, from {Synthesis.ProgrammeCount} programmes. ");
            foreach (var tally in Synthesis.FamilyTallies.Where(t => t.Configurations > 0))
                text.Append(tally).Append(". ");
            return text.ToString().TrimEnd();
        }
    }

    private protected override string Kind => "cmo";

    private protected override (double Width, double Height) Render(SvgBuilder svg, double width)
    {
        double margin = Options.Margin, size = Options.FontSize, small = size * 0.9;
        string subtitle = Synthesis.ToString().Split('\n')[0];
        double y = DrawHeading(svg, width, subtitle);
        y += Legend.Draw(svg.Body, margin, y, width - 2 * margin, FamilyMarker.LegendItems(Synthesis), small, "Family") + size;

        double cell = Math.Max(14, small * 1.5);
        double countWidth = TextMetrics.Width("Programmes", small, bold: true) + 8;
        double labelWidth = Math.Max(300, width - 2 * margin - Columns.Length * cell - 2 * countWidth);
        width = Math.Max(width, 2 * margin + labelWidth + Columns.Length * cell + 2 * countWidth);
        double xCells = margin + labelWidth, xCounts = xCells + Columns.Length * cell, right = xCounts + 2 * countWidth;

        var headerStyle = new TextStyle(small);
        string ColumnLabel(int c) => _programmes[c] is { } programme ? $"{Columns[c].Id} · {programme.Id}" : Columns[c].Id;
        double headerHeight = Enumerable.Range(0, Columns.Length).Select(c => TextMetrics.Width(ColumnLabel(c), small)).DefaultIfEmpty(20).Max() + 8;
        double top = y, headerBottom = y + headerHeight;

        // Programme bands behind the header and the cells, drawn first so labels and marks sit on top.
        double rowHeight = cell;
        int familyRows = Rows.Select(r => r.Configuration.Family).Distinct().Count();
        double bodyBottom = headerBottom + (Rows.Length + familyRows) * rowHeight;
        var bands = SvgBuilder.Group(svg.Body, "programme-bands");
        int band = 0;
        for (int c = 0; c < Columns.Length;)
        {
            int end = c;
            while (end + 1 < Columns.Length && _programmes[end + 1] is { } next && _programmes[c] is { } first && next.Id == first.Id) end++;
            if (band++ % 2 == 1)
            {
                SvgBuilder.Add(bands, "rect", ("x", xCells + c * cell), ("y", top), ("width", (end - c + 1) * cell), ("height", bodyBottom - top),
                    ("fill", Palette.Faint), ("data-programme", _programmes[c]?.Id));
            }
            c = end + 1;
        }

        // Column headers: study ids rotated, reading upwards, each with its programme.
        var header = SvgBuilder.Group(svg.Body, "column-headers");
        for (int c = 0; c < Columns.Length; c++)
        {
            // rotate(-90) turns the glyphs' 0.8 em ascent to the left of x, so shift right by 0.3 em to centre them.
            double cx = xCells + (c + 0.5) * cell + 0.3 * small;
            var label = SvgBuilder.Text(header, cx, headerBottom - 4, ColumnLabel(c), headerStyle, "study-label");
            label.SetAttributeValue("transform", $"rotate(-90 {SvgBuilder.Num(cx)} {SvgBuilder.Num(headerBottom - 4)})");
            label.SetAttributeValue("data-study", Columns[c].Id);
        }
        var countStyle = new TextStyle(small, Anchor.End, Bold: true);
        SvgBuilder.Text(header, xCounts + countWidth - 4, headerBottom - 4, "Studies", countStyle);
        SvgBuilder.Text(header, xCounts + 2 * countWidth - 4, headerBottom - 4, "Programmes", countStyle);
        SvgBuilder.Text(header, margin, headerBottom - 4, "Configuration (theme)", new TextStyle(small, Bold: true));

        var body = SvgBuilder.Group(svg.Body, "rows");
        var labelStyle = new TextStyle(small);
        var numberStyle = new TextStyle(small, Anchor.End);
        double rowTop = headerBottom;
        ConfigurationFamily? family = null;
        foreach (var row in Rows)
        {
            var configuration = row.Configuration;
            if (configuration.Family != family)
            {
                family = configuration.Family;
                var tally = Synthesis.Tally(family);
                var familyGroup = SvgBuilder.Group(body, "family", ("data-family", family.Name));
                SvgBuilder.Add(familyGroup, "line", ("x1", margin), ("x2", right), ("y1", rowTop), ("y2", rowTop), ("stroke", Palette.Ink), ("stroke-width", 0.75));
                SvgBuilder.Text(familyGroup, margin, rowTop + rowHeight / 2 + 0.35 * small, $"{family.Name} ({ConfigurationSupport.Plural(tally.Configurations, "configuration", "configurations")})",
                    new TextStyle(small, Bold: true));
                SvgBuilder.Text(familyGroup, xCounts + countWidth - 4, rowTop + rowHeight / 2 + 0.35 * small, tally.Studies.ToString(CultureInfo.InvariantCulture), numberStyle with { Bold = true });
                SvgBuilder.Text(familyGroup, xCounts + 2 * countWidth - 4, rowTop + rowHeight / 2 + 0.35 * small, tally.Programmes.ToString(CultureInfo.InvariantCulture), numberStyle with { Bold = true });
                rowTop += rowHeight;
            }
            double middle = rowTop + rowHeight / 2, baseline = middle + 0.35 * small;
            var group = SvgBuilder.Group(body, "configuration", ("data-configuration", configuration.Id), ("data-family", configuration.Family.Name),
                ("data-studies", row.StudyCount), ("data-programmes", row.ProgrammeCount));
            SvgBuilder.Add(group, "line", ("x1", xCells), ("x2", xCounts), ("y1", middle), ("y2", middle), ("stroke", Palette.Grid), ("stroke-width", 0.5));
            string theme = configuration.Themes.IsEmpty ? configuration.Outcome : string.Join("; ", configuration.Themes);
            SvgBuilder.Tooltip(group, configuration.ToString());
            SvgBuilder.Text(group, margin + 8, baseline, TextMetrics.Wrap($"{configuration.Id} {theme}", labelWidth - 14, small, maxLines: 1)[0], labelStyle);
            var supported = row.Studies.Select(s => s.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
            for (int c = 0; c < Columns.Length; c++)
            {
                if (!supported.Contains(Columns[c].Id)) continue;
                var mark = FamilyMarker.Draw(group, configuration.Family, xCells + (c + 0.5) * cell, middle, cell * 0.62);
                mark.SetAttributeValue("data-study", Columns[c].Id);
                SvgBuilder.Tooltip(mark, $"{configuration.Id} supported by {Columns[c]}");
            }
            SvgBuilder.Text(group, xCounts + countWidth - 4, baseline, row.StudyCount.ToString(CultureInfo.InvariantCulture), numberStyle);
            SvgBuilder.Text(group, xCounts + 2 * countWidth - 4, baseline, row.ProgrammeCount.ToString(CultureInfo.InvariantCulture), numberStyle);
            rowTop += rowHeight;
        }
        SvgBuilder.Add(body, "line", ("x1", margin), ("x2", right), ("y1", bodyBottom), ("y2", bodyBottom), ("stroke", Palette.Ink), ("stroke-width", 0.75));

        string unlinked = Synthesis.UnlinkedStudies.IsEmpty ? "" : string.Create(CultureInfo.InvariantCulture,
            $" {ConfigurationSupport.Plural(Synthesis.UnlinkedStudies.Length, "study supports", "studies support")} no configuration and {(Synthesis.UnlinkedStudies.Length == 1 ? "is" : "are")} not shown.");
        y = DrawNote(svg, width, bodyBottom + size * 0.75,
            "A mark: the study's evidence supports the configuration. Columns are studies grouped by the programme they evaluate (label: study · programme; shaded bands alternate by programme). " +
            "Counts are distinct studies and distinct programmes: two studies of one programme count as two studies but one programme." + unlinked);
        return (width, y + margin);
    }
}
