using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace Evidence.Analytics;

/// <summary>The colours risk-of-bias plots draw judgements in.</summary>
public enum RiskOfBiasPalette
{
    /// <summary>Cochrane's: green, yellow, red, dark red, blue for no information (as robvis's "cochrane").</summary>
    Cochrane,
    /// <summary>A sequential orange palette that colour-blind readers can order (as robvis's "colourblind"); no
    /// information is white. Every judgement also has its own symbol.</summary>
    ColourBlind,
}

/// <summary>How each level of judgement is drawn: colour, symbol and symbol colour.</summary>
internal static class RiskOfBiasStyle
{
    public static string Colour(RiskOfBiasLevel level, RiskOfBiasPalette palette) => (palette, level) switch
    {
        (_, RiskOfBiasLevel.NotApplicable) => "#cccccc",
        (RiskOfBiasPalette.Cochrane, RiskOfBiasLevel.Low) => "#02C100",
        (RiskOfBiasPalette.Cochrane, RiskOfBiasLevel.Concerns) => "#E2DF07",
        (RiskOfBiasPalette.Cochrane, RiskOfBiasLevel.High) => "#BF0000",
        (RiskOfBiasPalette.Cochrane, RiskOfBiasLevel.Critical) => "#820000",
        (RiskOfBiasPalette.Cochrane, _) => "#4EA1F7",
        (_, RiskOfBiasLevel.Low) => "#fed98e",
        (_, RiskOfBiasLevel.Concerns) => "#fe9929",
        (_, RiskOfBiasLevel.High) => "#d95f0e",
        (_, RiskOfBiasLevel.Critical) => "#993404",
        _ => "#ffffff",
    };

    /// <summary>The symbol in a traffic light (robvis's shapes): + low, − concerns, × high, ! critical, ? no information.</summary>
    public static string Symbol(RiskOfBiasLevel level) => level switch
    {
        RiskOfBiasLevel.Low => "+",
        RiskOfBiasLevel.Concerns => "−",
        RiskOfBiasLevel.High => "×",
        RiskOfBiasLevel.Critical => "!",
        RiskOfBiasLevel.NoInformation => "?",
        _ => "",
    };

    /// <summary>White on the dark fills (high and critical), ink on the others.</summary>
    public static string SymbolColour(RiskOfBiasLevel level) =>
        level is RiskOfBiasLevel.High or RiskOfBiasLevel.Critical ? "#ffffff" : Palette.Ink;

    /// <summary>The legend label of each level the assessments use: the tools' words for it ("Some concerns / Moderate").</summary>
    public static IReadOnlyList<(RiskOfBiasLevel Level, string Label)> Levels(IEnumerable<RiskOfBiasJudgement> judgements) =>
        [.. judgements.Distinct().GroupBy(j => j.LevelOf()).OrderBy(g => g.Key)
            .Select(g => (g.Key, string.Join(" / ", g.OrderBy(j => j).Select(j => j.Label()))))];

    public static LegendItem Item(string label, RiskOfBiasLevel level, RiskOfBiasPalette palette) =>
        new(label, (parent, box) =>
        {
            double r = box.Width / 2;
            SvgBuilder.Add(parent, "circle", ("cx", box.X + r), ("cy", box.Y + r), ("r", r), ("fill", Colour(level, palette)), ("stroke", Palette.Ink), ("stroke-width", 0.5));
            SvgBuilder.Text(parent, box.X + r, box.Y + r + 0.36 * box.Width, Symbol(level), new TextStyle(box.Width * 0.95, Anchor.Middle, Bold: true, Fill: SymbolColour(level)));
        }, 14);

    public static string Count(int n, string one, string many) => string.Create(CultureInfo.InvariantCulture, $"{n} {(n == 1 ? one : many)}");
}

