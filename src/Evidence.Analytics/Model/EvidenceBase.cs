using System.Collections.Immutable;
using System.Runtime.ExceptionServices;

namespace Evidence.Analytics;

/// <summary>A whole review's evidence: its studies, interventions, findings, PRISMA flow and realist configurations,
/// with lookups between them.</summary>
/// <remarks>
/// <para>The constructor checks integrity (unique ids, every reference resolves) and throws on the first problem. To
/// read a workbook and get every problem with its sheet, row and column instead, use the workbook import.</para>
/// <para>Immutable and safe to share between threads.</para>
/// </remarks>
public sealed partial class EvidenceBase
{
    // Plain dictionaries, never changed after the constructor (so safe to read from any thread): freezing them cost more
    // than their lookups gain, since the charts and sheets walk the evidence index by position. Measured on 100,000
    // studies: the constructor took 125-375 ms with frozen dictionaries, 60-200 ms without, and held 30 MB more.
    private readonly Dictionary<string, Study> _studies;
    private readonly Dictionary<string, Intervention> _interventions;
    private readonly Dictionary<string, ImmutableArray<Finding>> _findingsByStudy;
    private readonly Dictionary<string, ImmutableArray<Study>> _studiesByIntervention;
    private readonly ReviewVocabularies _declaredVocabularies;
    // Built on first use (a benign race: every thread builds the same vocabularies), so an import does not pay for it.
    private ReviewVocabularies? _vocabularies;

    /// <summary>Creates an evidence base.</summary>
    /// <param name="studies">The included studies.</param>
    /// <param name="interventions">The interventions (programmes) they evaluate.</param>
    /// <param name="findings">The coded outcome findings.</param>
    /// <param name="flow">The PRISMA flow counts, if known.</param>
    /// <param name="configurations">Realist CMO configurations, if any.</param>
    /// <param name="review">The review's title and notes.</param>
    /// <param name="vocabularies">The review's extensible vocabularies (as its Vocabulary sheet extends them); by default
    /// the built-in ones. Either way, terms the evidence holds that they lack are added under their own names.</param>
    /// <param name="riskOfBias">Risk-of-bias assessments, one per study and tool, if any.</param>
    /// <exception cref="ArgumentException">An id is duplicated or a reference does not resolve; a study is assessed twice
    /// with one tool, or an assessment's overall judgement disagrees with its study's overall risk of bias.</exception>
    public EvidenceBase(
        IEnumerable<Study> studies,
        IEnumerable<Intervention>? interventions = null,
        IEnumerable<Finding>? findings = null,
        PrismaFlow? flow = null,
        IEnumerable<CmoConfiguration>? configurations = null,
        ReviewInfo? review = null,
        ReviewVocabularies? vocabularies = null,
        IEnumerable<RiskOfBiasAssessment>? riskOfBias = null)
    {
        _declaredVocabularies = vocabularies ?? ReviewVocabularies.BuiltIn;
        ArgumentNullException.ThrowIfNull(studies);
        Studies = [.. studies];
        Interventions = interventions is null ? [] : [.. interventions];
        Findings = findings is null ? [] : [.. findings];
        Configurations = configurations is null ? [] : [.. configurations];
        Flow = flow;
        RiskOfBiasAssessments = riskOfBias is null ? [] : [.. riskOfBias];
        Review = review ?? ReviewInfo.Untitled;

        // The studies with their findings and the interventions with their studies are indexed side by side in a large
        // evidence base (most of an import's last second); either way the first problem in the order of the checks
        // (study ids, intervention ids, configuration ids, studies' interventions, findings' studies) is thrown.
        Dictionary<string, Intervention>? interventionsById = null;
        Dictionary<string, ImmutableArray<Study>>? studiesByIntervention = null;
        ExceptionDispatchInfo? interventionIds = null, studyReferences = null;
        void IndexInterventions()
        {
            try
            {
                interventionsById = Unique(Interventions, i => i.Id, "intervention");
                studiesByIntervention = StudiesByIntervention(Studies, interventionsById);
            }
            catch (Exception e)
            {
                (interventionsById is null ? ref interventionIds : ref studyReferences) = ExceptionDispatchInfo.Capture(e);
            }
        }
        var beside = Findings.Length >= IndexedSideBySide ? Task.Run(IndexInterventions) : null;
        if (beside is null) IndexInterventions();
        ExceptionDispatchInfo? studyIds = null, findingReferences = null;
        Dictionary<string, Study>? studiesById = null;
        Dictionary<string, ImmutableArray<Finding>>? findingsByStudy = null;
        try
        {
            studiesById = Unique(Studies, s => s.Id, "study");
            findingsByStudy = FindingsByStudy(Findings, studiesById);
        }
        catch (Exception e)
        {
            (studiesById is null ? ref studyIds : ref findingReferences) = ExceptionDispatchInfo.Capture(e);
        }
        beside?.Wait();
        studyIds?.Throw();
        interventionIds?.Throw();
        Unique(Configurations, c => c.Id, "configuration");
        studyReferences?.Throw();
        findingReferences?.Throw();
        _studies = studiesById!;
        _interventions = interventionsById!;
        _studiesByIntervention = studiesByIntervention!;
        _findingsByStudy = findingsByStudy!;

        CheckRiskOfBias();

        foreach (var configuration in Configurations)
        {
            foreach (string studyId in configuration.SupportingStudyIds)
            {
                if (!_studies.ContainsKey(studyId))
                    throw new ArgumentException($"Configuration {configuration.Id} names study '{studyId}', which is not in the evidence base.", nameof(configurations));
            }
        }
    }

