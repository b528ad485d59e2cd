using System.Globalization;

namespace Evidence.Analytics;

/// <summary>Builds the notebook summary of an evidence base: what is in it, by design, intervention type, typology
/// level and outcome domain.</summary>
/// <remarks>Every count is of distinct studies (or interventions) unless it says findings, so a multi-label study is
/// counted once per row it belongs to and the rows of a table need not add up to the total.</remarks>
internal static class EvidenceBaseSummary
{
    /// <summary>The summary document.</summary>
    public static DisplayDocument Create(EvidenceBase evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var document = new DisplayDocument(evidence.Review.Title).Lead(Lead(evidence));
        if (evidence.Review.Notes is { } notes)
            document.Note(notes);
        if (evidence.Flow is { } flow)
        {
            foreach (string inconsistency in flow.Inconsistencies)
                document.Problem("PRISMA flow: " + inconsistency);
        }
        if (evidence.Studies.IsEmpty)
            return document;

        document.Table(DesignGroups(evidence)).Table(Designs(evidence)).Table(Types(evidence)).Table(evidence.SummariseTypology().LevelTable());
        if (!evidence.Findings.IsEmpty)
            document.Table(Domains(evidence));
        return document.Note("Counts are distinct studies (interventions for the typology). A study can have several " +
            "intervention types and outcome domains, so those rows need not add up to the total.");
    }

    private static string Lead(EvidenceBase evidence)
    {
        var parts = new List<string>
        {
            Count(evidence.Studies.Length, "study", "studies"),
            Count(evidence.Interventions.Length, "intervention", "interventions"),
            Count(evidence.Findings.Length, "finding", "findings"),
        };
        if (!evidence.Configurations.IsEmpty)
            parts.Add(Count(evidence.Configurations.Length, "CMO configuration", "CMO configurations"));
        if (evidence.Flow?.Screened is { } screened)
            parts.Add(Count(screened, "record screened", "records screened"));
        return string.Join(" · ", parts);
    }

    private static DisplayTable DesignGroups(EvidenceBase evidence)
    {
        var table = new DisplayTable("Design groups", "Group", "#Studies", "#%");
        foreach (var group in evidence.Studies.GroupBy(s => s.DesignGroup).OrderBy(g => g.Key))
            table.Add(group.Key.Label(), group.Count(), Percent(group.Count(), evidence.Studies.Length));
        return table.Total("Total", evidence.Studies.Length, "100%");
    }

    private static DisplayTable Designs(EvidenceBase evidence)
    {
        var table = new DisplayTable("Study designs", "Design", "#Studies");
        foreach (var group in evidence.Studies.GroupBy(s => s.Design).OrderBy(g => g.Key.Group()).ThenBy(g => g.Key))
            table.Add(group.Key.Label(), group.Count());
        return table;
    }

    private static DisplayTable Types(EvidenceBase evidence)
    {
        // One pass over studies: a study counts once per type however many of its interventions have it.
        var studies = new Dictionary<InterventionType, int>();
        var seen = new HashSet<InterventionType>();
        foreach (var study in evidence.Studies)
        {
            seen.Clear();
            foreach (string id in study.InterventionIds)
            {
                foreach (var type in evidence.Intervention(id).Types)
                {
                    if (seen.Add(type))
                        studies[type] = studies.GetValueOrDefault(type) + 1;
                }
            }
        }
        var interventions = evidence.Interventions.SelectMany(i => i.Types).CountBy(t => t).ToDictionary();
        var table = new DisplayTable("Intervention types", "Type", "#Studies", "#Interventions");
        foreach (var type in studies.Keys.Order())
            table.Add(type.Name, studies[type], interventions.GetValueOrDefault(type));
        return table;
    }

    private static DisplayTable Domains(EvidenceBase evidence)
    {
        var table = new DisplayTable("Outcome domains", "Domain", "#Studies", "#Findings", "#Improved");
        foreach (var domain in evidence.Findings.GroupBy(f => f.Domain).OrderBy(g => g.Key))
        {
            table.Add(
                domain.Key.Name,
                domain.Select(f => f.StudyId).Distinct(StringComparer.OrdinalIgnoreCase).Count(),
                domain.Count(),
                domain.Count(f => f.Direction == Direction.Improved));
        }
        return table;
    }

    private static string Count(int n, string one, string many) =>
        string.Create(CultureInfo.InvariantCulture, $"{n:N0} {(n == 1 ? one : many)}");

    private static string Percent(int part, int whole) =>
        whole == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"{100.0 * part / whole:0}%");
}
