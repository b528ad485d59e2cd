using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace Evidence.Analytics;

/// <summary>An evidence base flattened into integer arrays, so maps and shares over hundreds of thousands of findings run
/// without hashing or allocation per finding.</summary>
/// <remarks>Built once per evidence base on first use and cached beside it (a <see cref="ConditionalWeakTable{TKey, TValue}"/>,
/// so it lives exactly as long as the evidence base). Findings are stored grouped by study in CSR form: study s owns
/// positions <c>FindingStart[s]</c> to <c>FindingStart[s + 1]</c>.</remarks>
internal sealed class EvidenceIndex
{
    private static readonly ConditionalWeakTable<EvidenceBase, EvidenceIndex> Cache = [];

    public static EvidenceIndex For(EvidenceBase evidence) => Cache.GetValue(evidence, e => new EvidenceIndex(e));

    internal EvidenceIndex(EvidenceBase evidence)
    {
        var studies = evidence.Studies;
        int studyCount = studies.Length;
        Studies = [.. studies];
        StudyIds = [.. studies.Select(s => s.Id)];
        Interventions = [.. evidence.Interventions];

        var interventionOrdinal = new Dictionary<string, int>(Interventions.Length, StringComparer.OrdinalIgnoreCase);
        for (int j = 0; j < Interventions.Length; j++) interventionOrdinal[Interventions[j].Id] = j;

        Types = [.. InterventionType.Seeded.Concat(Interventions.SelectMany(i => i.Types)).Distinct().Order()];
        var typeOrdinal = Ordinals(Types);
        InterventionTypes = new int[Interventions.Length][];
        InterventionLevel = new byte[Interventions.Length];
        InterventionTypeMask = Types.Length <= 64 ? new ulong[Interventions.Length] : null;
        for (int j = 0; j < Interventions.Length; j++)
        {
            InterventionTypes[j] = OrdinalsOf(Interventions[j].Types, typeOrdinal);
            InterventionLevel[j] = (byte)Interventions[j].Typology.Level;
            if (InterventionTypeMask is not null)
                foreach (int t in InterventionTypes[j]) InterventionTypeMask[j] |= 1UL << t;
        }

        var countryLabels = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var study in Studies)
            foreach (string country in study.Countries) countryLabels.TryAdd(country, country);
        Countries = [.. countryLabels.Values];
        var countryOrdinal = new Dictionary<string, int>(Countries.Length, StringComparer.OrdinalIgnoreCase);
        for (int c = 0; c < Countries.Length; c++) countryOrdinal[Countries[c]] = c;

        Design = new byte[studyCount];
        Group = new byte[studyCount];
        Year = new int[studyCount];
        Timing = new sbyte[studyCount];
        RiskOfBias = new sbyte[studyCount];
        var assessedRisk = new Dictionary<string, RiskOfBias>(StringComparer.OrdinalIgnoreCase);
        foreach (var assessment in evidence.RiskOfBiasAssessments)
            if (assessment.Overall?.Overall() is { } overall) assessedRisk.TryAdd(assessment.StudyId, overall);
        StudyCountries = new int[studyCount][];
        StudyInterventions = new int[studyCount][];
        StudyTypeMask = InterventionTypeMask is null ? null : new ulong[studyCount];
        StudyLevelMask = new byte[studyCount];
        FindingStart = new int[studyCount + 1];
        var domains = OutcomeDomain.Seeded.Concat(evidence.Findings.Select(f => f.Domain)).Distinct().Order().ToArray();
        Domains = domains;
        var domainOrdinal = Ordinals(domains);

