using Evidence.Analytics.Excel.IO;
using Evidence.Analytics.Excel.Workbook;
using System.Globalization;

namespace Evidence.Analytics.Excel;

/// <summary>Writes an evidence base as a workbook in the import format (<see cref="WorkbookFormat"/>): the workbook
/// the importer reads back, so a review can be converted, shared and edited in Excel.</summary>
/// <remarks>
/// <para>Sheets: README (first; the review's notes and every column explained), Review, Vocabulary (terms outside the
/// seeded vocabularies), Studies, Interventions, Findings, Flow, Configurations and Configuration links, each with
/// exactly the canonical headers and vocabulary labels.</para>
/// <para>All text is written as text, never as a formula. The same evidence base always gives the same bytes.
/// Typology levels are written only where the reviewer coded one; derived levels are left to the rules on import.</para>
/// </remarks>
public static class EvidenceWorkbookWriter
{
    /// <summary>Writes the workbook to a file, replacing it if it exists.</summary>
    /// <param name="evidence">The evidence base.</param>
    /// <param name="path">The .xlsx file to write.</param>
    public static void Write(EvidenceBase evidence, string path)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        Write(evidence, file);
    }

    /// <summary>Writes the workbook to a stream, which is left open.</summary>
    /// <param name="evidence">The evidence base.</param>
    /// <param name="output">The stream to write to.</param>
    public static void Write(EvidenceBase evidence, Stream output)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(output);
        using var document = new XlsxDocument(output, evidence.Review.Title);
        ReadmeSheet.Write(document, evidence.Review.Title, About(evidence));
        WriteSheet(document, ReviewSheet, ReviewRows(evidence.Review));
        WriteSheet(document, VocabularySheet, AddedTerms(evidence));
        WriteSheet(document, StudySheet, evidence.Studies);
        WriteSheet(document, InterventionSheet, evidence.Interventions);
        WriteSheet(document, FindingSheet, evidence.Findings);
        WriteSheet(document, RiskOfBiasSheet, evidence.RiskOfBiasAssessments);
        WriteSheet(document, FlowSheet, FlowRows(evidence.Flow));
        WriteSheet(document, ConfigurationSheet, evidence.Configurations);
        // Supporting studies are written on the Configurations sheet; the links sheet is there, empty, for editors who prefer it.
        WriteSheet(document, ConfigurationLinkSheet, Array.Empty<CmoConfiguration>());
        document.Save();
    }

    private static IEnumerable<(string, string)> About(EvidenceBase evidence)
    {
        if (evidence.Review.Notes is { } notes) yield return ("Notes", notes);
        yield return ("Contents", string.Create(CultureInfo.InvariantCulture,
            $"{evidence.Studies.Length:N0} studies, {evidence.Interventions.Length:N0} interventions, {evidence.Findings.Length:N0} findings, {evidence.Configurations.Length:N0} CMO configurations."));
        yield return ("About", "An evidence workbook in the Evidence.Analytics import format: one sheet per kind of record. Edit it and read it back with `evidence validate`, `evidence summary` or `evidence report`.");
        yield return ("Written by", LibraryInfo.NameAndVersion);
    }

    private static void WriteSheet<T>(XlsxDocument document, SheetMapping<T> mapping, IEnumerable<T> records) =>
        document.AddSheet(mapping.Sheet.Name, SheetLayout.Table(mapping.Widths), sheet =>
        {
            mapping.WriteHeader(sheet);
            foreach (var record in records) mapping.WriteRow(sheet, record);
        });

    private static IEnumerable<(string Field, string Value)> ReviewRows(ReviewInfo review)
    {
        yield return ("Title", review.Title);
        if (review.Notes is { } notes) yield return ("Notes", notes);
    }

    /// <summary>The terms the review added to the extensible vocabularies (declared on its Vocabulary sheet, with their
    /// synonyms, or used by its records), in the vocabulary's order, so that a converted workbook reads back the same.</summary>
    private static IEnumerable<AddedTerm> AddedTerms(EvidenceBase evidence)
    {
        var review = evidence.Vocabularies;
        return Added("Intervention type", review.InterventionTypes, Vocabularies.InterventionType)
            .Concat(Added("Outcome domain", review.OutcomeDomains, Vocabularies.OutcomeDomain))
            .Concat(Added("Configuration family", review.ConfigurationFamilies, Vocabularies.ConfigurationFamily));
    }

    private static IEnumerable<AddedTerm> Added(string field, ControlledVocabulary review, ControlledVocabulary builtIn) =>
        review.Terms.Where(t => !builtIn.Accepted.Contains(t.Label, StringComparer.Ordinal)).Select(t => new AddedTerm(field, t.Label, t.Synonyms));

    private sealed record AddedTerm(string Field, string Term, IReadOnlyList<string> Synonyms);

    private static IEnumerable<(string Stage, string? Label, int Count)> FlowRows(PrismaFlow? flow)
    {
        if (flow is null) yield break;
        var stages = WorkbookFormat.FlowStages;
        foreach (var source in flow.Identified) yield return (stages[0], source.Label, source.Count);
        (int Stage, int? Count)[] single =
        [
            (1, flow.DuplicatesRemoved), (2, flow.AutomationRemoved), (3, flow.OtherRemoved), (4, flow.Screened),
            (5, flow.ExcludedAtScreening), (6, flow.Sought), (7, flow.NotRetrieved), (8, flow.Assessed),
        ];
        foreach (var (stage, count) in single)
            if (count is { } n) yield return (stages[stage], null, n);
        foreach (var reason in flow.ExclusionReasons) yield return (stages[9], reason.Label, reason.Count);
        if (flow.StudiesIncluded is { } studies) yield return (stages[10], null, studies);
        if (flow.ReportsIncluded is { } reports) yield return (stages[11], null, reports);
        foreach (var register in flow.Registers) yield return (stages[12], register.Label, register.Count);
        if (flow.PreviousStudies is { } previousStudies) yield return (stages[13], null, previousStudies);
        if (flow.PreviousReports is { } previousReports) yield return (stages[14], null, previousReports);
        if (flow.OtherMethods is not { } other) yield break;
        foreach (var source in other.Identified) yield return (stages[15], source.Label, source.Count);
        foreach (var (stage, count) in new (int, int?)[] { (16, other.Sought), (17, other.NotRetrieved), (18, other.Assessed) })
            if (count is { } n) yield return (stages[stage], null, n);
        foreach (var reason in other.ExclusionReasons) yield return (stages[19], reason.Label, reason.Count);
    }

    private static readonly SheetMapping<(string Field, string Value)> ReviewSheet = new(WorkbookFormat.Review, new Dictionary<string, Action<WorksheetWriter, (string Field, string Value)>>
    {
        ["Field"] = (w, r) => w.Text(r.Field),
        ["Value"] = (w, r) => w.Text(r.Value, CellStyle.Wrapped),
    });

    private static readonly SheetMapping<AddedTerm> VocabularySheet = new(WorkbookFormat.Vocabulary, new Dictionary<string, Action<WorksheetWriter, AddedTerm>>
    {
        ["Field"] = (w, t) => w.Text(t.Field),
        ["Term"] = (w, t) => w.Text(t.Term),
        ["Synonyms"] = (w, t) => w.Values(t.Synonyms),
    });

    private static readonly SheetMapping<Study> StudySheet = new(WorkbookFormat.Studies, new Dictionary<string, Action<WorksheetWriter, Study>>
    {
        ["Study ID"] = (w, s) => w.Text(s.Id),
        ["Authors"] = (w, s) => w.Text(s.Citation.Authors),
        ["Year"] = (w, s) => w.Integer(s.Citation.Year, CellStyle.Integer),
        ["Title"] = (w, s) => w.Text(s.Citation.Title),
        ["DOI"] = (w, s) => w.Text(s.Citation.Doi),
        ["Design"] = (w, s) => w.Text(s.Design.Label()),
        ["Countries"] = (w, s) => w.Values(s.Countries),
        ["Interventions"] = (w, s) => w.Values(s.InterventionIds),
        ["Timing"] = (w, s) => w.Text(s.Timing?.Label()),
        ["Months after birth"] = (w, s) => w.Integer(s.MonthsAfterBirth, CellStyle.Integer),
        ["Sample size"] = (w, s) => w.Integer(s.SampleSize),
        ["Publication type"] = (w, s) => w.Text(s.PublicationType?.Label()),
        ["Risk of bias"] = (w, s) => w.Text(s.RiskOfBias?.Label()),
    });

    private static readonly SheetMapping<Intervention> InterventionSheet = new(WorkbookFormat.Interventions, new Dictionary<string, Action<WorksheetWriter, Intervention>>
    {
        ["Intervention ID"] = (w, i) => w.Text(i.Id),
        ["Name"] = (w, i) => w.Text(i.Name),
        ["Types"] = (w, i) => w.Values(i.Types.Select(t => t.Name)),
        ["Format"] = (w, i) => w.Values(i.Formats.Select(f => f.Label())),
        ["Mode"] = (w, i) => w.Values(i.Modes.Select(m => m.Label())),
        ["Deliverer"] = (w, i) => w.Values(i.Deliverers.Select(d => d.Label())),
        ["Referral route"] = (w, i) => w.Values(i.ReferralRoutes.Select(r => r.Label())),
        ["Link worker"] = (w, i) => w.YesNo(i.HasLinkWorker),
        ["Needs assessment"] = (w, i) => w.Text(i.NeedsAssessment?.Label()),
        ["Follow-up"] = (w, i) => w.Text(i.FollowUp?.Label()),
        ["Timing"] = (w, i) => w.Text(i.Timing?.Label()),
        ["Setting"] = (w, i) => w.Text(i.Setting),
        ["Typology level"] = (w, i) => w.Text(i.CodedLevel?.Label()),
    });

    private static readonly SheetMapping<Finding> FindingSheet = new(WorkbookFormat.Findings, new Dictionary<string, Action<WorksheetWriter, Finding>>
    {
        ["Study ID"] = (w, f) => w.Text(f.StudyId),
        ["Intervention ID"] = (w, f) => w.Text(f.InterventionId),
        ["Outcome domain"] = (w, f) => w.Text(f.Domain.Name),
        ["Measure"] = (w, f) => w.Text(f.Measure),
        ["Direction"] = (w, f) => w.Text(f.Direction.Label()),
        ["Effect metric"] = (w, f) => w.Text(f.Estimate?.Metric),
        ["Effect"] = (w, f) => w.Number(f.Estimate?.Value),
        ["Lower"] = (w, f) => w.Number(f.Estimate?.Lower),
        ["Upper"] = (w, f) => w.Number(f.Estimate?.Upper),
        ["SE"] = (w, f) => w.Number(f.Estimate?.StandardError),
    });

    private static readonly SheetMapping<RiskOfBiasAssessment> RiskOfBiasSheet = new(WorkbookFormat.RiskOfBias, new Dictionary<string, Action<WorksheetWriter, RiskOfBiasAssessment>>(
    [
        new("Study ID", (w, a) => w.Text(a.StudyId)),
        new("Tool", (w, a) => w.Text(a.Tool.Name)),
        new("Domains", (w, a) => w.Values(a.Tool.IsGeneric ? a.Tool.Domains.Select(d => d.Name) : [])),
        .. WorkbookFormat.RiskOfBiasDomainColumns.Select(code => new KeyValuePair<string, Action<WorksheetWriter, RiskOfBiasAssessment>>(code,
            (w, a) => w.Text(a.Tool.Domain(code) is { } domain ? a.JudgementOf(domain).Label() : null))),
        new("Overall", (w, a) => w.Text(a.Overall?.Label())),
        new("Weight", (w, a) => w.Number(a.Weight)),
    ]));

    private static readonly SheetMapping<(string Stage, string? Label, int Count)> FlowSheet = new(WorkbookFormat.Flow, new Dictionary<string, Action<WorksheetWriter, (string Stage, string? Label, int Count)>>
    {
        ["Stage"] = (w, r) => w.Text(r.Stage),
        ["Label"] = (w, r) => w.Text(r.Label),
        ["Count"] = (w, r) => w.Integer(r.Count),
    });

    private static readonly SheetMapping<CmoConfiguration> ConfigurationSheet = new(WorkbookFormat.Configurations, new Dictionary<string, Action<WorksheetWriter, CmoConfiguration>>
    {
        ["Configuration ID"] = (w, c) => w.Text(c.Id),
        ["Family"] = (w, c) => w.Text(c.Family.Name),
        ["Context"] = (w, c) => w.Text(c.Context, CellStyle.Wrapped),
        ["Mechanism"] = (w, c) => w.Text(c.Mechanism, CellStyle.Wrapped),
        ["Outcome"] = (w, c) => w.Text(c.Outcome, CellStyle.Wrapped),
        ["Themes"] = (w, c) => w.Values(c.Themes),
        ["Studies"] = (w, c) => w.Values(c.SupportingStudyIds),
        ["Strength"] = (w, c) => w.Text(c.Strength),
    });

    private static readonly SheetMapping<CmoConfiguration> ConfigurationLinkSheet = new(WorkbookFormat.ConfigurationLinks, new Dictionary<string, Action<WorksheetWriter, CmoConfiguration>>
    {
        ["Configuration ID"] = (w, c) => w.Text(c.Id),
        ["Study ID"] = (w, c) => w.Values(c.SupportingStudyIds),
    });
}
