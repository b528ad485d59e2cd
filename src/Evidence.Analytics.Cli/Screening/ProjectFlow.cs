using Evidence.Analytics.ScreeningProjects;

namespace Evidence.Analytics.Cli;

/// <summary>A screening project's part of the PRISMA flow: records identified per source, duplicates removed, records
/// screened (those with a final decision) and excluded at screening; the later stages are kept from an existing flow.</summary>
internal static class ProjectFlow
{
    public static PrismaFlow Of(ScreeningProject project, ProjectDecisions decisions, PrismaFlow? existing)
    {
        int included = decisions.Included.Length, excluded = decisions.Excluded.Length;
        var identified = project.Sources.GroupBy(s => s.Database ?? s.File, StringComparer.OrdinalIgnoreCase)
            .Select(g => new FlowCount(g.Key, g.Sum(s => s.Records)));
        return new PrismaFlow(identified, project.DuplicatesRemoved, existing?.AutomationRemoved, existing?.OtherRemoved, included + excluded, excluded,
            existing?.Sought, existing?.NotRetrieved, existing?.Assessed, existing?.ExclusionReasons, existing?.StudiesIncluded, existing?.ReportsIncluded);
    }
}
