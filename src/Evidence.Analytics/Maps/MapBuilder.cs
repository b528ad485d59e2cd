using System.Collections.Immutable;

namespace Evidence.Analytics;

/// <summary>Computes an <see cref="EvidenceMap"/> in one pass over the studies.</summary>
/// <remarks>
/// Each study is processed on its own: its findings (or, for a map with no finding-level dimension, the study itself)
/// are spread over the cells they belong to, with per-cell scratch counters stamped with the study's ordinal. When the
/// study is done, each touched cell gains the study once — which is what makes cells, row totals, column totals and
/// the grand total distinct-study counts without any set per cell.
/// </remarks>
internal sealed class MapBuilder
{
    private const int Directions = WithinStudyDirection.DirectionCount;
    private const int Groups = 3;

    private readonly EvidenceIndex _index;
    private readonly CompiledFilter _filter;
    private readonly MapAxis _rows;
    private readonly MapAxis _columns;
    private readonly bool _findingMode;
    private readonly double _threshold;
    private readonly int _columnCount;

    // Totals over all studies.
    private readonly List<string>?[] _cellStudies;
    private readonly int[] _cellGroups;
    private readonly int[] _cellDirections;
    private readonly int[] _cellFindings;
    private readonly int[] _rowTotals;
    private readonly int[] _columnTotals;
    private int _total;
    private int _findingsMapped;
    private readonly List<string> _unmapped = [];

    // Scratch for the study being processed.
    private readonly int[] _cellStamp;
    private readonly int[] _localDirections;
    private readonly int[] _localFindings;
    private readonly List<int> _touched = [];
    private readonly int[] _rowStamp;
    private readonly int[] _columnStamp;
    private int[] _interventions = new int[8];
    private readonly int[] _single = new int[1];

    public MapBuilder(EvidenceIndex index, Dimension rows, Dimension columns, EvidenceFilter filter, int yearBandWidth, double threshold)
    {
        _index = index;
        _filter = new CompiledFilter(index, filter);
        _rows = new MapAxis(rows, index, filter, yearBandWidth);
        _columns = new MapAxis(columns, index, filter, yearBandWidth);
        _findingMode = _rows.IsFindingLevel || _columns.IsFindingLevel || _filter.FiltersOutcomes;
        _threshold = threshold;
        _columnCount = _columns.Labels.Length;
        int cells = _rows.Labels.Length * _columnCount;
        _cellStudies = new List<string>?[cells];
        _cellGroups = new int[cells * Groups];
        _cellDirections = new int[cells * Directions];
        _cellFindings = new int[cells];
        _rowTotals = new int[_rows.Labels.Length];
        _columnTotals = new int[_columnCount];
        _cellStamp = new int[cells];
        _localDirections = new int[cells * Directions];
        _localFindings = new int[cells];
        _rowStamp = new int[_rows.Labels.Length];
        _columnStamp = new int[_columnCount];
    }

    public MapAxis Rows => _rows;

    public MapAxis Columns => _columns;

    public EvidenceMapData Build()
    {
        for (int s = 0; s < _index.Studies.Length; s++)
        {
            if (_filter.StudyPasses(s)) AddStudy(s);
        }
        return Finish();
    }

    private void AddStudy(int s)
    {
        var own = _index.StudyInterventions[s];
        if (own.Length > _interventions.Length) _interventions = new int[own.Length * 2];
        int passing = _filter.PassingInterventions(s, _interventions);
        if (_filter.FiltersInterventions && passing == 0) return;
        ReadOnlySpan<int> studyInterventions = _interventions.AsSpan(0, passing);
        int stamp = s + 1;
        _touched.Clear();
        int start = _index.FindingStart[s], end = _index.FindingStart[s + 1];

        if (_findingMode)
        {
            for (int f = start; f < end; f++)
            {
                if (!_filter.DomainPasses(_index.FindingDomain[f])) continue;
                int j = _index.FindingIntervention[f];
                ReadOnlySpan<int> about;
                if (j < 0) about = studyInterventions;
                else if (_filter.InterventionPasses(j)) { _single[0] = j; about = _single; }
                else continue;
                if (Spread(s, about, f, stamp, _index.FindingDirection[f], findingCount: 1)) _findingsMapped++;
            }
        }
        else
        {
            // No finding-level dimension: the study sits in its cells once, and its direction combines all its findings
            // about the interventions that pass the filter.
            Span<int> directions = stackalloc int[Directions];
            int findings = 0;
            for (int f = start; f < end; f++)
            {
                int j = _index.FindingIntervention[f];
                if (j >= 0 && !_filter.InterventionPasses(j)) continue;
                directions[_index.FindingDirection[f]]++;
                findings++;
            }
            if (SpreadStudy(s, studyInterventions, stamp, directions, findings)) _findingsMapped += findings;
        }

        if (_touched.Count == 0)
        {
            _unmapped.Add(_index.Studies[s].Id);
            return;
        }
        _total++;
        int group = _index.Group[s];
        string id = _index.Studies[s].Id;
        foreach (int cell in _touched)
        {
            (_cellStudies[cell] ??= []).Add(id);
            _cellGroups[cell * Groups + group]++;
            int d = cell * Directions;
            int reported = _localDirections[d] + _localDirections[d + 1] + _localDirections[d + 2] + _localDirections[d + 3];
            var direction = WithinStudyDirection.Resolve(
                _localDirections[d + (int)Direction.Improved], _localDirections[d + (int)Direction.NoDifference],
                _localDirections[d + (int)Direction.Worsened], reported, _threshold);
            _cellDirections[d + (int)direction]++;
            _cellFindings[cell] += _localFindings[cell];
            int row = cell / _columnCount, column = cell % _columnCount;
            if (_rowStamp[row] != stamp) { _rowStamp[row] = stamp; _rowTotals[row]++; }
            if (_columnStamp[column] != stamp) { _columnStamp[column] = stamp; _columnTotals[column]++; }
        }
    }

