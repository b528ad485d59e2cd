using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Evidence.Analytics;

/// <summary>An evidence (and gap) map: a cross-tabulation of two dimensions of an evidence base, each cell holding the
/// distinct studies with evidence on that pair.</summary>
/// <remarks>
/// <para>Counting (GUIDE.md §3): a cell counts <b>distinct studies</b>, so a study with three findings in one cell counts
/// once. Row, column and grand totals are distinct-study counts too, <b>never sums of cells</b>: a study coded with three
/// intervention types appears in three rows but once in a column total and once in <see cref="TotalStudies"/>.
/// <see cref="CellEntries"/> is the sum over cells (study–cell entries), reported separately.</para>
/// <para>Labels are in display order and include values with no studies (those are the gaps): every seeded intervention
/// type, outcome domain, design, typology level and direction; every country present; every year band between the
/// first and last year. Studies that pass the filter but land in no cell (no findings in the chosen outcomes, no
/// intervention types coded) are listed in <see cref="UnmappedStudyIds"/> rather than dropped silently.</para>
/// <para>Immutable and safe to share between threads. Build one with <see cref="EvidenceMaps.Map"/>.</para>
/// </remarks>
public sealed partial class EvidenceMap
{
    internal EvidenceMap(Dimension rows, Dimension columns, EvidenceFilter filter, int gapThreshold, double withinStudyThreshold, EvidenceMapData data)
    {
        Rows = rows;
        Columns = columns;
        Filter = filter;
        GapThreshold = gapThreshold;
        WithinStudyThreshold = withinStudyThreshold;
        RowLabels = data.RowLabels;
        ColumnLabels = data.ColumnLabels;
        Cells = data.Cells;
        RowTotals = data.RowTotals;
        ColumnTotals = data.ColumnTotals;
        TotalStudies = data.Total;
        Findings = data.Findings;
        UnmappedStudyIds = data.UnmappedStudyIds;
        CellEntries = Cells.Sum(c => c.Studies);
        Gaps = [.. Cells.Select(c => (Cell: c, Kind: Classify(c))).Where(g => g.Kind != GapKind.None).Select(g => new EvidenceGap(g.Cell, g.Kind))];
    }

    /// <summary>The row dimension.</summary>
    public Dimension Rows { get; }

    /// <summary>The column dimension.</summary>
    public Dimension Columns { get; }

    /// <summary>The filter applied.</summary>
    public EvidenceFilter Filter { get; }

    /// <summary>The row labels, in display order.</summary>
    public ImmutableArray<string> RowLabels { get; }

    /// <summary>The column labels, in display order.</summary>
    public ImmutableArray<string> ColumnLabels { get; }

    /// <summary>Every cell, row by row (row-major), including empty ones.</summary>
    public ImmutableArray<EvidenceMapCell> Cells { get; }

    /// <summary>The distinct studies in each row, aligned with <see cref="RowLabels"/>.</summary>
    public ImmutableArray<int> RowTotals { get; }

    /// <summary>The distinct studies in each column, aligned with <see cref="ColumnLabels"/>.</summary>
    public ImmutableArray<int> ColumnTotals { get; }

    /// <summary>The distinct studies anywhere in the map.</summary>
    public int TotalStudies { get; }

    /// <summary>The sum of the cells' study counts (study–cell entries); at least <see cref="TotalStudies"/>.</summary>
    public int CellEntries { get; }

    /// <summary>The distinct findings behind the map.</summary>
    public int Findings { get; }

    /// <summary>Studies that pass the filter but fall in no cell, by id.</summary>
    public ImmutableArray<string> UnmappedStudyIds { get; }

    /// <summary>The number of studies below which a cell is <see cref="GapKind.Thin"/>.</summary>
    public int GapThreshold { get; }

    /// <summary>The share of a study's findings in a cell that must agree for the study to take that direction.</summary>
    public double WithinStudyThreshold { get; }

    /// <summary>The cells that are gaps (empty, without an RCT, or thin), row by row.</summary>
    public ImmutableArray<EvidenceGap> Gaps { get; }

    /// <summary>The empty cells (absolute gaps).</summary>
    public IEnumerable<EvidenceMapCell> AbsoluteGaps => Cells.Where(c => c.IsEmpty);

    /// <summary>The cell at a row and column position.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A position is outside the map.</exception>
    public EvidenceMapCell this[int row, int column]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(row);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, RowLabels.Length);
            ArgumentOutOfRangeException.ThrowIfNegative(column);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, ColumnLabels.Length);
            return Cells[row * ColumnLabels.Length + column];
        }
    }

    /// <summary>The cell with a row and column label (ignoring case).</summary>
    /// <exception cref="KeyNotFoundException">A label is not in the map.</exception>
    public EvidenceMapCell this[string row, string column] => this[Find(RowLabels, row, "row"), Find(ColumnLabels, column, "column")];

    /// <summary>The map as a text table of distinct-study counts with totals, followed by the gaps.</summary>
    public override string ToString()
    {
        string corner = $"{Rows.Label()} \\ {Columns.Label()}";
        var header = ColumnLabels.Prepend(corner).Append("Total").ToList();
        var lines = new List<List<string>> { header };
        for (int r = 0; r < RowLabels.Length; r++)
        {
            var line = new List<string> { RowLabels[r] };
            for (int c = 0; c < ColumnLabels.Length; c++) line.Add(Number(this[r, c].Studies));
            line.Add(Number(RowTotals[r]));
            lines.Add(line);
        }
        lines.Add([.. ColumnTotals.Select(Number).Prepend("Total").Append(Number(TotalStudies))]);
        int[] widths = [.. Enumerable.Range(0, header.Count).Select(i => lines.Max(l => l[i].Length))];

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Evidence map: {Rows.Label()} × {Columns.Label()} ({Filter}); distinct studies per cell")
            .AppendLine();
        foreach (var line in lines)
        {
            for (int i = 0; i < line.Count; i++)
            {
                if (i > 0) text.Append("  ");
                text.Append(i == 0 ? line[i].PadRight(widths[i]) : line[i].PadLeft(widths[i]));
            }
            text.AppendLine();
        }
        text.Append(CultureInfo.InvariantCulture,
            $"Totals count distinct studies (study–cell entries: {CellEntries}); {Findings} findings; gaps: {Gaps.Count(g => g.Kind == GapKind.Absolute)} empty, {Gaps.Count(g => g.Kind.HasFlag(GapKind.NoRct))} without an RCT, {Gaps.Count(g => g.Kind.HasFlag(GapKind.Thin))} with fewer than {GapThreshold} studies.");
        if (!UnmappedStudyIds.IsEmpty)
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"{UnmappedStudyIds.Length} studies pass the filter but fall in no cell: {string.Join(", ", UnmappedStudyIds.Take(10))}{(UnmappedStudyIds.Length > 10 ? ", …" : "")}");
        return text.ToString();
    }

    private GapKind Classify(EvidenceMapCell cell)
    {
        if (cell.IsEmpty) return GapKind.Absolute;
        var kind = GapKind.None;
        if (!cell.HasRct) kind |= GapKind.NoRct;
        if (cell.Studies < GapThreshold) kind |= GapKind.Thin;
        return kind;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static int Find(ImmutableArray<string> labels, string label, string what)
    {
        ArgumentNullException.ThrowIfNull(label);
        for (int i = 0; i < labels.Length; i++)
        {
            if (string.Equals(labels[i], label.Trim(), StringComparison.OrdinalIgnoreCase)) return i;
        }
        throw new KeyNotFoundException($"'{label}' is not a {what} of this map; the {what}s are: {string.Join("; ", labels)}.");
    }
}
