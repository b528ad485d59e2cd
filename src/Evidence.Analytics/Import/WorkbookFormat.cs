using System.Collections.Immutable;

namespace Evidence.Analytics;

/// <summary>The kind of value a workbook column holds, which decides how a cell is read and checked.</summary>
public enum ColumnKind
{
    /// <summary>Free text.</summary>
    Text,
    /// <summary>An identifier (of this row, or of a row on another sheet).</summary>
    Identifier,
    /// <summary>A whole number, zero or more.</summary>
    Count,
    /// <summary>A year of publication (1900–2100).</summary>
    Year,
    /// <summary>A decimal number.</summary>
    Number,
    /// <summary>Yes or no.</summary>
    YesNo,
    /// <summary>A value from a controlled vocabulary.</summary>
    Vocabulary,
}

/// <summary>One column of a workbook sheet: its header, what it holds and whether it is required.</summary>
/// <param name="Header">The header as written in the template ("Study ID"). Matching ignores case, spaces and underscores.</param>
/// <param name="Kind">The kind of value.</param>
/// <param name="Required">Whether every row must have a value.</param>
/// <param name="MultiValued">Whether a cell may hold several values separated by <c>;</c>.</param>
/// <param name="Description">What to enter, for the template's README sheet and input hints.</param>
/// <param name="Accepted">For <see cref="ColumnKind.Vocabulary"/> columns, the canonical values; otherwise empty.</param>
public sealed record WorkbookColumn(string Header, ColumnKind Kind, bool Required, bool MultiValued, string Description, ImmutableArray<string> Accepted)
{
    /// <summary>The separator of multi-valued cells.</summary>
    public const char Separator = ';';
}

/// <summary>One sheet of the workbook format (or one .csv file named after it).</summary>
/// <param name="Name">The sheet name ("Studies"); a CSV file is named after it ("studies.csv").</param>
/// <param name="Description">What one row is.</param>
/// <param name="Required">Whether an evidence workbook must have this sheet.</param>
/// <param name="Columns">The columns, in template order.</param>
public sealed record WorkbookSheet(string Name, string Description, bool Required, ImmutableArray<WorkbookColumn> Columns)
{
    /// <summary>The column with a header (exact canonical header).</summary>
    /// <exception cref="KeyNotFoundException">The sheet has no such column.</exception>
    public WorkbookColumn this[string header] =>
        Columns.FirstOrDefault(c => c.Header == header) ?? throw new KeyNotFoundException($"Sheet {Name} has no column '{header}'.");
}

/// <summary>The documented workbook format an evidence base is imported from and exported to: sheets, one row per record,
/// columns with their kinds and vocabularies.</summary>
/// <remarks>This is the single definition the importer, the workbook writer, the extraction template and the README
/// all follow. Header matching ignores case, spaces and underscores; multi-valued cells use <c>;</c>; the
/// <see cref="CompanionSheets"/> are ignored on import, and any other sheet not listed here is reported as not imported.</remarks>
public static class WorkbookFormat
{
    private static readonly ImmutableArray<string> None = [];

    private static WorkbookColumn Text(string header, bool required, string description, bool multi = false) =>
        new(header, ColumnKind.Text, required, multi, description, None);

    private static WorkbookColumn Id(string header, bool required, string description, bool multi = false) =>
        new(header, ColumnKind.Identifier, required, multi, description, None);

    private static WorkbookColumn Of(ColumnKind kind, string header, bool required, string description) =>
        new(header, kind, required, false, description, None);

    private static WorkbookColumn Vocab<T>(Vocabulary<T> vocabulary, string header, bool required, string description, bool multi = false)
        where T : notnull =>
        new(header, ColumnKind.Vocabulary, required, multi, description, [.. vocabulary.Accepted]);

    /// <summary>The Review sheet: two columns, Field and Value; fields Title and Notes.</summary>
    public static WorkbookSheet Review { get; } = new("Review", "One row per field describing the review (Title, Notes).", false,
    [
        Text("Field", true, "Title or Notes."),
        Text("Value", true, "The review's title, or notes every reader must see (e.g. that rows are illustrative)."),
    ]);