/// <summary>A traffic-light plot of risk-of-bias assessments (as robvis draws it): for each tool, one row per study and
/// one column per domain and the overall judgement, each judgement a coloured circle with its own symbol, and the
/// domains' names in a caption below.</summary>
/// <remarks>
/// <para>Columns are headed by the domains' short codes (D1, D1b, …), so a tool with many domains keeps them all and the
/// study labels stay horizontal (robvis issues #155, #132); the caption names each domain. Every study keeps its own row
/// at any count: rows are split into blocks of <see cref="RowsPerBlock"/>, each headed by the domain codes again, so a
/// long list stays readable when printed or scrolled. "No information" has its own colour and symbol (robvis #149); a
/// blank Overall (the review gave none) is left empty.</para>
/// </remarks>
public sealed class RiskOfBiasTrafficLight : Chart
{
    /// <summary>The number of study rows after which the column header is repeated.</summary>
    public const int RowsPerBlock = 50;

    internal RiskOfBiasTrafficLight(EvidenceBase evidence, RiskOfBiasPalette palette, ChartOptions? options)
        : base("Risk of bias: traffic-light plot", options ?? ChartOptions.Default)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (evidence.RiskOfBiasAssessments.IsEmpty)
            throw new ArgumentException("The evidence base has no risk-of-bias assessments to plot.", nameof(evidence));
        Palette = palette;
        Assessments = evidence.RiskOfBiasAssessments;
        _labels = evidence.Studies.ToDictionary(s => s.Id, s => $"{s.Id} {s.Citation.ShortLabel}", StringComparer.OrdinalIgnoreCase);
    }

    private readonly Dictionary<string, string> _labels;

    /// <summary>The colours drawn.</summary>
    public RiskOfBiasPalette Palette { get; }

    /// <summary>The assessments drawn, in evidence order; one panel per tool.</summary>
    public ImmutableArray<RiskOfBiasAssessment> Assessments { get; }

    private IEnumerable<IGrouping<RiskOfBiasTool, RiskOfBiasAssessment>> Tools => Assessments.GroupBy(a => a.Tool);

    /// <inheritdoc />
    public override string Description
    {
        get
        {
            var text = new StringBuilder("Traffic-light plot of risk-of-bias judgements. ");
            foreach (var tool in Tools)
            {
                text.Append(CultureInfo.InvariantCulture, $"{tool.Key.Name}, {RiskOfBiasStyle.Count(tool.Count(), "study", "studies")}: ");
                var parts = tool.Key.Domains.Select((d, i) => $"{d.Code} {Tally(tool.Select(a => (RiskOfBiasJudgement?)a.Judgements[i]))}").ToList();
                parts.Add("Overall " + Tally(tool.Select(a => a.Overall)));
                text.Append(string.Join("; ", parts)).Append(". ");
            }
            return text.ToString().TrimEnd();
        }
    }

    private static string Tally(IEnumerable<RiskOfBiasJudgement?> judgements)
    {
        var list = judgements.ToList();
        var parts = list.OfType<RiskOfBiasJudgement>().GroupBy(j => j).OrderBy(g => g.Key)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key.Label().ToLowerInvariant()} {g.Count()}")).ToList();
        int blank = list.Count(j => j is null);
        if (blank > 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"not given {blank}"));
        return string.Join(", ", parts);
    }

    private protected override string Kind => "rob-traffic";

    private protected override (double Width, double Height) Render(SvgBuilder svg, double width)
    {
        double margin = Options.Margin, size = Options.FontSize, small = size * 0.9;
        double y = DrawHeading(svg, width, "One row per study and one column per domain; colour and symbol give the judgement (robvis style, McGuinness & Higgins 2021)");
        var levels = RiskOfBiasStyle.Levels(Assessments.SelectMany(a => a.Judgements.Concat(a.Overall is { } o ? [o] : [])));
        y += Legend.Draw(svg.Body, margin, y, width - 2 * margin,
            [.. levels.Select(l => RiskOfBiasStyle.Item(l.Label, l.Level, Palette))], small, "Judgement") + size;

        double cell = Math.Max(26, small * 2.2), radius = cell * 0.4;
        double labelWidth = Math.Min(220, Assessments.Select(a => TextMetrics.Width(Label(a.StudyId), small)).DefaultIfEmpty(40).Max()) + 10;
        foreach (var tool in Tools)
        {
            var panel = SvgBuilder.Group(svg.Body, "tool-panel", ("data-tool", tool.Key.Name), ("data-studies", tool.Count()));
            SvgBuilder.Text(panel, margin, y + size, tool.Key.Name, new TextStyle(size * 1.1, Bold: true), "tool-name");
            y += size * 1.8;
            string[] codes = [.. tool.Key.Domains.Select(d => d.Code), "Overall"];
            double x0 = margin + labelWidth;
            double overallWidth = Math.Max(cell, TextMetrics.Width("Overall", small * 0.85, bold: true) + 8);
            double right = x0 + cell * (codes.Length - 1) + overallWidth;
            width = Math.Max(width, right + margin);
            var rows = tool.ToList();
            double panelTop = y;
            for (int r = 0; r < rows.Count; r++)
            {
                if (r % RowsPerBlock == 0)
                {
                    var header = SvgBuilder.Group(panel, "column-headers");
                    SvgBuilder.Text(header, margin, y + cell * 0.6, "Study", new TextStyle(small, Bold: true));
                    for (int c = 0; c < codes.Length; c++)
                        SvgBuilder.Text(header, ColumnCentre(x0, cell, overallWidth, c, codes.Length), y + cell * 0.6, codes[c], new TextStyle(c == codes.Length - 1 ? small * 0.85 : small, Anchor.Middle, Bold: true), "domain-code");
                    y += cell * 0.8;
                    SvgBuilder.Add(header, "line", ("x1", margin), ("x2", right), ("y1", y), ("y2", y), ("stroke", Evidence.Analytics.Palette.Ink), ("stroke-width", 1));
                }
                var assessment = rows[r];
                var row = SvgBuilder.Group(panel, "study-row", ("data-study", assessment.StudyId));
                if (r % 2 == 1) SvgBuilder.Add(row, "rect", ("x", margin), ("y", y), ("width", right - margin), ("height", cell), ("fill", Evidence.Analytics.Palette.Faint));
                SvgBuilder.Text(row, margin + 2, y + cell / 2 + 0.35 * small, TextMetrics.Wrap(Label(assessment.StudyId), labelWidth - 10, small, maxLines: 1)[0], new TextStyle(small), "study-label");
                for (int c = 0; c < codes.Length; c++)
                {
                    RiskOfBiasJudgement? judgement = c < assessment.Judgements.Length ? assessment.Judgements[c] : assessment.Overall;
                    if (judgement is not { } j) continue;
                    var level = j.LevelOf();
                    double cx = ColumnCentre(x0, cell, overallWidth, c, codes.Length), cy = y + cell / 2;
                    var mark = SvgBuilder.Group(row, "judgement", ("data-study", assessment.StudyId), ("data-domain", codes[c]), ("data-judgement", j.Label()), ("data-level", level.ToString()));
                    SvgBuilder.Tooltip(mark, $"{assessment.StudyId}, {(c < tool.Key.Domains.Length ? tool.Key.Domains[c].ToString() : "Overall")}: {j.Label()}");
                    SvgBuilder.Add(mark, "circle", ("cx", cx), ("cy", cy), ("r", radius), ("fill", RiskOfBiasStyle.Colour(level, Palette)), ("stroke", Palette == RiskOfBiasPalette.ColourBlind || level == RiskOfBiasLevel.NotApplicable ? Evidence.Analytics.Palette.Muted : "none"), ("stroke-width", 0.75));
                    SvgBuilder.Text(mark, cx, cy + radius * 0.42, RiskOfBiasStyle.Symbol(level), new TextStyle(radius * 1.25, Anchor.Middle, Bold: true, Fill: RiskOfBiasStyle.SymbolColour(level)), "symbol");
                }
                y += cell;
            }
            // Separate the overall column from the domains.
            SvgBuilder.Add(panel, "line", ("x1", right - overallWidth), ("x2", right - overallWidth), ("y1", panelTop), ("y2", y), ("stroke", Evidence.Analytics.Palette.Grid), ("stroke-width", 1));
            y += size * 0.6;
            var caption = SvgBuilder.Group(panel, "domain-captions");
            SvgBuilder.Text(caption, margin, y + small, "Domains:", new TextStyle(small, Bold: true));
            y += small * TextMetrics.LineHeight;
            foreach (var domain in tool.Key.Domains)
            {
                var lines = TextMetrics.Wrap($"{domain.Code}: {domain.Name}.", width - 2 * margin - 12, small);
                SvgBuilder.Lines(caption, margin + 12, y, lines, new TextStyle(small), "domain-caption");
                y += SvgBuilder.BlockHeight(lines.Count, small);
            }
            y += size;
        }
        return (width, y + margin);
    }

    private static double ColumnCentre(double x0, double cell, double overallWidth, int column, int columns) =>
        column < columns - 1 ? x0 + (column + 0.5) * cell : x0 + (columns - 1) * cell + overallWidth / 2;

    private string Label(string studyId) => _labels.TryGetValue(studyId, out string? label) ? label : studyId;
}

