using System.Collections.Immutable;
using System.Globalization;

namespace Evidence.Analytics;

/// <summary>One axis of a map: its labels in display order and how a study, its interventions and a finding map to label indices.</summary>
internal sealed class MapAxis
{
    internal const string NotReported = "Not reported";

    private readonly EvidenceIndex _index;
    private readonly int _notReported;
    private readonly int _firstBandStart;
    private readonly int _bandWidth;
    private readonly int[] _seen;
    private int _stamp;

    public MapAxis(Dimension dimension, EvidenceIndex index, EvidenceFilter filter, int yearBandWidth)
    {
        Dimension = dimension;
        _index = index;
        _notReported = -1;
        List<string> labels;
        switch (dimension)
        {
            case Dimension.InterventionType: labels = [.. index.Types.Select(t => t.Name)]; break;
            case Dimension.OutcomeDomain: labels = [.. index.Domains.Select(d => d.Name)]; break;
            case Dimension.DesignGroup: labels = [.. Enum.GetValues<DesignGroup>().Select(g => g.Label())]; break;
            case Dimension.Design: labels = [.. Enum.GetValues<StudyDesign>().Select(d => d.Label())]; break;
            case Dimension.TypologyLevel: labels = [.. Enum.GetValues<TypologyLevel>().Select(l => l.Label())]; break;
            case Dimension.Direction: labels = [.. Enum.GetValues<Direction>().Select(d => d.Label())]; break;
            case Dimension.Country:
                labels = [.. index.Countries];
                if (index.AnyMissingCountry) { _notReported = labels.Count; labels.Add(NotReported); }
                break;
            case Dimension.PopulationTiming:
                labels = [.. Enum.GetValues<PopulationTiming>().Select(t => t.Label())];
                if (index.AnyMissingTiming) { _notReported = labels.Count; labels.Add(NotReported); }
                break;
            case Dimension.YearBand:
                ArgumentOutOfRangeException.ThrowIfLessThan(yearBandWidth, 1);
                _bandWidth = yearBandWidth;
                int from = Math.Max(index.MinYear, filter.FromYear ?? int.MinValue);
                int to = Math.Min(index.MaxYear, filter.ToYear ?? int.MaxValue);
                _firstBandStart = from - Modulo(from, yearBandWidth);
                labels = [];
                for (int start = _firstBandStart; start <= to && index.Studies.Length > 0; start += yearBandWidth)
                {
                    labels.Add(yearBandWidth == 1
                        ? start.ToString(CultureInfo.InvariantCulture)
                        : string.Create(CultureInfo.InvariantCulture, $"{start}–{start + yearBandWidth - 1}"));
                }
                break;
            default: throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "Unknown map dimension.");
        }
        Labels = [.. labels];
        _seen = new int[Labels.Length];
        Buffer = new int[Labels.Length];
    }

    public Dimension Dimension { get; }

    public ImmutableArray<string> Labels { get; }

    public bool IsFindingLevel => Dimension is Dimension.OutcomeDomain or Dimension.Direction;

    public bool IsInterventionLevel => Dimension is Dimension.InterventionType or Dimension.TypologyLevel;

    /// <summary>The label indices found by the last <see cref="Collect"/>, without duplicates, in the first <c>n</c> places.</summary>
    public int[] Buffer { get; }

    /// <summary>Collects the distinct labels of a study (s), the interventions a fact is about and a finding (f, or −1).</summary>
    /// <param name="s">The study.</param>
    /// <param name="interventions">The interventions the fact is about.</param>
    /// <param name="f">The finding, or −1 for a study-level fact.</param>
    /// <param name="allOfStudy">Whether <paramref name="interventions"/> are all the study's interventions, so the
    /// study's precomputed unions can stand in for a loop over them.</param>
    /// <returns>How many labels were written to <see cref="Buffer"/>.</returns>
    public int Collect(int s, ReadOnlySpan<int> interventions, int f, bool allOfStudy)
    {
        _stamp++;
        int n = 0;
        switch (Dimension)
        {
            case Dimension.InterventionType when _index.StudyTypeMask is { } studyMasks:
                ulong types = 0;
                if (allOfStudy) types = studyMasks[s];
                else foreach (int j in interventions) types |= _index.InterventionTypeMask![j];
                // Bits come out in ordinal order and are distinct, so no stamp is needed.
                for (; types != 0; types &= types - 1) Buffer[n++] = System.Numerics.BitOperations.TrailingZeroCount(types);
                break;
            case Dimension.InterventionType:
                foreach (int j in interventions)
                    foreach (int t in _index.InterventionTypes[j]) Add(t, ref n);
                break;
            case Dimension.TypologyLevel:
                uint levels = 0;
                if (allOfStudy) levels = _index.StudyLevelMask[s];
                else foreach (int j in interventions) levels |= 1u << _index.InterventionLevel[j];
                for (; levels != 0; levels &= levels - 1) Buffer[n++] = System.Numerics.BitOperations.TrailingZeroCount(levels);
                break;
            case Dimension.OutcomeDomain: Add(_index.FindingDomain[f], ref n); break;
            case Dimension.Direction: Add(_index.FindingDirection[f], ref n); break;
            case Dimension.DesignGroup: Add(_index.Group[s], ref n); break;
            case Dimension.Design: Add(_index.Design[s], ref n); break;
            case Dimension.Country:
                var countries = _index.StudyCountries[s];
                if (countries.Length == 0) Add(_notReported, ref n);
                foreach (int c in countries) Add(c, ref n);
                break;
            case Dimension.PopulationTiming:
                int timing = _index.Timing[s];
                Add(timing < 0 ? _notReported : timing, ref n);
                break;
            case Dimension.YearBand:
                int band = (_index.Year[s] - _firstBandStart) / _bandWidth;
                if (band >= 0 && band < Labels.Length) Add(band, ref n);
                break;
        }
        return n;
    }

    /// <summary>The one label of a finding-level axis for finding f (its domain or its direction), without collecting.</summary>
    public int FindingLabel(int f) => Dimension == Dimension.OutcomeDomain ? _index.FindingDomain[f] : _index.FindingDirection[f];

    private void Add(int label, ref int n)
    {
        if (_seen[label] == _stamp) return;
        _seen[label] = _stamp;
        Buffer[n++] = label;
    }

    private static int Modulo(int value, int divisor) => ((value % divisor) + divisor) % divisor;
}
