using System.Collections.Immutable;
using System.Globalization;

namespace Evidence.Analytics;

// The effect direction plot of more studies than ChartOptions.MaxStudyRows: one row per intervention type instead of
// one per study, so that the chart stays readable (and its SVG small) at any size.
public sealed partial class EffectDirectionPlot
{
    /// <summary>The row label of studies whose interventions have no intervention type coded.</summary>
    private const string NoTypeLabel = "No intervention type coded";

    /// <summary>The directions a cell of an aggregated row counts, in the order its lines are drawn.</summary>
    private static readonly Direction[] CountedDirections = [Direction.Improved, Direction.NoDifference, Direction.Worsened, Direction.NotReported];

    private readonly ImmutableArray<TypeRow> _typeRows = [];

    /// <summary>One row of the aggregated plot: an intervention type, its studies, and per domain the number of its
    /// studies in each of <see cref="CountedDirections"/> (mixed counted with no difference, as ◄► draws both).</summary>
    private sealed record TypeRow(string Label, int Studies, int[][] Counts)
    {
        public bool HasNotReported => Counts.Any(c => c[3] > 0);
    }

    private string AggregationSubtitle => IsAggregated
        ? string.Create(CultureInfo.InvariantCulture, $"; {Studies.Length:N0} studies, so one row per intervention type")
        : "";

    private string AggregationNote => IsAggregated
        ? string.Create(CultureInfo.InvariantCulture,
            $"With more than {Options.MaxStudyRows:N0} studies ({Studies.Length:N0}) the plot has one row per intervention type instead of one per study: each cell gives the number of the type's studies whose arrow points each way (a study counts under every type of its interventions), so sample size and risk of bias are not shown. ")
        : "";

    private ImmutableArray<TypeRow> TypeRows(EvidenceBase evidence)
    {
        // Each study counts once in the rows of its types; then each domain's votes are added to those rows.
        var rows = new SortedDictionary<InterventionType, Tally>();
        var untyped = new Tally(Domains.Length);
        var rowsOf = new Dictionary<string, Tally[]>(Studies.Length, StringComparer.OrdinalIgnoreCase);
        foreach (var study in Studies)
        {
            var types = evidence.InterventionTypesOf(study);
            Tally[] of = types.Count == 0 ? [untyped] : new Tally[types.Count];
            for (int t = 0; t < types.Count; t++)
            {
                if (!rows.TryGetValue(types[t], out var row)) rows[types[t]] = row = new Tally(Domains.Length);
                of[t] = row;
            }
            foreach (var row in of) row.Studies++;
            rowsOf[study.Id] = of;
        }
        for (int d = 0; d < Domains.Length; d++)
        {
            foreach (var vote in _votes.Domains[d].Share.Studies)
            {
                int counted = Array.IndexOf(CountedDirections, vote.Direction == Direction.Mixed ? Direction.NoDifference : vote.Direction);
                foreach (var row in rowsOf[vote.StudyId]) row.Counts[d][counted]++;
            }
        }
        var result = rows.Select(p => new TypeRow(p.Key.Name, p.Value.Studies, p.Value.Counts)).ToList();
        if (untyped.Studies > 0) result.Add(new TypeRow(NoTypeLabel, untyped.Studies, untyped.Counts));
        return [.. result];
    }

    /// <summary>A row's studies and, per domain, its studies in each of <see cref="CountedDirections"/>, as they are counted.</summary>
    private sealed class Tally(int domains)
    {
        public int Studies { get; set; }

        public int[][] Counts { get; } = [.. Enumerable.Range(0, domains).Select(_ => new int[CountedDirections.Length])];
    }