    /// <summary>Adds one finding to every cell its labels pick; false if it picks none.</summary>
    private bool Spread(int s, ReadOnlySpan<int> about, int f, int stamp, int direction, int findingCount)
    {
        int rows = _rows.Collect(s, about, f);
        if (rows == 0) return false;
        int columns = _columns.Collect(s, about, f);
        if (columns == 0) return false;
        for (int r = 0; r < rows; r++)
        {
            int rowBase = _rows.Buffer[r] * _columnCount;
            for (int c = 0; c < columns; c++)
            {
                int cell = rowBase + _columns.Buffer[c];
                Touch(cell, stamp);
                _localDirections[cell * Directions + direction]++;
                _localFindings[cell] += findingCount;
            }
        }
        return true;
    }

    private bool SpreadStudy(int s, ReadOnlySpan<int> about, int stamp, ReadOnlySpan<int> directions, int findings)
    {
        int rows = _rows.Collect(s, about, -1);
        if (rows == 0) return false;
        int columns = _columns.Collect(s, about, -1);
        if (columns == 0) return false;
        for (int r = 0; r < rows; r++)
        {
            int rowBase = _rows.Buffer[r] * _columnCount;
            for (int c = 0; c < columns; c++)
            {
                int cell = rowBase + _columns.Buffer[c];
                Touch(cell, stamp);
                for (int d = 0; d < Directions; d++) _localDirections[cell * Directions + d] += directions[d];
                _localFindings[cell] += findings;
            }
        }
        return true;
    }

    private void Touch(int cell, int stamp)
    {
        if (_cellStamp[cell] == stamp) return;
        _cellStamp[cell] = stamp;
        _localDirections.AsSpan(cell * Directions, Directions).Clear();
        _localFindings[cell] = 0;
        _touched.Add(cell);
    }

    private EvidenceMapData Finish()
    {
        var rowLabels = _rows.Labels;
        var columnLabels = _columns.Labels;
        var cells = ImmutableArray.CreateBuilder<EvidenceMapCell>(_cellStudies.Length);
        for (int cell = 0; cell < _cellStudies.Length; cell++)
        {
            int row = cell / _columnCount, column = cell % _columnCount;
            var studies = _cellStudies[cell] is { } list ? list.ToImmutableArray() : [];
            cells.Add(new EvidenceMapCell(rowLabels[row], columnLabels[column], row, column, studies,
                new DesignGroupCounts(_cellGroups[cell * Groups], _cellGroups[cell * Groups + 1], _cellGroups[cell * Groups + 2]),
                DirectionCounts.From(_cellDirections.AsSpan(cell * Directions, Directions)),
                _cellFindings[cell]));
        }
        return new EvidenceMapData(rowLabels, columnLabels, cells.MoveToImmutable(), [.. _rowTotals], [.. _columnTotals], _total,
            _findingsMapped, [.. _unmapped]);
    }
}

/// <summary>The computed contents of a map, before the public wrapper adds its parameters.</summary>
internal sealed record EvidenceMapData(
    ImmutableArray<string> RowLabels,
    ImmutableArray<string> ColumnLabels,
    ImmutableArray<EvidenceMapCell> Cells,
    ImmutableArray<int> RowTotals,
    ImmutableArray<int> ColumnTotals,
    int Total,
    int Findings,
    ImmutableArray<string> UnmappedStudyIds);
