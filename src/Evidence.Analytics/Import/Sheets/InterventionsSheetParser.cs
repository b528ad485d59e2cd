namespace Evidence.Analytics.Import;

/// <summary>Reads the Interventions sheet: one programme per row, with the attributes its typology level is derived from.</summary>
internal sealed class InterventionsSheetParser : SheetParser
{
    public override WorkbookSheet Format => WorkbookFormat.Interventions;

    public override void ReadRow(RowReader row, ImportContext context)
    {
        string? id = row.Required("Intervention ID");
        string? name = row.Required("Name");
        if (id is not null && !context.InterventionRows.TryAdd(id, row.RowNumber))
            row.Problem(ProblemKind.DuplicateId, "Intervention ID", id, $"The intervention ID '{id}' is already used on row {context.InterventionRows[id]}; each intervention needs its own ID.");
        var types = row.Terms("Types", context.InterventionTypes);
        var formats = row.Terms("Format", Vocabularies.DeliveryFormat);
        var modes = row.Terms("Mode", Vocabularies.DeliveryMode);
        var deliverers = row.Terms("Deliverer", Vocabularies.Deliverer);
        var routes = row.Terms("Referral route", Vocabularies.ReferralRoute);
        bool? linkWorker = row.YesNo("Link worker");
        var needs = row.Enum("Needs assessment", Vocabularies.NeedsAssessment);
        var followUp = row.Enum("Follow-up", Vocabularies.FollowUp);
        var timing = row.Enum("Timing", Vocabularies.Timing);
        string? setting = row.Text("Setting");
        var level = row.Enum("Typology level", Vocabularies.TypologyLevel);
        if (row.HasErrors || id is null || name is null) return;
        context.Interventions.Add(new Intervention(id, name, types, formats, modes, deliverers, routes, linkWorker, needs, followUp, timing, setting, level));
    }
}
