namespace Evidence.Analytics.Import;

/// <summary>Reads the Findings sheet: one outcome result per row, checking that its study and intervention exist and belong together.</summary>
internal sealed class FindingsSheetParser : SheetParser
{
    public override WorkbookSheet Format => WorkbookFormat.Findings;

    public override void ReadRow(RowReader row, ImportContext context)
    {
        string? studyId = row.Required("Study ID");
        string? interventionId = row.Text("Intervention ID");
        var domain = row.Term("Outcome domain", context.OutcomeDomains);
        string? measure = row.Text("Measure");
        var direction = row.Enum("Direction", Vocabularies.Direction);
        string? metric = row.Text("Effect metric");
        double? effect = row.Number("Effect");
        double? lower = row.Number("Lower");
        double? upper = row.Number("Upper");
        double? standardError = row.Number("SE");

        CheckReferences(row, context, studyId, interventionId);
        EffectEstimate? estimate = Estimate(row, metric, effect, lower, upper, standardError);
        if (row.HasErrors || studyId is null || domain is null || direction is null) return;
        context.Findings.Add(new Finding(studyId, interventionId, domain, direction.Value, measure, estimate));
    }

    private static void CheckReferences(RowReader row, ImportContext context, string? studyId, string? interventionId)
    {
        if (interventionId is not null && context.SheetsRead.Contains(WorkbookFormat.Interventions.Name) && !context.InterventionRows.ContainsKey(interventionId))
        {
            row.Problem(ProblemKind.UnknownReference, "Intervention ID", interventionId,
                $"The intervention '{interventionId}' is not on the Interventions sheet; add it there or correct the ID.");
            return;
        }
        if (studyId is null || !context.SheetsRead.Contains(WorkbookFormat.Studies.Name)) return;
        if (!context.StudyRows.TryGetValue(studyId, out var study))
        {
            row.Problem(ProblemKind.UnknownReference, "Study ID", studyId, $"The study '{studyId}' is not on the Studies sheet; add it there or correct the ID.");
        }
        else if (interventionId is not null && !study.InterventionIds.Contains(interventionId, StringComparer.OrdinalIgnoreCase))
        {
            row.Problem(ProblemKind.UnknownReference, "Intervention ID", interventionId,
                $"Study '{studyId}' (Studies row {study.Row}) does not evaluate intervention '{interventionId}'; add it to the study's Interventions cell or correct the ID.");
        }
    }

    private static EffectEstimate? Estimate(RowReader row, string? metric, double? effect, double? lower, double? upper, double? standardError)
    {
        if (effect is null)
        {
            if (lower is not null || upper is not null)
                row.Problem(ProblemKind.MissingValue, "Effect", null, "Confidence limits are given without the estimate; fill in 'Effect' or clear 'Lower' and 'Upper'.");
            else if (standardError is not null)
                row.Problem(ProblemKind.MissingValue, "Effect", null, "A standard error is given without the estimate; fill in 'Effect' or clear 'SE'.");
            return null;
        }
        if (standardError is { } se && !(se > 0))
        {
            row.Problem(ProblemKind.InvalidValue, "SE", FormattableString.Invariant($"{se}"),
                FormattableString.Invariant($"The standard error {se} is not positive; enter the estimate's standard error (of the log ratio for RR and OR), or clear 'SE'."));
            return null;
        }
        if (metric is null)
        {
            row.Problem(ProblemKind.MissingValue, "Effect metric", null, "An effect is given without its metric; fill in 'Effect metric' (e.g. SMD, MD, OR).");
            return null;
        }
        if (lower > effect || upper < effect || lower > upper)
        {
            row.Problem(ProblemKind.InvalidValue, lower > effect || lower > upper ? "Lower" : "Upper", FormattableString.Invariant($"{lower} to {upper}"),
                FormattableString.Invariant($"The interval {lower} to {upper} does not contain the estimate {effect}; check the limits are not swapped."));
            return null;
        }
        return new EffectEstimate(metric, effect.Value, lower, upper, standardError);
    }
}
