namespace Evidence.Analytics.Import;

/// <summary>Reads the Flow sheet (PRISMA counts) and reports, as warnings, the arithmetic that does not add up.</summary>
internal sealed class FlowSheetParser : SheetParser
{
    private static Vocabulary<string> Stages => Vocabularies.PrismaStage;

    private readonly Dictionary<string, (int Count, int Row)> _single = new(StringComparer.Ordinal);
    private readonly List<FlowCount> _identified = [];
    private readonly List<FlowCount> _excluded = [];
    private readonly List<FlowCount> _registers = [];
    private readonly List<FlowCount> _otherIdentified = [];
    private readonly List<FlowCount> _otherExcluded = [];

    public override WorkbookSheet Format => WorkbookFormat.Flow;

    public override void ReadRow(RowReader row, ImportContext context)
    {
        string? text = row.Required("Stage");
        string? stage = null;
        if (text is not null && !Stages.TryParse(text, out stage))
        {
            row.Problem(ProblemKind.UnknownVocabulary, "Stage", text, Stages.UnknownMessage(text));
            stage = null;
        }
        string? label = row.Text("Label");
        int? count = row.Count("Count");
        if (row.HasErrors || stage is null || count is null) return;
        if (stage == "Identified") _identified.Add(new FlowCount(label ?? "Records identified", count.Value));
        else if (stage == "Excluded") _excluded.Add(new FlowCount(label ?? "Reason not given", count.Value));
        else if (stage == "Identified from registers") _registers.Add(new FlowCount(label ?? "Registers", count.Value));
        else if (stage == "Other methods identified") _otherIdentified.Add(new FlowCount(label ?? "Other methods", count.Value));
        else if (stage == "Other methods excluded") _otherExcluded.Add(new FlowCount(label ?? "Reason not given", count.Value));
        else if (_single.TryGetValue(stage, out var first))
            row.Problem(ProblemKind.DuplicateId, "Stage", text, $"The stage '{stage}' is already given on row {first.Row}; only Identified and Excluded may repeat (one row per source or reason).");
        else _single[stage] = (count.Value, row.RowNumber);
    }

    /// <summary>The other-methods column, or null when no row gives one of its counts.</summary>
    private PrismaOtherMethods? OtherMethods(Func<string, int?> get)
    {
        int? sought = get("Other methods sought"), notRetrieved = get("Other methods not retrieved"), assessed = get("Other methods assessed");
        return _otherIdentified.Count == 0 && _otherExcluded.Count == 0 && sought is null && notRetrieved is null && assessed is null
            ? null
            : new PrismaOtherMethods(_otherIdentified, sought, notRetrieved, assessed, _otherExcluded);
    }

    public override void EndSheet(SheetState sheet, ImportContext context)
    {
        if (sheet.RowsRead == 0) return; // a Flow sheet with only its header: the review gives no flow
        int? Get(string stage) => _single.TryGetValue(stage, out var value) ? value.Count : null;
        var flow = new PrismaFlow(_identified, Get("Duplicates removed"), Get("Automation removed"), Get("Other removed"), Get("Screened"),
            Get("Excluded at screening"), Get("Sought"), Get("Not retrieved"), Get("Assessed"), _excluded, Get("Studies included"), Get("Reports included"),
            Get("Previous studies"), Get("Previous reports"), _registers, OtherMethods(Get));
        foreach (string inconsistency in flow.Inconsistencies)
        {
            context.Report(ProblemKind.FlowInconsistency, ProblemSeverity.Warning, sheet.File, sheet.Name,
                $"The PRISMA counts do not add up: {inconsistency}.");
        }
        context.Flow = flow;
    }
}
