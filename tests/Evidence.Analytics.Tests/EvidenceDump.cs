using System.Globalization;
using System.Text;

namespace Evidence.Analytics.Tests;

/// <summary>Every field of an evidence base as text, one record per line, so that two evidence bases compare field by
/// field and a failing comparison shows the first line that differs.</summary>
internal static class EvidenceDump
{
    public static string Of(EvidenceBase evidence)
    {
        var text = new StringBuilder();
        void Line(params object?[] fields) =>
            text.AppendLine(string.Join(" | ", fields.Select(f => f switch
            {
                null => "∅",
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                System.Collections.IEnumerable e and not string => "[" + string.Join(", ", e.Cast<object>()) + "]",
                _ => Convert.ToString(f, CultureInfo.InvariantCulture),
            })));

        Line("review", evidence.Review.Title, evidence.Review.Notes);
        foreach (var s in evidence.Studies)
            Line("study", s.Id, s.Citation.Authors, s.Citation.Year, s.Citation.Title, s.Citation.Doi, s.Design, s.Countries, s.InterventionIds,
                s.Timing, s.MonthsAfterBirth, s.SampleSize, s.PublicationType, s.RiskOfBias);
        foreach (var i in evidence.Interventions)
            Line("intervention", i.Id, i.Name, i.Types.Select(t => t.Name), i.Formats, i.Modes, i.Deliverers, i.ReferralRoutes, i.HasLinkWorker,
                i.NeedsAssessment, i.FollowUp, i.Timing, i.Setting, i.CodedLevel, i.Typology.Level);
        foreach (var f in evidence.Findings)
            Line("finding", f.StudyId, f.InterventionId, f.Domain.Name, f.Measure, f.Direction, f.Estimate?.Metric, f.Estimate?.Value, f.Estimate?.Lower, f.Estimate?.Upper);
        // A flow without a single count says nothing, and the workbook has no row to hold it: it reads back as no flow.
        if (evidence.Flow is { } flow && !IsEmpty(flow))
        {
            Line("flow", flow.Identified.Select(c => c.ToString()), flow.DuplicatesRemoved, flow.AutomationRemoved, flow.OtherRemoved, flow.Screened,
                flow.ExcludedAtScreening, flow.Sought, flow.NotRetrieved, flow.Assessed, flow.ExclusionReasons.Select(c => c.ToString()),
                flow.StudiesIncluded, flow.ReportsIncluded);
        }
        foreach (var c in evidence.Configurations)
            Line("configuration", c.Id, c.Family.Name, c.Context, c.Mechanism, c.Outcome, c.SupportingStudyIds, c.Themes, c.Strength);
        foreach (var a in evidence.RiskOfBiasAssessments)
            Line("risk of bias", a.StudyId, a.Tool.Name, a.Tool.Domains.Select(d => d.ToString()), a.Judgements, a.Overall, a.Weight);
        return text.ToString();
    }

    private static bool IsEmpty(PrismaFlow flow) =>
        flow.Identified.IsEmpty && flow.ExclusionReasons.IsEmpty
        && new[] { flow.DuplicatesRemoved, flow.AutomationRemoved, flow.OtherRemoved, flow.Screened, flow.ExcludedAtScreening,
            flow.Sought, flow.NotRetrieved, flow.Assessed, flow.StudiesIncluded, flow.ReportsIncluded }.All(c => c is null);
}
