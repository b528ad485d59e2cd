namespace Evidence.Analytics.Import;

/// <summary>Reads the Configurations sheet: one realist context–mechanism–outcome configuration per row, checking its
/// family, its id and the studies it names.</summary>
/// <remarks>Supporting studies may be listed in the row's Studies cell, on the Configuration links sheet, or both. The
/// configurations are built once every sheet is read (<see cref="EndImport"/>), which is also when a configuration no
/// study supports is reported, on its own row.</remarks>
internal sealed class ConfigurationsSheetParser : SheetParser
{
    private readonly Dictionary<string, Draft> _drafts = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Draft> _order = [];

    public override WorkbookSheet Format => WorkbookFormat.Configurations;

    /// <summary>Whether a configuration id was defined on the sheet (even on a row with other errors, so links to it do not cascade).</summary>
    public bool IsDefined(string id) => _drafts.ContainsKey(id);

    /// <summary>Adds studies linked on the Configuration links sheet to a defined configuration.</summary>
    public void Link(string id, IEnumerable<string> studyIds) => _drafts[id].LinkedStudyIds.AddRange(studyIds);

    public override void ReadRow(RowReader row, ImportContext context)
    {
        string? id = row.Required("Configuration ID");
        var family = row.Term("Family", context.ConfigurationFamilies);
        string? contextText = row.Required("Context");
        string? mechanism = row.Required("Mechanism");
        string? outcome = row.Required("Outcome");
        var themes = row.List("Themes");
        var studies = row.List("Studies");
        string? strength = row.Text("Strength");

        Draft? draft = null;
        if (id is not null)
        {
            if (_drafts.TryGetValue(id, out var first))
            {
                row.Problem(ProblemKind.DuplicateId, "Configuration ID", id, $"The configuration ID '{id}' is already used on row {first.Row}; each configuration needs its own ID.");
            }
            else
            {
                _drafts[id] = draft = new Draft(row.Sheet, row.RowNumber);
                _order.Add(draft);
            }
        }
        CheckStudies(row, context, "Studies", studies);
        if (row.HasErrors || draft is null || family is null || contextText is null || mechanism is null || outcome is null) return;
        draft.Configuration = new CmoConfiguration(id!, family, contextText, mechanism, outcome, studies, themes, strength);
    }

    public override void EndImport(ImportContext context)
    {
        foreach (var draft in _order)
        {
            if (draft.Configuration is not { } configuration) continue;
            if (configuration.SupportingStudyIds.IsEmpty && draft.LinkedStudyIds.Count == 0)
            {
                int column = draft.Sheet.ColumnOf("Studies");
                string message = $"No study supports configuration '{configuration.Id}'; list its studies in 'Studies' or on the Configuration links sheet.";
                if (column >= 0)
                    draft.Sheet.Problem(ProblemKind.MissingValue, ProblemSeverity.Error, draft.Row, column, null, message);
                else
                    context.Add(new ImportProblem(ProblemKind.MissingValue, ProblemSeverity.Error, draft.Sheet.File, draft.Sheet.Name, draft.Row, "Studies", null, null, message));
                continue;
            }
            context.Configurations.Add(draft.LinkedStudyIds.Count == 0
                ? configuration
                : new CmoConfiguration(configuration.Id, configuration.Family, configuration.Context, configuration.Mechanism, configuration.Outcome,
                    configuration.SupportingStudyIds.Concat(draft.LinkedStudyIds), configuration.Themes, configuration.Strength));
        }
    }

    /// <summary>Reports each study a cell names that is not on the Studies sheet.</summary>
    internal static void CheckStudies(RowReader row, ImportContext context, string header, IEnumerable<string> studyIds)
    {
        if (!context.SheetsRead.Contains(WorkbookFormat.Studies.Name)) return;
        foreach (string study in studyIds)
        {
            if (!context.StudyRows.ContainsKey(study))
                row.Problem(ProblemKind.UnknownReference, header, study, $"The study '{study}' is not on the Studies sheet; add it there or correct the ID.");
        }
    }

    /// <summary>A configuration read from its row, waiting for the links from the Configuration links sheet.</summary>
    private sealed class Draft(SheetState sheet, int row)
    {
        public SheetState Sheet { get; } = sheet;

        public int Row { get; } = row;

        /// <summary>The configuration with the studies of its own row, or null when the row has errors.</summary>
        public CmoConfiguration? Configuration { get; set; }

        public List<string> LinkedStudyIds { get; } = [];
    }
}