/// <summary>A risk-of-bias summary plot (as robvis draws it): for each tool, one 100% stacked bar per domain and for the
/// overall judgement, the share of studies (or of their weight) at each judgement.</summary>
/// <remarks>Shares are counted, or weighted by each assessment's weight when <see cref="IsWeighted"/>; each segment
/// wide enough prints its percentage, and the description states every share.</remarks>
public sealed class RiskOfBiasSummaryPlot : Chart
{
    internal RiskOfBiasSummaryPlot(EvidenceBase evidence, bool weighted, RiskOfBiasPalette palette, ChartOptions? options)
        : base(weighted ? "Risk of bias: summary plot (weighted)" : "Risk of bias: summary plot", options ?? ChartOptions.Default)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (evidence.RiskOfBiasAssessments.IsEmpty)
            throw new ArgumentException("The evidence base has no risk-of-bias assessments to plot.", nameof(evidence));
        if (weighted && evidence.RiskOfBiasAssessments.FirstOrDefault(a => a.Weight is null) is { } unweighted)
            throw new ArgumentException($"A weighted summary needs a weight on every assessment; study {unweighted.StudyId} ({unweighted.Tool.Name}) has none.", nameof(weighted));
        IsWeighted = weighted;
        Palette = palette;
        Assessments = evidence.RiskOfBiasAssessments;
    }

    /// <summary>Whether shares are of the assessments' weights rather than of studies.</summary>
    public bool IsWeighted { get; }

    /// <summary>The colours drawn.</summary>
    public RiskOfBiasPalette Palette { get; }

    /// <summary>The assessments summarised; one panel per tool.</summary>
    public ImmutableArray<RiskOfBiasAssessment> Assessments { get; }

    /// <summary>The share of a tool's studies (or weight) at each level of judgement on a domain, or on the overall
    /// judgement when <paramref name="domain"/> is null (assessments without an overall judgement left out), in level order.</summary>
    public IReadOnlyList<(RiskOfBiasLevel Level, double Share)> Shares(RiskOfBiasTool tool, RiskOfBiasDomain? domain)
    {
        ArgumentNullException.ThrowIfNull(tool);
        int index = domain is null ? -1 : tool.Domains.Select(d => d.Code).ToList().IndexOf(domain.Code);
        var judged = Assessments.Where(a => a.Tool.Equals(tool))
            .Select(a => (Judgement: index >= 0 ? a.Judgements[index] : a.Overall, Weight: IsWeighted ? a.Weight!.Value : 1.0))
            .Where(p => p.Judgement is not null).ToList();
        double total = judged.Sum(p => p.Weight);
        if (total <= 0) return [];
        return [.. judged.GroupBy(p => p.Judgement!.Value.LevelOf()).OrderBy(g => g.Key).Select(g => (g.Key, g.Sum(p => p.Weight) / total))];
    }

    /// <inheritdoc />
    public override string Description
    {
        get
        {
            var text = new StringBuilder(IsWeighted ? "Risk-of-bias summary, shares of the studies' weight at each judgement. " : "Risk-of-bias summary, shares of studies at each judgement. ");
            foreach (var tool in Assessments.Select(a => a.Tool).Distinct())
            {
                text.Append(CultureInfo.InvariantCulture, $"{tool.Name}, {RiskOfBiasStyle.Count(Assessments.Count(a => a.Tool.Equals(tool)), "study", "studies")}: ");
                var parts = tool.Domains.Select(d => d.Code + " " + SharesText(tool, d)).Append("Overall " + SharesText(tool, null));
                text.Append(string.Join("; ", parts)).Append(". ");
            }
            return text.ToString().TrimEnd();
        }
    }

    private string SharesText(RiskOfBiasTool tool, RiskOfBiasDomain? domain) =>
        string.Join(", ", Shares(tool, domain).Select(s => string.Create(CultureInfo.InvariantCulture, $"{LevelName(s.Level)} {s.Share:0%}")));

    private static string LevelName(RiskOfBiasLevel level) => level switch
    {
        RiskOfBiasLevel.Concerns => "some concerns",
        RiskOfBiasLevel.NoInformation => "no information",
        RiskOfBiasLevel.NotApplicable => "not applicable",
        _ => level.ToString().ToLowerInvariant(),
    };

    private protected override string Kind => "rob-summary";

    private protected override (double Width, double Height) Render(SvgBuilder svg, double width)
    {
        double margin = Options.Margin, size = Options.FontSize, small = size * 0.9;
        double y = DrawHeading(svg, width, IsWeighted ? "Share of the studies' weight at each judgement, per domain" : "Share of studies at each judgement, per domain");
        var levels = RiskOfBiasStyle.Levels(Assessments.SelectMany(a => a.Judgements.Concat(a.Overall is { } o ? [o] : [])));
        y += Legend.Draw(svg.Body, margin, y, width - 2 * margin,
            [.. levels.Select(l => LegendItem.Swatch(svg, l.Label, new SeriesStyle(RiskOfBiasStyle.Colour(l.Level, Palette))))], small, "Judgement") + size;

        double labelWidth = Math.Min(300, (width - 2 * margin) * 0.4);
        double x0 = margin + labelWidth, barWidth = width - margin - x0, barHeight = Math.Max(18, small * 1.8);
        foreach (var tool in Assessments.Select(a => a.Tool).Distinct())
        {
            var panel = SvgBuilder.Group(svg.Body, "tool-panel", ("data-tool", tool.Name));
            SvgBuilder.Text(panel, margin, y + size, tool.Name, new TextStyle(size * 1.1, Bold: true), "tool-name");
            y += size * 1.8;
            double top = y;
            // The grid goes under the bars: its group is added first and filled once the bars' height is known.
            var axis = SvgBuilder.Group(panel, "axis");
            foreach (var (domain, label) in tool.Domains.Select(d => ((RiskOfBiasDomain?)d, $"{d.Code}: {d.Name}")).Append((null, "Overall risk of bias")))
            {
                var lines = TextMetrics.Wrap(label, labelWidth - 10, small, bold: domain is null, maxLines: 2);
                double rowHeight = Math.Max(barHeight, SvgBuilder.BlockHeight(lines.Count, small)) + 8;
                var bar = SvgBuilder.Group(panel, "domain-bar", ("data-domain", domain?.Code ?? "Overall"));
                SvgBuilder.Lines(bar, margin, y + (rowHeight - SvgBuilder.BlockHeight(lines.Count, small)) / 2, lines, new TextStyle(small, Bold: domain is null), "domain-label");
                double x = x0, barTop = y + (rowHeight - barHeight) / 2;
                foreach (var (level, share) in Shares(tool, domain))
                {
                    double w = share * barWidth;
                    var segment = SvgBuilder.Group(bar, "segment", ("data-level", level.ToString()), ("data-share", share.ToString("R", CultureInfo.InvariantCulture)));
                    SvgBuilder.Tooltip(segment, string.Create(CultureInfo.InvariantCulture, $"{label}: {LevelName(level)} {share:0.#%}"));
                    SvgBuilder.Add(segment, "rect", ("x", x), ("y", barTop), ("width", w), ("height", barHeight), ("fill", RiskOfBiasStyle.Colour(level, Palette)), ("stroke", Evidence.Analytics.Palette.Ink), ("stroke-width", 0.5));
                    string percent = share.ToString("0%", CultureInfo.InvariantCulture);
                    if (TextMetrics.Width(percent, small * 0.9) + 6 < w)
                        SvgBuilder.Text(segment, x + w / 2, barTop + barHeight / 2 + 0.33 * small, percent, new TextStyle(small * 0.9, Anchor.Middle, Fill: RiskOfBiasStyle.SymbolColour(level)));
                    x += w;
                }
                y += rowHeight;
            }
            SvgBuilder.Add(axis, "line", ("x1", x0), ("x2", x0 + barWidth), ("y1", y), ("y2", y), ("stroke", Evidence.Analytics.Palette.Ink), ("stroke-width", 0.75));
            for (int t = 0; t <= 4; t++)
            {
                double tx = x0 + barWidth * t / 4;
                SvgBuilder.Add(axis, "line", ("x1", tx), ("x2", tx), ("y1", top), ("y2", y + 3), ("stroke", Evidence.Analytics.Palette.Grid), ("stroke-width", 0.5));
                SvgBuilder.Text(axis, tx, y + 4 + small, string.Create(CultureInfo.InvariantCulture, $"{t * 25}%"), new TextStyle(small * 0.9, Anchor.Middle, Fill: Evidence.Analytics.Palette.Muted));
            }
            y += small * 2.5;
        }
        return (width, y + margin);
    }
}

