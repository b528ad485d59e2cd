using System.Collections.Immutable;
using System.Globalization;

namespace Evidence.Analytics;

/// <summary>A study's coding as the fields two versions of a review are compared by: the Studies sheet's columns (the id
/// aside), the intervention types of its interventions, and its findings in each outcome domain.</summary>
internal static class StudyFields
{
    /// <summary>Every field whose value differs, in field order.</summary>
    public static ImmutableArray<StudyFieldChange> Compare(EvidenceBase previousEvidence, Study previous, EvidenceBase currentEvidence, Study current)
    {
        var before = Fields(previousEvidence, previous);
        var after = Fields(currentEvidence, current);
        var changes = ImmutableArray.CreateBuilder<StudyFieldChange>();
        for (int i = 0; i < after.Study.Count; i++)
        {
            var (field, now) = after.Study[i];
            string? old = before.Study[i].Value;
            // DOIs are compared as matched (case and resolver prefix ignored); everything else as written.
            bool same = field == "DOI" ? string.Equals(CitationKeys.Doi(old) ?? old, CitationKeys.Doi(now) ?? now, StringComparison.Ordinal)
                : string.Equals(old, now, StringComparison.Ordinal);
            if (!same) changes.Add(new StudyFieldChange(field, old, now));
        }
        foreach (var domain in after.Findings.Keys.Concat(before.Findings.Keys).Distinct().Order())
        {
            string? old = before.Findings.GetValueOrDefault(domain), now = after.Findings.GetValueOrDefault(domain);
            if (!string.Equals(old, now, StringComparison.Ordinal)) changes.Add(new StudyFieldChange("Findings: " + domain.Name, old, now));
        }
        return changes.ToImmutable();
    }

    /// <summary>The study's fields in order, each with its value as text (null when blank), and its findings as text per
    /// outcome domain.</summary>
    private static (List<(string Field, string? Value)> Study, Dictionary<OutcomeDomain, string?> Findings) Fields(EvidenceBase evidence, Study study)
    {
        var c = CultureInfo.InvariantCulture;
        var fields = new List<(string Field, string? Value)>
        {
            ("Authors", study.Citation.Authors),
            ("Year", study.Citation.Year.ToString(c)),
            ("Title", study.Citation.Title),
            ("DOI", study.Citation.Doi),
            ("Design", study.Design.Label()),
            ("Countries", Join(study.Countries)),
            ("Interventions", Join(study.InterventionIds)),
            ("Timing", study.Timing?.Label()),
            ("Months after birth", study.MonthsAfterBirth?.ToString(c)),
            ("Sample size", study.SampleSize?.ToString(c)),
            ("Publication type", study.PublicationType?.Label()),
            ("Risk of bias", study.RiskOfBias?.Label()),
            ("Intervention types", Join(evidence.InterventionTypesOf(study).Select(t => t.Name))),
        };
        // Findings are compared as a whole per domain (measure, direction and estimate; intervention when named), sorted,
        // since a finding has no id of its own.
        var findings = evidence.FindingsOf(study).GroupBy(f => f.Domain)
            .ToDictionary(g => g.Key, g => Join(g.Select(Describe).Order(StringComparer.Ordinal)));
        return (fields, findings);
    }

    /// <summary>"EPDS: No difference (MD -0.6 (-1.9 to 0.7))", with the intervention first when the finding names one.</summary>
    private static string Describe(Finding finding) =>
        (finding.InterventionId is { } id ? id + " · " : "") + (finding.Measure ?? "no measure") + ": " + finding.Direction.Label()
        + (finding.Estimate is { } estimate ? " (" + estimate + ")" : "");

    private static string? Join(IEnumerable<string> values)
    {
        string joined = string.Join("; ", values);
        return joined.Length == 0 ? null : joined;
    }
}
