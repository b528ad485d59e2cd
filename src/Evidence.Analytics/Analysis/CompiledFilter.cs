namespace Evidence.Analytics;

/// <summary>An <see cref="EvidenceFilter"/> turned into lookup tables over an <see cref="EvidenceIndex"/>.</summary>
internal sealed class CompiledFilter
{
    private readonly EvidenceIndex _index;
    private readonly bool[]? _designs;
    private readonly bool[]? _groups;
    private readonly bool[]? _countries;
    private readonly bool[]? _timings;
    private readonly bool[]? _risks;
    private readonly bool[]? _interventions;
    private readonly bool[]? _domains;
    private readonly int _fromYear;
    private readonly int _toYear;

    public CompiledFilter(EvidenceIndex index, EvidenceFilter filter)
    {
        _index = index;
        _designs = Table(filter.Designs, Enum.GetValues<StudyDesign>().Length, d => (int)d);
        _groups = Table(filter.DesignGroups, Enum.GetValues<DesignGroup>().Length, g => (int)g);
        _timings = Table(filter.Timings, Enum.GetValues<PopulationTiming>().Length, t => (int)t);
        _risks = Table(filter.RisksOfBias, Enum.GetValues<RiskOfBias>().Length, r => (int)r);
        _fromYear = filter.FromYear ?? int.MinValue;
        _toYear = filter.ToYear ?? int.MaxValue;
        if (!filter.Countries.IsDefaultOrEmpty)
        {
            var wanted = new HashSet<string>(filter.Countries, StringComparer.OrdinalIgnoreCase);
            _countries = [.. index.Countries.Select(wanted.Contains)];
        }
        if (!filter.Outcomes.IsDefaultOrEmpty)
        {
            _domains = new bool[index.Domains.Length];
            foreach (var domain in filter.Outcomes)
            {
                int ordinal = index.DomainOrdinal(domain);
                if (ordinal >= 0) _domains[ordinal] = true;
            }
        }
        if (filter.FiltersInterventions)
        {
            var types = filter.InterventionTypes.IsDefaultOrEmpty ? null : new HashSet<InterventionType>(filter.InterventionTypes);
            var levels = filter.TypologyLevels.IsDefaultOrEmpty ? null : new HashSet<TypologyLevel>(filter.TypologyLevels);
            var ids = filter.InterventionIds.IsDefaultOrEmpty ? null : new HashSet<string>(filter.InterventionIds, StringComparer.OrdinalIgnoreCase);
            _interventions = [.. index.Interventions.Select(i =>
                (types is null || i.Types.Any(types.Contains))
                && (levels is null || levels.Contains(i.Typology.Level))
                && (ids is null || ids.Contains(i.Id)))];
        }
    }

    public bool FiltersInterventions => _interventions is not null;

    public bool FiltersOutcomes => _domains is not null;

    public bool StudyPasses(int s)
    {
        if (_designs is not null && !_designs[_index.Design[s]]) return false;
        if (_groups is not null && !_groups[_index.Group[s]]) return false;
        int year = _index.Year[s];
        if (year < _fromYear || year > _toYear) return false;
        if (_timings is not null && (_index.Timing[s] < 0 || !_timings[_index.Timing[s]])) return false;
        if (_risks is not null && (_index.RiskOfBias[s] < 0 || !_risks[_index.RiskOfBias[s]])) return false;
        if (_countries is not null)
        {
            bool any = false;
            foreach (int c in _index.StudyCountries[s]) any |= _countries[c];
            if (!any) return false;
        }
        return true;
    }

    public bool InterventionPasses(int j) => _interventions is null || _interventions[j];

    public bool DomainPasses(int d) => _domains is null || _domains[d];

    /// <summary>Writes the study's interventions that pass into <paramref name="into"/> and returns how many.</summary>
    public int PassingInterventions(int s, Span<int> into)
    {
        int count = 0;
        foreach (int j in _index.StudyInterventions[s])
        {
            if (InterventionPasses(j)) into[count++] = j;
        }
        return count;
    }

    private static bool[]? Table<T>(System.Collections.Immutable.ImmutableArray<T> values, int size, Func<T, int> ordinal)
    {
        if (values.IsDefaultOrEmpty) return null;
        var table = new bool[size];
        foreach (var value in values) table[ordinal(value)] = true;
        return table;
    }
}