    /// <summary>The Studies sheet: one row per included study.</summary>
    public static WorkbookSheet Studies { get; } = new("Studies", "One row per included study.", true,
    [
        Id("Study ID", true, "A unique identifier for the study, e.g. S01."),
        Text("Authors", true, "Authors as cited, separated by commas or semicolons, e.g. Dennis CL, Hodnett E."),
        Of(ColumnKind.Year, "Year", true, "Year of publication, 1900–2100."),
        Text("Title", true, "Title of the study report."),
        Text("DOI", false, "DOI, with or without https://doi.org/."),
        Vocab(Vocabularies.Design, "Design", true, "Study design."),
        Text("Countries", false, "Countries the study was conducted in.", multi: true),
        Id("Interventions", false, "IDs of the interventions (Interventions sheet) the study evaluates.", multi: true),
        Vocab(Vocabularies.Timing, "Timing", false, "When in the perinatal period the population is."),
        Of(ColumnKind.Count, "Months after birth", false, "For postnatal populations, the latest month after birth included (the scoping review's window is up to 12)."),
        Of(ColumnKind.Count, "Sample size", false, "Number of participants analysed."),
        Vocab(Vocabularies.PublicationType, "Publication type", false, "Kind of document."),
        Vocab(Vocabularies.RiskOfBias, "Risk of bias", false, "Overall risk-of-bias judgement; it must agree with the study's overall judgements on the Risk of bias sheet."),
    ]);

    /// <summary>The Interventions sheet: one row per intervention (programme).</summary>
    public static WorkbookSheet Interventions { get; } = new("Interventions", "One row per intervention (programme); several studies may evaluate one.", true,
    [
        Id("Intervention ID", true, "A unique identifier for the intervention, e.g. I01."),
        Text("Name", true, "The programme's name."),
        Vocab(Vocabularies.InterventionType, "Types", false, "Intervention types (several allowed).", multi: true),
        Vocab(Vocabularies.DeliveryFormat, "Format", false, "One-to-one and/or group.", multi: true),
        Vocab(Vocabularies.DeliveryMode, "Mode", false, "In person, telephone and/or online.", multi: true),
        Vocab(Vocabularies.Deliverer, "Deliverer", false, "Who delivers it.", multi: true),
        Vocab(Vocabularies.ReferralRoute, "Referral route", false, "How participants reach it.", multi: true),
        Of(ColumnKind.YesNo, "Link worker", false, "Whether a social-prescribing link worker is involved (yes/no; blank if not reported)."),
        Vocab(Vocabularies.NeedsAssessment, "Needs assessment", false, "How needs are assessed."),
        Vocab(Vocabularies.FollowUp, "Follow-up", false, "Follow-up or duration of support."),
        Vocab(Vocabularies.Timing, "Timing", false, "When it is delivered."),
        Text("Setting", false, "Where it is delivered, e.g. children's centre, home."),
        Vocab(Vocabularies.TypologyLevel, "Typology level", false, "Kimberlee level coded by the reviewer; blank to derive it from the columns above."),
    ]);

    /// <summary>The Findings sheet: one row per outcome result.</summary>
    public static WorkbookSheet Findings { get; } = new("Findings", "One row per outcome result: a study's direction of effect on an outcome domain.", true,
    [
        Id("Study ID", true, "The study reporting the result (Studies sheet)."),
        Id("Intervention ID", false, "The intervention it is about, if the study evaluates several; blank means all of them."),
        Vocab(Vocabularies.OutcomeDomain, "Outcome domain", true, "The outcome domain."),
        Text("Measure", false, "The outcome measure or instrument, e.g. EPDS, UCLA Loneliness Scale."),
        Vocab(Vocabularies.Direction, "Direction", true, "Direction of effect, regardless of statistical significance."),
        Text("Effect metric", false, "The effect metric if an estimate is given, e.g. SMD, MD, OR."),
        Of(ColumnKind.Number, "Effect", false, "The point estimate."),
        Of(ColumnKind.Number, "Lower", false, "Lower confidence limit."),
        Of(ColumnKind.Number, "Upper", false, "Upper confidence limit."),
        Of(ColumnKind.Number, "SE", false, "Standard error of the estimate (of the log ratio for RR and OR), for pooling when no confidence interval is given."),
    ]);