        int findingCount = evidence.Findings.Length;
        Findings = new Finding[findingCount];
        FindingDomain = new int[findingCount];
        FindingDirection = new byte[findingCount];
        FindingIntervention = new int[findingCount];
        int position = 0;
        OutcomeDomain? lastDomain = null;
        int lastDomainOrdinal = -1;
        for (int s = 0; s < studyCount; s++)
        {
            var study = Studies[s];
            Design[s] = (byte)study.Design;
            Group[s] = (byte)study.DesignGroup;
            Year[s] = study.Citation.Year;
            Timing[s] = study.Timing is { } timing ? (sbyte)timing : (sbyte)-1;
            RiskOfBias[s] = (study.RiskOfBias ?? assessedRisk.GetValueOrDefault(study.Id, (RiskOfBias)(-1))) is var risk && risk >= 0 ? (sbyte)risk : (sbyte)-1;
            StudyCountries[s] = OrdinalsOf(study.Countries, countryOrdinal);
            StudyInterventions[s] = OrdinalsOf(study.InterventionIds, interventionOrdinal);
            foreach (int j in StudyInterventions[s])
            {
                if (StudyTypeMask is not null) StudyTypeMask[s] |= InterventionTypeMask![j];
                StudyLevelMask[s] |= (byte)(1 << InterventionLevel[j]);
            }
            FindingStart[s] = position;
            foreach (var finding in evidence.FindingsOf(study))
            {
                Findings[position] = finding;
                // Most findings share a handful of domain instances; skip the case-insensitive hash when it repeats.
                if (!ReferenceEquals(finding.Domain, lastDomain))
                {
                    lastDomain = finding.Domain;
                    lastDomainOrdinal = domainOrdinal[finding.Domain];
                }
                FindingDomain[position] = lastDomainOrdinal;
                FindingDirection[position] = (byte)finding.Direction;
                FindingIntervention[position] = finding.InterventionId is { } id ? interventionOrdinal[id] : -1;
                position++;
            }
        }
        FindingStart[studyCount] = position;
        MinYear = studyCount == 0 ? 0 : Year.Min();
        MaxYear = studyCount == 0 ? 0 : Year.Max();
        AnyMissingTiming = Timing.Any(t => t < 0);
        AnyMissingCountry = StudyCountries.Any(c => c.Length == 0);
    }

    public Study[] Studies { get; }
    public string[] StudyIds { get; }
    public Intervention[] Interventions { get; }
    public InterventionType[] Types { get; }
    public OutcomeDomain[] Domains { get; }
    public string[] Countries { get; }

    public byte[] Design { get; }
    public byte[] Group { get; }
    public int[] Year { get; }
    public sbyte[] Timing { get; }
    /// <summary>Each study's overall risk of bias (<see cref="EvidenceBase.OverallRiskOfBias"/>), or -1 when none is given.</summary>
    public sbyte[] RiskOfBias { get; }
    public int[][] StudyCountries { get; }
    public int[][] StudyInterventions { get; }
    public int[][] InterventionTypes { get; }
    public byte[] InterventionLevel { get; }

    /// <summary>Each intervention's types as a bit set over <see cref="Types"/>, or null beyond 64 types.</summary>
    public ulong[]? InterventionTypeMask { get; }

    /// <summary>Each study's intervention types (the union over its interventions) as a bit set, or null beyond 64 types.</summary>
    public ulong[]? StudyTypeMask { get; }

    /// <summary>Each study's typology levels (the union over its interventions) as a bit set.</summary>
    public byte[] StudyLevelMask { get; }

    public int[] FindingStart { get; }
    public Finding[] Findings { get; }
    public int[] FindingDomain { get; }
    public byte[] FindingDirection { get; }
    public int[] FindingIntervention { get; }

    public int MinYear { get; }
    public int MaxYear { get; }
    public bool AnyMissingTiming { get; }
    public bool AnyMissingCountry { get; }

    public int DomainOrdinal(OutcomeDomain domain) => Array.IndexOf(Domains, domain);

    public int TypeOrdinal(InterventionType type) => Array.IndexOf(Types, type);

    // A list's values by their ordinals, in a loop rather than through LINQ: the index is built for every study and
    // intervention before anything is written.
    private static int[] OrdinalsOf<T>(ImmutableArray<T> values, Dictionary<T, int> ordinals) where T : notnull
    {
        if (values.IsEmpty) return [];
        var result = new int[values.Length];
        for (int i = 0; i < result.Length; i++) result[i] = ordinals[values[i]];
        return result;
    }

    private static Dictionary<T, int> Ordinals<T>(IReadOnlyList<T> values) where T : notnull
    {
        var ordinals = new Dictionary<T, int>(values.Count);
        for (int i = 0; i < values.Count; i++) ordinals[values[i]] = i;
        return ordinals;
    }
}
