using System.Collections.Immutable;

namespace Evidence.Analytics.Import;

/// <summary>Everything one import accumulates: the problems, the vocabularies as extended by the Vocabulary sheet, the
/// records built so far and the identifiers seen (with their rows, for duplicate and reference checks).</summary>
/// <remarks>Sheet parsers run in <see cref="SheetParser.CreateAll"/> order, so a parser can rely on the sheets before it:
/// interventions are known when studies are read, studies when findings are read.</remarks>
internal sealed class ImportContext(string file, ImportOptions options)
{
    private readonly List<ImportProblem> _problems = [];
    private readonly List<SheetState> _sheets = [];
    private long _cells;

    public string File { get; } = file;

    public ImportOptions Options { get; } = options;

    public Vocabulary<InterventionType> InterventionTypes { get; set; } = Vocabularies.InterventionType;

    public Vocabulary<OutcomeDomain> OutcomeDomains { get; set; } = Vocabularies.OutcomeDomain;

    public Vocabulary<ConfigurationFamily> ConfigurationFamilies { get; set; } = Vocabularies.ConfigurationFamily;

    public string? ReviewTitle { get; set; }

    public string? ReviewNotes { get; set; }

    public List<Study> Studies { get; } = [];

    public List<Intervention> Interventions { get; } = [];

    public List<Finding> Findings { get; } = [];

    public List<CmoConfiguration> Configurations { get; } = [];

    public List<RiskOfBiasAssessment> RiskOfBiasAssessments { get; } = [];

    public PrismaFlow? Flow { get; set; }

    /// <summary>Every intervention id defined (even on a row with other errors, so its references do not cascade), with its row.</summary>
    public Dictionary<string, int> InterventionRows { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every study id defined, with its row and the interventions it evaluates.</summary>
    public Dictionary<string, (int Row, ImmutableArray<string> InterventionIds)> StudyRows { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Format sheets that were present and read (canonical names), so references into a missing sheet are not each reported.</summary>
    public HashSet<string> SheetsRead { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<SheetState> Sheets => _sheets;

    public bool HasErrors { get; private set; }

    public SheetState BeginSheet(WorkbookSheet format, string file, string name)
    {
        var sheet = new SheetState(this, format, file, name);
        _sheets.Add(sheet);
        SheetsRead.Add(format.Name);
        return sheet;
    }

    /// <summary>Records a problem with the whole file or a sheet (no row).</summary>
    public void Report(ProblemKind kind, ProblemSeverity severity, string? file, string? sheet, string message, int? row = null, string? column = null) =>
        Add(new ImportProblem(kind, severity, file ?? File, sheet, row, column, null, null, message));

    public void Add(ImportProblem problem)
    {
        _problems.Add(problem);
        if (problem.IsError) HasErrors = true;
    }

    public void CountCells(int cells)
    {
        _cells += cells;
        if (_cells > Options.MaxCells)
            throw new WorkbookUnreadableException(ProblemKind.TooLarge,
                FormattableString.Invariant($"The workbook is refused: it holds more than {Options.MaxCells:N0} non-empty cells, far more than any evidence workbook; split it."));
    }

    /// <summary>The problems in a reader's order: file problems first, then by sheet (in reading order) and row.</summary>
    public ImmutableArray<ImportProblem> SortedProblems()
    {
        var sheetOrder = new Dictionary<(string File, string Sheet), int>();
        for (int i = 0; i < _sheets.Count; i++) sheetOrder.TryAdd((_sheets[i].File, _sheets[i].Name), i);
        return
        [
            .. _problems
                .Select((p, index) => (Problem: p, Index: index))
                .OrderBy(x => x.Problem.Sheet is null ? -1 : sheetOrder.GetValueOrDefault((x.Problem.File, x.Problem.Sheet), int.MaxValue))
                .ThenBy(x => x.Problem.Row ?? 0)
                .ThenBy(x => x.Index)
                .Select(x => x.Problem),
        ];
    }
}