    /// <summary>The review's title and notes.</summary>
    public ReviewInfo Review { get; }

    /// <summary>The review's intervention types, outcome domains and configuration families: the built-in ones, those
    /// its Vocabulary sheet declares (with their synonyms) and any other term its records hold, so that text typed by a
    /// user ("--outcome Loneliness") is read as the review's workbook was.</summary>
    public ReviewVocabularies Vocabularies =>
        _vocabularies ??= CoveringVocabularies();

    /// <summary>The declared vocabularies, extended with every term this evidence base holds that they lack (a term made
    /// in code rather than declared), so every term of the evidence base can be typed.</summary>
    private ReviewVocabularies CoveringVocabularies()
    {
        var declared = _declaredVocabularies;
        var types = declared.InterventionTypes;
        foreach (var type in Interventions.SelectMany(i => i.Types).Distinct().Order()) types = types.Including(type);
        var domains = declared.OutcomeDomains;
        foreach (var domain in Findings.Select(f => f.Domain).Distinct().Order()) domains = domains.Including(domain);
        var families = declared.ConfigurationFamilies;
        foreach (var family in Configurations.Select(c => c.Family).Distinct().Order()) families = families.Including(family);
        return ReferenceEquals(types, declared.InterventionTypes) && ReferenceEquals(domains, declared.OutcomeDomains) && ReferenceEquals(families, declared.ConfigurationFamilies)
            ? declared
            : new ReviewVocabularies(types, domains, families);
    }

    /// <summary>The included studies, in the order given.</summary>
    public ImmutableArray<Study> Studies { get; }

    /// <summary>The interventions, in the order given.</summary>
    public ImmutableArray<Intervention> Interventions { get; }

    /// <summary>The findings, in the order given.</summary>
    public ImmutableArray<Finding> Findings { get; }

    /// <summary>The PRISMA flow counts, or null.</summary>
    public PrismaFlow? Flow { get; }

    /// <summary>The realist CMO configurations (empty for a review that has none).</summary>
    public ImmutableArray<CmoConfiguration> Configurations { get; }

    /// <summary>The study with an id (ignoring case).</summary>
    /// <exception cref="KeyNotFoundException">No study has that id.</exception>
    public Study Study(string id) =>
        _studies.TryGetValue(id, out var study) ? study : throw new KeyNotFoundException($"No study has id '{id}'.");

    /// <summary>Looks up a study by id (ignoring case).</summary>
    public bool TryGetStudy(string id, out Study study) => _studies.TryGetValue(id, out study!);

    /// <summary>The intervention with an id (ignoring case).</summary>
    /// <exception cref="KeyNotFoundException">No intervention has that id.</exception>
    public Intervention Intervention(string id) =>
        _interventions.TryGetValue(id, out var intervention) ? intervention : throw new KeyNotFoundException($"No intervention has id '{id}'.");

    /// <summary>Looks up an intervention by id (ignoring case).</summary>
    public bool TryGetIntervention(string id, out Intervention intervention) => _interventions.TryGetValue(id, out intervention!);

    /// <summary>The findings a study reports.</summary>
    public ImmutableArray<Finding> FindingsOf(Study study)
    {
        ArgumentNullException.ThrowIfNull(study);
        return _findingsByStudy.TryGetValue(study.Id, out var findings) ? findings : [];
    }