    /// <summary>The domain columns of the Risk of bias sheet: D1, D1b (RoB 2 for cluster trials), then D2 to D12.</summary>
    public static ImmutableArray<string> RiskOfBiasDomainColumns { get; } =
        ["D1", "D1b", .. Enumerable.Range(2, 11).Select(i => "D" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>Every judgement any risk-of-bias tool accepts, in severity order: the drop-down of the domain and Overall columns.</summary>
    internal static ImmutableArray<string> RiskOfBiasJudgementLabels { get; } =
        [.. Enum.GetValues<RiskOfBiasJudgement>().Select(j => j.Label())];

    /// <summary>The Risk of bias sheet: one row per study and assessment tool, a judgement per domain.</summary>
    public static WorkbookSheet RiskOfBias { get; } = new("Risk of bias", "One row per study and risk-of-bias tool: a judgement per domain, the overall judgement and an optional weight.", false,
    [
        Id("Study ID", true, "The study assessed (Studies sheet)."),
        Vocab(Vocabularies.RiskOfBiasTool, "Tool", true, "The assessment tool; any other name is a generic tool whose domains 'Domains' names."),
        Text("Domains", false, "For a generic tool only, its domains' names in order (D1, D2, …); on the tool's first row at least.", multi: true),
        .. RiskOfBiasDomainColumns.Select(code => new WorkbookColumn(code, ColumnKind.Vocabulary, false, false,
            code == "D1b" ? "Judgement on domain D1b (RoB 2 cluster only)." : $"Judgement on domain {code}, in the tool's words; required for each of the tool's domains.", RiskOfBiasJudgementLabels)),
        new("Overall", ColumnKind.Vocabulary, false, false, "The overall judgement, in the tool's words.", RiskOfBiasJudgementLabels),
        Of(ColumnKind.Number, "Weight", false, "The study's weight in a weighted summary plot (zero or more), e.g. its meta-analysis weight."),
    ]);

    /// <summary>The stages of the Flow sheet, in PRISMA order.</summary>
    public static ImmutableArray<string> FlowStages { get; } =
    [
        "Identified", "Duplicates removed", "Automation removed", "Other removed", "Screened", "Excluded at screening",
        "Sought", "Not retrieved", "Assessed", "Excluded", "Studies included", "Reports included",
        "Identified from registers", "Previous studies", "Previous reports", "Other methods identified", "Other methods sought",
        "Other methods not retrieved", "Other methods assessed", "Other methods excluded",
    ];

    /// <summary>The Flow sheet: one row per PRISMA count.</summary>
    public static WorkbookSheet Flow { get; } = new("Flow", "One row per PRISMA flow count; Identified, Identified from registers, Excluded, Other methods identified and Other methods excluded rows may repeat, one per source or reason. Previous studies and reports are an updated review's; the Other methods rows are studies identified via websites, organisations or citation searching.", false,
    [
        new("Stage", ColumnKind.Vocabulary, true, false, "The PRISMA box.", FlowStages),
        Text("Label", false, "For Identified, the database (or register); for Identified from registers, the register; for Other methods identified, the method (Websites, Organisations, Citation searching); for Excluded and Other methods excluded, the reason."),
        Of(ColumnKind.Count, "Count", true, "The number of records or reports."),
    ]);

    /// <summary>The Configurations sheet: one row per realist CMO configuration.</summary>
    public static WorkbookSheet Configurations { get; } = new("Configurations", "One row per realist context–mechanism–outcome configuration.", false,
    [
        Id("Configuration ID", true, "A unique identifier, e.g. TU1."),
        Vocab(Vocabularies.ConfigurationFamily, "Family", true, "What the configuration explains."),
        Text("Context", true, "The context (C)."),
        Text("Mechanism", true, "The mechanism (M)."),
        Text("Outcome", true, "The outcome (O)."),
        Text("Themes", false, "Theme tags.", multi: true),
        Id("Studies", false, "Supporting studies (may instead be given on the Configuration links sheet).", multi: true),
        Text("Strength", false, "A note on the strength of support."),
    ]);

    /// <summary>The Configuration links sheet: one row per configuration–studies link.</summary>
    public static WorkbookSheet ConfigurationLinks { get; } = new("Configuration links", "Links between configurations and their supporting studies.", false,
    [
        Id("Configuration ID", true, "The configuration (Configurations sheet)."),
        Id("Study ID", true, "Supporting studies (Studies sheet).", multi: true),
    ]);

    /// <summary>The Vocabulary sheet: terms that extend the intervention type, outcome domain or configuration family vocabularies.</summary>
    public static WorkbookSheet Vocabulary { get; } = new("Vocabulary", "One row per added term of an extensible vocabulary.", false,
    [
        new("Field", ColumnKind.Vocabulary, true, false, "The vocabulary extended.", ["Intervention type", "Outcome domain", "Configuration family"]),
        Text("Term", true, "The new canonical term."),
        Text("Synonyms", false, "Other spellings that mean the same.", multi: true),
    ]);

    /// <summary>Every sheet, in workbook order.</summary>
    public static ImmutableArray<WorkbookSheet> Sheets { get; } =
        [Review, Vocabulary, Studies, Interventions, Findings, RiskOfBias, Flow, Configurations, ConfigurationLinks];

    /// <summary>Sheets that hold no records and are never imported: the README sheet the writer and the template put
    /// first, and the template's hidden Lists sheet of drop-down values. Any other sheet with rows that is not one of
    /// <see cref="Sheets"/> is reported (a warning), since its rows are not imported.</summary>
    public static ImmutableArray<string> CompanionSheets { get; } = ["README", "Lists"];

    /// <summary>The matching key of a header: lower case, without spaces, underscores, hyphens or dots.</summary>
    public static string HeaderKey(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return string.Concat(header.Where(char.IsLetterOrDigit)).ToLowerInvariant();
    }
}
