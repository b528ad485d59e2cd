using System.Buffers;
using System.Collections.Immutable;
using System.Runtime.InteropServices;

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
    // Study–cell entries in study order, bucketed by cell at the end (cheaper than a growing list per cell).
    // Pooled: on a large evidence base these are megabytes, and fresh large-object-heap arrays on every map would
    // trigger full garbage collections of the (large) evidence base itself.
    private int[] _entryCells = ArrayPool<int>.Shared.Rent(4096);
    private int[] _entryStudies = ArrayPool<int>.Shared.Rent(4096);
    private int _entryCount;
    private readonly int _cells;
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
    private readonly int[] _touchedCells;
    private int _touchedCount;
    private readonly int[] _rowCache;
    private readonly int[] _columnCache;
    private readonly int[] _rowStamp;
    private readonly int[] _columnStamp;
    private int[] _interventions = new int[8];
    private readonly int[] _single = new int[1];
    private readonly int[] _rowSingle = new int[1];
    private readonly int[] _columnSingle = new int[1];

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
        _cells = cells;
        _cellGroups = new int[cells * Groups];
        _cellDirections = new int[cells * Directions];
        _cellFindings = new int[cells];
        _rowTotals = new int[_rows.Labels.Length];
        _columnTotals = new int[_columnCount];
        _cellStamp = new int[cells];
        _touchedCells = new int[cells];
        _rowCache = new int[_rows.Labels.Length];
        _columnCache = new int[_columnCount];
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
        bool allOfStudy = passing == own.Length;
        int stamp = s + 1;
        _touchedCount = 0;
        int start = _index.FindingStart[s], end = _index.FindingStart[s + 1];

        if (_findingMode)
        {
            // Labels that do not depend on the finding are the same for every finding about all the study's
            // (passing) interventions, which is most findings: collect them once per study.
            int studyRows = -1, studyColumns = -1;
            for (int f = start; f < end; f++)
            {
                if (!_filter.DomainPasses(_index.FindingDomain[f])) continue;
                int j = _index.FindingIntervention[f];
                int rows, columns;
                int[] rowLabels, columnLabels;
                if (j < 0)
                {
                    if (_rows.IsFindingLevel) { _rowSingle[0] = _rows.FindingLabel(f); rows = 1; rowLabels = _rowSingle; }
                    else
                    {
                        if (studyRows < 0) studyRows = Copy(_rows, _rows.Collect(s, studyInterventions, -1, allOfStudy), _rowCache);
                        rows = studyRows;
                        rowLabels = _rowCache;
                    }
                    if (_columns.IsFindingLevel) { _columnSingle[0] = _columns.FindingLabel(f); columns = 1; columnLabels = _columnSingle; }
                    else
                    {
                        if (studyColumns < 0) studyColumns = Copy(_columns, _columns.Collect(s, studyInterventions, -1, allOfStudy), _columnCache);
                        columns = studyColumns;
                        columnLabels = _columnCache;
                    }
                }
                else if (_filter.InterventionPasses(j))
                {
                    _single[0] = j;
                    rows = _rows.Collect(s, _single, f, allOfStudy: false);
                    rowLabels = _rows.Buffer;
                    columns = _columns.Collect(s, _single, f, allOfStudy: false);
                    columnLabels = _columns.Buffer;
                }
                else
                {
                    continue;
                }
                if (Spread(rowLabels.AsSpan(0, rows), columnLabels.AsSpan(0, columns), stamp, _index.FindingDirection[f], 1)) _findingsMapped++;
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
            int rows = _rows.Collect(s, studyInterventions, -1, allOfStudy);
            int columns = _columns.Collect(s, studyInterventions, -1, allOfStudy);
            if (Spread(_rows.Buffer.AsSpan(0, rows), _columns.Buffer.AsSpan(0, columns), stamp, 0, 0))
            {
                _findingsMapped += findings;
                for (int t = 0; t < _touchedCount; t++)
                {
                    int cell = _touchedCells[t];
                    directions.CopyTo(_localDirections.AsSpan(cell * Directions, Directions));
                    _localFindings[cell] = findings;
                }
            }
        }

        if (_touchedCount == 0)
        {
            _unmapped.Add(_index.StudyIds[s]);
            return;
        }
        _total++;
        int group = _index.Group[s];
        for (int t = 0; t < _touchedCount; t++)
        {
            int cell = _touchedCells[t];
            if (_entryCount == _entryCells.Length)
            {
                _entryCells = Grow(_entryCells, _entryCount);
                _entryStudies = Grow(_entryStudies, _entryCount);
            }
            _entryCells[_entryCount] = cell;
            _entryStudies[_entryCount++] = s;
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

    private static int[] Grow(int[] array, int count)
    {
        var larger = ArrayPool<int>.Shared.Rent(count * 2);
        Array.Copy(array, larger, count);
        ArrayPool<int>.Shared.Return(array);
        return larger;
    }

    private static int Copy(MapAxis axis, int count, int[] into)
    {
        Array.Copy(axis.Buffer, into, count);
        return count;
    }

    /// <summary>Adds one fact (a finding, or a whole study with <paramref name="findings"/> = 0) to every cell its labels pick;
    /// false if it picks none.</summary>
    private bool Spread(ReadOnlySpan<int> rows, ReadOnlySpan<int> columns, int stamp, int direction, int findings)
    {
        if (rows.IsEmpty || columns.IsEmpty) return false;
        foreach (int row in rows)
        {
            int rowBase = row * _columnCount;
            foreach (int column in columns)
            {
                int cell = rowBase + column;
                if (_cellStamp[cell] != stamp)
                {
                    _cellStamp[cell] = stamp;
                    _localDirections.AsSpan(cell * Directions, Directions).Clear();
                    _localFindings[cell] = 0;
                    _touchedCells[_touchedCount++] = cell;
                }
                if (findings > 0)
                {
                    _localDirections[cell * Directions + direction]++;
                    _localFindings[cell] += findings;
                }
            }
        }
        return true;
    }

    private EvidenceMapData Finish()
    {
        var rowLabels = _rows.Labels;
        var columnLabels = _columns.Labels;
        var ids = new string[_cells][];
        var filled = new int[_cells];
        for (int cell = 0; cell < _cells; cell++)
            ids[cell] = new string[_cellGroups[cell * Groups] + _cellGroups[cell * Groups + 1] + _cellGroups[cell * Groups + 2]];
        for (int e = 0; e < _entryCount; e++)
        {
            int cell = _entryCells[e];
            ids[cell][filled[cell]++] = _index.StudyIds[_entryStudies[e]];
        }
        ArrayPool<int>.Shared.Return(_entryCells);
        ArrayPool<int>.Shared.Return(_entryStudies);
        _entryCells = _entryStudies = [];
        var cells = ImmutableArray.CreateBuilder<EvidenceMapCell>(_cells);
        for (int cell = 0; cell < _cells; cell++)
        {
            int row = cell / _columnCount, column = cell % _columnCount;
            var studies = ImmutableCollectionsMarshal.AsImmutableArray(ids[cell]);
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