    /// <summary>Draws the column headers, one row per intervention type and the grid below <paramref name="y"/>.</summary>
    private (double X0, double XDomains, double DomainWidth, double BodyBottom) DrawTypeRows(SvgBuilder svg, ref double width, double y)
    {
        double margin = Options.Margin, small = Options.FontSize * 0.9, line = SvgBuilder.BlockHeight(1, small);
        double typeWidth = Math.Min(220, _typeRows.Select(r => TextMetrics.Width(r.Label, small)).Append(TextMetrics.Width("Intervention type", small, true)).Max()) + 8;
        double studiesWidth = Math.Max(TextMetrics.Width("999,999", small), TextMetrics.Width("Studies", small, true)) + 10;
        double countWidth = 8 + 6 + TextMetrics.Width("NR 999,999", small);
        // Wide enough for the vote-count summary below the rows, whose counts run to six digits.
        double summaryWidth = TextMetrics.Width("999999 vs 999999", small) + 8;
        // The summary's row labels ("Sign test: improved vs worsened", …) sit under the type and studies columns.
        double labelsWidth = TextMetrics.Width("Qualitative studies, not counted", small, true) + 12;
        typeWidth = Math.Max(typeWidth, labelsWidth - studiesWidth);
        double domainWidth = Math.Max(Math.Max(74, Math.Max(countWidth, summaryWidth) + 8), (width - 2 * margin - typeWidth - studiesWidth) / Math.Max(1, Domains.Length));
        width = Math.Max(width, 2 * margin + typeWidth + studiesWidth + domainWidth * Domains.Length);
        double x0 = margin, xStudies = x0 + typeWidth, xDomains = xStudies + studiesWidth, right = xDomains + domainWidth * Domains.Length;

        var headerStyle = new TextStyle(small, Bold: true);
        var domainHeaders = Domains.Select(d => TextMetrics.Wrap(d.Name, domainWidth - 8, small, bold: true, maxLines: 3)).ToList();
        double headerBottom = y + SvgBuilder.BlockHeight(Math.Max(1, domainHeaders.Select(h => h.Count).DefaultIfEmpty(1).Max()), small) + 6;
        var header = SvgBuilder.Group(svg.Body, "column-headers");
        double lastLineTop = headerBottom - 4 - line;
        SvgBuilder.Lines(header, x0 + 4, lastLineTop, ["Intervention type"], headerStyle);
        SvgBuilder.Lines(header, xStudies + studiesWidth - 6, lastLineTop, ["Studies"], headerStyle with { Anchor = Anchor.End });
        for (int d = 0; d < Domains.Length; d++)
            SvgBuilder.Lines(header, xDomains + (d + 0.5) * domainWidth, headerBottom - 4 - SvgBuilder.BlockHeight(domainHeaders[d].Count, small),
                domainHeaders[d], headerStyle with { Anchor = Anchor.Middle }, "domain-label");
        SvgBuilder.Add(header, "line", ("x1", x0), ("x2", right), ("y1", headerBottom), ("y2", headerBottom), ("stroke", Palette.Ink), ("stroke-width", 1));

        var body = SvgBuilder.Group(svg.Body, "rows");
        var cellStyle = new TextStyle(small);
        double top = headerBottom;
        for (int r = 0; r < _typeRows.Length; r++)
        {
            var typeRow = _typeRows[r];
            int lines = typeRow.HasNotReported ? 4 : 3;
            double rowHeight = lines * line + 8, baseline = SvgBuilder.Baseline(top + 4, small);
            var row = SvgBuilder.Group(body, "type-row", ("data-intervention-type", typeRow.Label), ("data-studies", typeRow.Studies));
            SvgBuilder.Add(row, "rect", ("x", x0), ("y", top), ("width", right - x0), ("height", rowHeight), ("fill", r % 2 == 0 ? Palette.Faint : "#ffffff"));
            SvgBuilder.Text(row, x0 + 4, baseline, TextMetrics.Wrap(typeRow.Label, typeWidth - 8, small, maxLines: 1)[0], cellStyle);
            SvgBuilder.Text(row, xStudies + studiesWidth - 6, baseline, typeRow.Studies.ToString("N0", CultureInfo.InvariantCulture), cellStyle with { Anchor = Anchor.End });
            for (int d = 0; d < Domains.Length; d++)
            {
                int[] counts = typeRow.Counts[d];
                var cell = SvgBuilder.Group(row, "type-cell", ("data-domain", Domains[d].Name), ("data-improved", counts[0]),
                    ("data-no-change", counts[1]), ("data-worsened", counts[2]), ("data-not-reported", counts[3]));
                double left = xDomains + (d + 0.5) * domainWidth - countWidth / 2;
                for (int k = 0; k < lines; k++)
                {
                    double lineBaseline = SvgBuilder.Baseline(top + 4, small, k);
                    string count = counts[k].ToString("N0", CultureInfo.InvariantCulture);
                    if (CountedDirections[k] == Direction.NotReported)
                    {
                        SvgBuilder.Text(cell, left, lineBaseline, "NR " + count, cellStyle with { Fill = Palette.Muted }, "not-reported");
                        continue;
                    }
                    Symbol(cell, CountedDirections[k], SampleSizeBand.Small, left + 6, lineBaseline - 0.35 * small);
                    SvgBuilder.Text(cell, left + 14, lineBaseline, count, counts[k] == 0 ? cellStyle with { Fill = Palette.Muted } : cellStyle, "direction-count");
                }
            }
            top += rowHeight;
        }
        var grid = SvgBuilder.Group(svg.Body, "grid");
        foreach (double gx in (double[])[xStudies, .. Enumerable.Range(0, Domains.Length).Select(d => xDomains + d * domainWidth)])
            SvgBuilder.Add(grid, "line", ("x1", gx), ("x2", gx), ("y1", y), ("y2", top), ("stroke", "#ffffff"), ("stroke-width", 1.5));
        SvgBuilder.Add(grid, "line", ("x1", x0), ("x2", right), ("y1", top), ("y2", top), ("stroke", Palette.Ink), ("stroke-width", 1));
        return (x0, xDomains, domainWidth, top);
    }
}