    /// <summary>The interventions a study evaluates.</summary>
    public IEnumerable<Intervention> InterventionsOf(Study study)
    {
        ArgumentNullException.ThrowIfNull(study);
        return study.InterventionIds.Select(Intervention);
    }

    /// <summary>The studies that evaluate an intervention.</summary>
    public ImmutableArray<Study> StudiesOf(Intervention intervention)
    {
        ArgumentNullException.ThrowIfNull(intervention);
        return _studiesByIntervention.TryGetValue(intervention.Id, out var studies) ? studies : [];
    }

    /// <summary>The interventions a finding is about: its own intervention, or all its study's interventions when it names none.</summary>
    public IEnumerable<Intervention> InterventionsOf(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return finding.InterventionId is { } id ? [Intervention(id)] : InterventionsOf(Study(finding.StudyId));
    }

    /// <summary>The intervention types of a study: the union over its interventions, each type once, in display order.</summary>
    public IReadOnlyList<InterventionType> InterventionTypesOf(Study study)
    {
        ArgumentNullException.ThrowIfNull(study);
        // An intervention's types are already distinct and in display order: most studies evaluate one.
        return study.InterventionIds.Length == 1
            ? Intervention(study.InterventionIds[0]).Types
            : InterventionsOf(study).SelectMany(i => i.Types).Distinct().Order().ToArray();
    }

    /// <summary>"Untitled review: 33 studies, 33 interventions, 120 findings".</summary>
    public override string ToString() =>
        $"{Review.Title}: {Studies.Length} studies, {Interventions.Length} interventions, {Findings.Length} findings" +
        (Configurations.IsEmpty ? "" : $", {Configurations.Length} CMO configurations");

    /// <summary>The fewest findings for which the constructor indexes studies and interventions side by side.</summary>
    private const int IndexedSideBySide = 10_000;

    private static Dictionary<string, ImmutableArray<Study>> StudiesByIntervention(ImmutableArray<Study> studies, Dictionary<string, Intervention> interventions)
    {
        var studiesByIntervention = new Dictionary<string, List<Study>>(StringComparer.OrdinalIgnoreCase);
        foreach (var study in studies)
        {
            foreach (string interventionId in study.InterventionIds)
            {
                if (!interventions.ContainsKey(interventionId))
                    throw new ArgumentException($"Study {study.Id} names intervention '{interventionId}', which is not in the evidence base.", nameof(studies));
                if (!studiesByIntervention.TryGetValue(interventionId, out var list))
                    studiesByIntervention[interventionId] = list = [];
                list.Add(study);
            }
        }
        return studiesByIntervention.ToDictionary(p => p.Key, p => p.Value.ToImmutableArray(), StringComparer.OrdinalIgnoreCase);
    }

    private static Dictionary<string, ImmutableArray<Finding>> FindingsByStudy(ImmutableArray<Finding> findings, Dictionary<string, Study> studies)
    {
        var findingsByStudy = new Dictionary<string, ImmutableArray<Finding>.Builder>(StringComparer.OrdinalIgnoreCase);
        foreach (var finding in findings)
        {
            if (!studies.TryGetValue(finding.StudyId, out var study))
                throw new ArgumentException($"A finding names study '{finding.StudyId}', which is not in the evidence base.", nameof(findings));
            if (finding.InterventionId is { } interventionId && !study.InterventionIds.Contains(interventionId, StringComparer.OrdinalIgnoreCase))
                throw new ArgumentException($"A finding of study {study.Id} names intervention '{interventionId}', which the study does not evaluate.", nameof(findings));
            if (!findingsByStudy.TryGetValue(finding.StudyId, out var builder))
                findingsByStudy[finding.StudyId] = builder = ImmutableArray.CreateBuilder<Finding>();
            builder.Add(finding);
        }
        return findingsByStudy.ToDictionary(p => p.Key, p => p.Value.ToImmutable(), StringComparer.OrdinalIgnoreCase);
    }

    private static Dictionary<string, T> Unique<T>(ImmutableArray<T> items, Func<T, string> id, string kind)
    {
        var byId = new Dictionary<string, T>(items.Length, StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
        {
            if (!byId.TryAdd(id(item), item))
                throw new ArgumentException($"Two {kind} records have the id '{id(item)}'.");
        }
        return byId;
    }
}
