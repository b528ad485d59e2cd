using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Evidence.Analytics;

/// <summary>A harvest plot (Ogilvie et al. 2008): for each outcome domain, one bar per study in the column of the
/// direction it supports, the bar's height its design weight, its study id printed above it.</summary>
/// <remarks>
/// <para>Columns are the three competing hypotheses: the intervention improves the outcome, makes no difference (or
/// results are mixed), or worsens it. Each study's direction per domain is summarised from its findings with the same
/// within-study rule as the effect direction plot. Studies with no reported direction are left out and counted in the note.</para>
/// <para>Bar height is a methodological weight for the suitability of the design (by default 3 for randomised trials,
/// 2 for quasi-experimental and cohort / pre–post studies, 1 for every other design); bar fill and pattern show the
/// design group.</para>
/// </remarks>
public sealed partial class HarvestPlot : Chart
{
    private static readonly Direction[] Columns = [Direction.Improved, Direction.NoDifference, Direction.Worsened];

    internal HarvestPlot(EvidenceBase evidence, IReadOnlyDictionary<StudyDesign, int>? designWeights, double threshold, ChartOptions? options)
        : base("Harvest plot", options ?? ChartOptions.Default)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var weights = Enum.GetValues<StudyDesign>().ToDictionary(d => d, d => designWeights is not null && designWeights.TryGetValue(d, out int w) ? w : DefaultWeight(d));
        if (weights.Values.Any(w => w is < 1 or > 5))
            throw new ArgumentOutOfRangeException(nameof(designWeights), "Design weights must be whole numbers from 1 to 5.");
        Weights = weights.ToFrozenDictionary();
        // A harvest plot shows every study's bar, shaded by design group, so qualitative studies are drawn (not counted in a share).
        var votes = DomainVotes.Of(evidence, threshold, includeQualitative: true);
        // Each bar's studies in the order the votes list them, then heaviest design first (a stable sort).
        var bars = new Dictionary<(string Domain, Direction Column), List<Study>>();
        var domains = new HashSet<OutcomeDomain>();
        foreach (var (domain, share) in votes.Domains)
        {
            NotReported += share.Counts.NotReported;
            foreach (var vote in share.Studies)
            {
                if (vote.Direction == Direction.NotReported) continue;
                domains.Add(domain);
                var key = (domain.Name, Column(vote.Direction));
                if (!bars.TryGetValue(key, out var bar)) bars[key] = bar = [];
                bar.Add(evidence.Study(vote.StudyId));
            }
        }
        Domains = [.. domains.Order()];
        _bars = bars.ToFrozenDictionary(p => p.Key, p => HeaviestFirst(p.Value));
    }

    /// <summary>A bar's studies, heaviest design first and otherwise in the order given: a counting sort over the weights
    /// (1 to 5), which keeps the order of studies of equal weight.</summary>
    private ImmutableArray<Study> HeaviestFirst(List<Study> studies)
    {
        var sorted = ImmutableArray.CreateBuilder<Study>(studies.Count);
        for (int weight = 5; weight >= 1; weight--)
        {
            foreach (var study in studies)
            {
                if (Weights[study.Design] == weight) sorted.Add(study);
            }
        }
        return sorted.MoveToImmutable();
    }

    private readonly FrozenDictionary<(string Domain, Direction Column), ImmutableArray<Study>> _bars;

    /// <summary>The default weight of a design: 3 for RCTs and cluster RCTs, 2 for quasi-experimental and cohort /
    /// pre–post studies, 1 otherwise.</summary>
    public static int DefaultWeight(StudyDesign design) => design switch
    {
        StudyDesign.Rct or StudyDesign.ClusterRct => 3,
        StudyDesign.QuasiExperimental or StudyDesign.CohortPrePost => 2,
        _ => 1,
    };

    /// <summary>The weight (bar height, 1–5) of each design.</summary>
    public FrozenDictionary<StudyDesign, int> Weights { get; }

    /// <summary>Whether some cell (outcome domain and direction) has more studies than <see cref="ChartOptions.MaxStudyBars"/>,
    /// so that every cell draws one bar per design group, its height the number of studies, instead of one bar per study.</summary>
    public bool IsAggregated => _bars.Values.Any(studies => studies.Length > Options.MaxStudyBars);

    /// <summary>The outcome domains, one row each.</summary>
    public ImmutableArray<OutcomeDomain> Domains { get; }

    /// <summary>The number of (study, domain) pairs left out because no direction was reported.</summary>
    public int NotReported { get; private init; }

    /// <summary>The studies drawn in a domain's column for a direction (<see cref="Direction.Mixed"/> shares the
    /// no-difference column), tallest bar first.</summary>
    public ImmutableArray<Study> StudiesIn(OutcomeDomain domain, Direction direction)
    {
        ArgumentNullException.ThrowIfNull(domain);
        return _bars.TryGetValue((domain.Name, Column(direction)), out var studies) ? studies : [];
    }

    private static Direction Column(Direction direction) => direction == Direction.Mixed ? Direction.NoDifference : direction;

    private static string ColumnLabel(Direction column) => column switch
    {
        Direction.Improved => "Improved",
        Direction.Worsened => "Worsened",
        _ => "No difference or mixed",
    };

    /// <inheritdoc />
    public override string Description
    {
        get
        {
            var text = new StringBuilder("Harvest plot: studies per outcome domain by the direction of effect they support, bar height by design weight. ");
            text.Append(AggregationNote);
            foreach (var domain in Domains)
            {
                text.Append(domain.Name).Append(": ");
                text.AppendJoin(", ", Columns.Select(c => string.Create(CultureInfo.InvariantCulture,
                    $"{ColumnLabel(c).ToLowerInvariant()} {StudiesIn(domain, c).Length}{(StudiesIn(domain, c).IsEmpty || IsAggregated ? "" : " (" + string.Join(", ", StudiesIn(domain, c).Select(s => s.Id)) + ")")}")));
                text.Append(". ");
            }
            return text.ToString().TrimEnd();
        }
    }

    private protected override string Kind => "harvest";

    private protected override (double Width, double Height) Render(SvgBuilder svg, double width)
    {
        double margin = Options.Margin, size = Options.FontSize, idSize = size * 0.75, unit = 11, barWidth = 12;
        double y = DrawHeading(svg, width, "Direction of effect per study, by outcome domain (Ogilvie et al. 2008)" + AggregationSubtitle);

        var legendItems = Enum.GetValues<DesignGroup>().Select(g => LegendItem.Swatch(svg, g.Label(), Palette.Of(g))).ToList();
        y += Legend.Draw(svg.Body, margin, y, width - 2 * margin, legendItems, size * 0.9, "Design") + size;

        double slot = IsAggregated ? GroupSlot(idSize) : Math.Max(barWidth, Domains.SelectMany(d => Columns.SelectMany(c => StudiesIn(d, c)))
            .Select(s => TextMetrics.Width(s.Id, idSize)).DefaultIfEmpty(0).Max()) + 4;
        double labelMax = Math.Min(150, Domains.Select(d => TextMetrics.Width(d.Name, size, bold: true)).DefaultIfEmpty(60).Max());
        var rowLabels = Domains.Select(d => TextMetrics.Wrap(d.Name, labelMax, size, bold: true)).ToList();
        double labelWidth = rowLabels.Select(l => SvgBuilder.BlockWidth(l, size, bold: true)).DefaultIfEmpty(0).Max() + 12;
        double[] columnWidths = Columns.Select(c => Math.Max(
            Math.Max(120, TextMetrics.Width(ColumnLabel(c), size, bold: true) + 12),
            Domains.Select(d => (IsAggregated ? DesignGroups.Length : StudiesIn(d, c).Length) * slot + 12).DefaultIfEmpty(0).Max())).ToArray();
        double available = width - 2 * margin - labelWidth;
        double scale = Math.Max(1, available / columnWidths.Sum());
        for (int c = 0; c < columnWidths.Length; c++) columnWidths[c] *= scale;
        width = Math.Max(width, 2 * margin + labelWidth + columnWidths.Sum());
        double[] columnX = new double[Columns.Length];
        columnX[0] = margin + labelWidth;
        for (int c = 1; c < Columns.Length; c++) columnX[c] = columnX[c - 1] + columnWidths[c - 1];
        double right = columnX[^1] + columnWidths[^1];

        var header = SvgBuilder.Group(svg.Body, "column-headers");
        for (int c = 0; c < Columns.Length; c++)
            SvgBuilder.Text(header, columnX[c] + columnWidths[c] / 2, SvgBuilder.Baseline(y, size), ColumnLabel(Columns[c]), new TextStyle(size, Anchor.Middle, Bold: true), "column-label");
        y += SvgBuilder.BlockHeight(1, size) + 4;

        int maxWeight = IsAggregated ? GroupBarUnits : Weights.Values.Max();
        double countHeight = SvgBuilder.BlockHeight(1, idSize);
        double rowHeight = Math.Max(8 + SvgBuilder.BlockHeight(1, idSize) + maxWeight * unit + 2 + countHeight + 6,
            rowLabels.Select(l => SvgBuilder.BlockHeight(l.Count, size) + 12).DefaultIfEmpty(0).Max());
        var rows = SvgBuilder.Group(svg.Body, "rows");
        for (int r = 0; r < Domains.Length; r++)
        {
            double top = y + r * rowHeight, baseline = top + rowHeight - countHeight - 6;
            var row = SvgBuilder.Group(rows, "domain-row", ("data-domain", Domains[r].Name));
            SvgBuilder.Add(row, "rect", ("x", margin), ("y", top), ("width", right - margin), ("height", rowHeight), ("fill", r % 2 == 0 ? Palette.Faint : "#ffffff"));
            SvgBuilder.Lines(row, margin + 4, top + (rowHeight - SvgBuilder.BlockHeight(rowLabels[r].Count, size)) / 2, rowLabels[r], new TextStyle(size, Bold: true), "domain-label");
            for (int c = 0; c < Columns.Length; c++)
            {
                var studies = StudiesIn(Domains[r], Columns[c]);
                var cell = SvgBuilder.Group(row, "harvest-cell", ("data-direction", Columns[c].ToString()), ("data-studies", studies.Length));
                SvgBuilder.Add(cell, "line", ("x1", columnX[c] + 6), ("x2", columnX[c] + columnWidths[c] - 6), ("y1", baseline), ("y2", baseline), ("stroke", Palette.Muted), ("stroke-width", 1));
                double x = columnX[c] + 6;
                if (IsAggregated) DrawGroupBars(svg, cell, Domains[r], Columns[c], x, slot, baseline, unit, idSize);
                else foreach (var study in studies)
                {
                    int weight = Weights[study.Design];
                    double cx = x + slot / 2, height = weight * unit;
                    var bar = SvgBuilder.Add(cell, "rect", ("class", "harvest-bar"), ("x", cx - barWidth / 2), ("y", baseline - height), ("width", barWidth), ("height", height),
                        ("fill", svg.Fill(Palette.Of(study.DesignGroup))), ("stroke", Palette.Ink), ("stroke-width", 0.5), ("data-study", study.Id), ("data-weight", weight));
                    SvgBuilder.Tooltip(bar, $"{study}: {ColumnLabel(Columns[c]).ToLowerInvariant()} ({Domains[r].Name})");
                    SvgBuilder.Text(cell, cx, baseline - height - 3, study.Id, new TextStyle(idSize, Anchor.Middle), "study-label");
                    x += slot;
                }
                SvgBuilder.Text(cell, columnX[c] + 6, SvgBuilder.Baseline(baseline + 2, idSize), studies.Length == 1 ? "1 study" : string.Create(CultureInfo.InvariantCulture, $"{studies.Length:N0} studies"),
                    new TextStyle(idSize, Fill: Palette.Muted), "cell-count");
            }
        }
        y += rowHeight * Domains.Length;
        var dividers = SvgBuilder.Group(svg.Body, "grid");
        foreach (double x in columnX)
            SvgBuilder.Add(dividers, "line", ("x1", x), ("x2", x), ("y1", y - rowHeight * Domains.Length), ("y2", y), ("stroke", Palette.Grid), ("stroke-width", 1));
        y += size * 0.75;
        string weights = string.Join(", ", Weights.GroupBy(p => p.Value).OrderByDescending(g => g.Key)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} = {string.Join(" / ", g.Select(p => p.Key.Label()))}")));
        y = DrawNote(svg, width, y, AggregationNote + (IsAggregated ? "A" : $"Bar height: design weight ({weights}). One bar per study and domain; a") + " study's outcomes in a domain give one direction when at least 70% of them agree, otherwise mixed."
            + (NotReported == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $" {NotReported:N0} study–domain pairs with no reported direction are not shown.")));
        return (width, y + margin);
    }
}