/// <summary>The risk-of-bias plots of an evidence base.</summary>
public static class RiskOfBiasCharts
{
    /// <summary>The traffic-light plot of the review's risk-of-bias assessments: one panel per tool.</summary>
    /// <exception cref="ArgumentException">The evidence base has no assessments.</exception>
    public static RiskOfBiasTrafficLight RiskOfBiasTrafficLight(this EvidenceBase evidence, RiskOfBiasPalette palette = RiskOfBiasPalette.Cochrane, ChartOptions? options = null) =>
        new(evidence, palette, options);

    /// <summary>The summary plot of the review's risk-of-bias assessments: 100% stacked bars per domain, per tool.</summary>
    /// <param name="evidence">The evidence base.</param>
    /// <param name="weighted">Whether to weight each study by its assessment's weight (every assessment must have one).</param>
    /// <param name="palette">The colours.</param>
    /// <param name="options">Layout options.</param>
    /// <exception cref="ArgumentException">The evidence base has no assessments, or a weighted plot lacks a weight.</exception>
    public static RiskOfBiasSummaryPlot RiskOfBiasSummary(this EvidenceBase evidence, bool weighted = false, RiskOfBiasPalette palette = RiskOfBiasPalette.Cochrane, ChartOptions? options = null) =>
        new(evidence, weighted, palette, options);
}
